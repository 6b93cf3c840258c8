package io.meetzy.verifier.rest;

import static io.meetzy.verifier.rest.ApiCall.errorMessage;
import static io.meetzy.verifier.rest.ApiCall.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.meetzy.core.ApiToken;
import io.meetzy.core.Expiration;
import io.meetzy.core.Scopes;
import io.meetzy.verifier.CreatedToken;
import io.meetzy.verifier.InMemoryTokenStore;
import io.meetzy.verifier.MeetzyAuthFilter;
import io.meetzy.verifier.TokenManager;
import io.meetzy.verifier.TokenVerifier;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token API on a JDK HttpServer behind MeetzyAuthFilter, over real HTTP on loopback. */
class TokenApiHttpTest {

    private static final Instant START = Instant.parse("2025-06-15T10:00:00Z");

    private final FixedStepClock clock = new FixedStepClock(START);
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final TokenManager manager = TokenManager.builder(store).clock(clock).build();
    private HttpServer server;
    private URI base;
    private CreatedToken admin;

    @BeforeEach
    void startServer() throws Exception {
        TokenVerifier verifier = TokenVerifier.builder(store).clock(clock).build();
        TokenApi api = TokenApi.builder(manager).clock(clock).build();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/tokens", new TokenApiHandler(api)).getFilters().add(new MeetzyAuthFilter(verifier));
        server.createContext("/unfiltered/tokens", new TokenApiHandler(api));
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        admin = manager.create("acct_a", "Admin", Expiration.NINETY_DAYS);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    // --- list, create, revoke

    @Test
    void listShowsAccountTokensMaskedNewestFirst() {
        clock.advance(Duration.ofSeconds(1));
        CreatedToken second = manager.create("acct_a", "Second", Expiration.THIRTY_DAYS);
        store.recordLastUsed(second.metadata().id(), Instant.parse("2025-06-15T10:00:01.5Z"));
        manager.create("acct_b", "Other account", Expiration.THIRTY_DAYS);

        HttpResponse<String> response = call("GET", "/v1/tokens", admin, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = json(response).get("data");
        assertThat(data).hasSize(2);
        assertThat(data.get(0).get("id").asText()).isEqualTo(second.metadata().id());
        assertThat(data.get(1).get("id").asText()).isEqualTo(admin.metadata().id());
        JsonNode first = data.get(1);
        assertThat(first.get("name").asText()).isEqualTo("Admin");
        assertThat(first.get("masked_value").asText()).isEqualTo(admin.token().maskedValue());
        assertThat(first.get("scopes")).hasSize(3);
        assertThat(first.get("created_at").asText()).isEqualTo("2025-06-15T10:00:00Z");
        assertThat(first.get("expires_at").asText()).isEqualTo("2025-09-13T10:00:00Z");
        assertThat(data.get(0).get("last_used_at").asText()).isEqualTo("2025-06-15T10:00:01.500Z");
        assertThat(first.get("status").asText()).isEqualTo("active");
        assertThat(first.has("token")).isFalse();
        assertThat(response.body()).doesNotContain(admin.token().value()).doesNotContain(second.token().value());
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("Meetzy-Request-Id")).get().asString().startsWith("req_");
    }

    @Test
    void createReturnsFullTokenOnce() {
        HttpResponse<String> response = call("POST", "/v1/tokens", admin,
                "{\"name\":\"Production API\",\"expires_in\":\"30d\",\"scopes\":[\"assistants:read\"]}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode created = json(response);
        ApiToken token = ApiToken.of(created.get("token").asText());
        assertThat(created.get("masked_value").asText()).isEqualTo(token.maskedValue());
        assertThat(created.get("name").asText()).isEqualTo("Production API");
        assertThat(created.get("expires_at").asText()).isEqualTo("2025-07-15T10:00:00Z");
        assertThat(created.get("scopes").toString()).isEqualTo("[\"assistants:read\"]");
        assertThat(created.get("status").asText()).isEqualTo("active");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(call("GET", "/v1/tokens", admin, null).body()).doesNotContain(token.value());
    }

    @Test
    void createWithoutScopesGetsCallersScopes() {
        CreatedToken writer = manager.create("acct_a", "Writer", Expiration.THIRTY_DAYS,
                Set.of(Scopes.TOKENS_WRITE, Scopes.ASSISTANTS_READ));

        HttpResponse<String> response = call("POST", "/v1/tokens", writer, "{\"name\":\"Child\",\"expires_in\":\"90d\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).get("scopes").toString()).isEqualTo("[\"assistants:read\",\"tokens:write\"]");
    }

    @Test
    void revokeAnswers204AndTokenStopsWorking() {
        CreatedToken victim = manager.create("acct_a", "Old", Expiration.THIRTY_DAYS);

        HttpResponse<String> revoked = call("DELETE", "/v1/tokens/" + victim.metadata().id(), admin, null);

        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(revoked.body()).isEmpty();
        assertThat(call("GET", "/v1/tokens", victim, null).statusCode()).isEqualTo(401);
        assertThat(store.findById(victim.metadata().id()).orElseThrow().isRevoked()).isTrue();
    }

    @Test
    void revokeTwiceSucceeds() {
        String id = manager.create("acct_a", "Twice", Expiration.THIRTY_DAYS).metadata().id();

        assertThat(call("DELETE", "/v1/tokens/" + id, admin, null).statusCode()).isEqualTo(204);
        assertThat(call("DELETE", "/v1/tokens/" + id, admin, null).statusCode()).isEqualTo(204);
    }

    // --- account isolation

    @Test
    void otherAccountsTokenIsNotFound() {
        CreatedToken theirs = manager.create("acct_b", "Theirs", Expiration.THIRTY_DAYS);
        String id = theirs.metadata().id();

        HttpResponse<String> list = call("GET", "/v1/tokens", admin, null);
        HttpResponse<String> revoke = call("DELETE", "/v1/tokens/" + id, admin, null);
        HttpResponse<String> rotate = call("POST", "/v1/tokens/" + id + "/rotate", admin, "{\"grace_period\":\"1h\"}");
        HttpResponse<String> unknown = call("DELETE", "/v1/tokens/tok_0000000000000000", admin, null);

        assertThat(list.body()).doesNotContain(id);
        assertThat(revoke.statusCode()).isEqualTo(404);
        assertThat(rotate.statusCode()).isEqualTo(404);
        assertThat(json(revoke).path("error").path("type").asText()).isEqualTo("not_found_error");
        assertThat(errorMessage(revoke)).isEqualTo("No token with id '" + id
                + "' was found in this account. List the account's tokens to find the right id.");
        assertThat(errorMessage(rotate)).isEqualTo(errorMessage(revoke));
        assertThat(errorMessage(unknown)).isEqualTo(errorMessage(revoke).replace(id, "tok_0000000000000000"));
        assertThat(store.findById(id).orElseThrow().isRevoked()).isFalse();
        assertThat(store.findById(id).orElseThrow().expiresAt()).isEqualTo(theirs.metadata().expiresAt());
        assertThat(manager.list("acct_b")).hasSize(1);
        assertThat(manager.list("acct_a")).hasSize(1);
    }

    // --- rotation

    @Test
    void renewalFlowWithGracePeriod() {
        CreatedToken old = manager.create("acct_a", "Service", Expiration.NINETY_DAYS,
                Set.of(Scopes.TOKENS_READ, Scopes.TOKENS_WRITE));

        HttpResponse<String> rotated = call("POST", "/v1/tokens/" + old.metadata().id() + "/rotate", old,
                "{\"grace_period\":\"24h\"}");
        ApiToken replacement = ApiToken.of(json(rotated).get("token").asText());

        assertThat(rotated.statusCode()).isEqualTo(201);
        assertThat(json(rotated).get("name").asText()).isEqualTo("Service");
        assertThat(json(rotated).get("scopes").toString()).isEqualTo("[\"tokens:read\",\"tokens:write\"]");
        assertThat(json(rotated).get("expires_at").asText()).isEqualTo("2025-09-13T10:00:00Z");

        JsonNode listedDuringGrace = json(call("GET", "/v1/tokens", replacement.value(), null)).get("data");
        assertThat(call("GET", "/v1/tokens", old, null).statusCode()).isEqualTo(200);
        assertThat(listedDuringGrace).extracting(node -> node.get("name").asText()).containsOnly("Service", "Admin");
        assertThat(listedDuringGrace).hasSize(3);
        assertThat(store.findById(old.metadata().id()).orElseThrow().expiresAt()).isEqualTo(START.plus(Duration.ofHours(24)));

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(call("GET", "/v1/tokens", old, null).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> oldAfterGrace = call("GET", "/v1/tokens", old, null);
        assertThat(oldAfterGrace.statusCode()).isEqualTo(401);
        assertThat(errorMessage(oldAfterGrace)).startsWith("The token expired at 2025-06-16T10:00:00Z.");
        assertThat(call("GET", "/v1/tokens", replacement.value(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void rotateWithoutBodyExpiresOldAtOnce() {
        CreatedToken old = manager.create("acct_a", "Immediate", Expiration.THIRTY_DAYS);

        HttpResponse<String> rotated = call("POST", "/v1/tokens/" + old.metadata().id() + "/rotate", admin, null);

        assertThat(rotated.statusCode()).isEqualTo(201);
        assertThat(json(rotated).get("expires_at").asText()).isEqualTo("2025-07-15T10:00:00Z");
        assertThat(call("GET", "/v1/tokens", old, null).statusCode()).isEqualTo(401);
    }

    @Test
    void rotateWithExpiresInUsesIt() {
        CreatedToken old = manager.create("acct_a", "Longer", Expiration.THIRTY_DAYS);

        HttpResponse<String> rotated = call("POST", "/v1/tokens/" + old.metadata().id() + "/rotate", admin,
                "{\"grace_period\":\"0\",\"expires_in\":\"1y\"}");

        assertThat(rotated.statusCode()).isEqualTo(201);
        assertThat(json(rotated).get("expires_at").asText()).isEqualTo("2026-06-15T10:00:00Z");
    }

    @Test
    void rotateOfRevokedTokenIsBadRequest() {
        String id = manager.create("acct_a", "Revoked", Expiration.THIRTY_DAYS).metadata().id();
        manager.revoke("acct_a", id);

        HttpResponse<String> response = call("POST", "/v1/tokens/" + id + "/rotate", admin, "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorMessage(response)).isEqualTo("Token '" + id + "' is revoked, so it cannot be rotated."
                + " Create a new token instead.");
    }

    // --- scopes

    @Test
    void readOnlyTokenCannotWrite() {
        CreatedToken reader = manager.create("acct_a", "Reader", Expiration.THIRTY_DAYS, Set.of(Scopes.TOKENS_READ));
        String id = admin.metadata().id();

        HttpResponse<String> list = call("GET", "/v1/tokens", reader, null);
        HttpResponse<String> create = call("POST", "/v1/tokens", reader, "{\"name\":\"x\",\"expires_in\":\"30d\"}");
        HttpResponse<String> revoke = call("DELETE", "/v1/tokens/" + id, reader, null);
        HttpResponse<String> rotate = call("POST", "/v1/tokens/" + id + "/rotate", reader, null);

        assertThat(list.statusCode()).isEqualTo(200);
        for (HttpResponse<String> response : List.of(create, revoke, rotate)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(json(response).path("error").path("type").asText()).isEqualTo("permission_error");
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .startsWith("Bearer realm=\"meetzy\", error=\"insufficient_scope\", error_description=\"The token lacks"
                            + " the scope tokens:write, which ")
                    .endsWith("\", scope=\"tokens:write\"");
        }
        assertThat(errorMessage(create)).isEqualTo("The token lacks the scope tokens:write, which POST /v1/tokens"
                + " requires. Use a token that has it, or create one with it.");
        assertThat(store.findById(id).orElseThrow().isRevoked()).isFalse();
        assertThat(manager.list("acct_a")).hasSize(2);
    }

    @Test
    void writeOnlyTokenCannotList() {
        CreatedToken writer = manager.create("acct_a", "Writer", Expiration.THIRTY_DAYS, Set.of(Scopes.TOKENS_WRITE));

        HttpResponse<String> response = call("GET", "/v1/tokens", writer, null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).isEqualTo(
                "Bearer realm=\"meetzy\", error=\"insufficient_scope\", error_description=\"The token lacks the scope"
                        + " tokens:read, which GET /v1/tokens requires. Use a token that has it, or create one with it.\","
                        + " scope=\"tokens:read\"");
    }

    @Test
    void createCannotEscalateScopes() {
        CreatedToken writer = manager.create("acct_a", "Writer", Expiration.THIRTY_DAYS,
                Set.of(Scopes.TOKENS_READ, Scopes.TOKENS_WRITE));

        HttpResponse<String> response = call("POST", "/v1/tokens", writer,
                "{\"name\":\"Escalate\",\"expires_in\":\"30d\",\"scopes\":[\"tokens:write\",\"assistants:read\"]}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(errorMessage(response)).isEqualTo("A token cannot create a token with scopes that it lacks itself:"
                + " the calling token lacks assistants:read. Request only scopes that the calling token has, or use"
                + " a token that has them.");
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).endsWith(", scope=\"assistants:read\"");
        assertThat(manager.list("acct_a")).hasSize(2);
    }

    @Test
    void rotateCannotEscalateScopes() {
        CreatedToken writer = manager.create("acct_a", "Writer", Expiration.THIRTY_DAYS,
                Set.of(Scopes.TOKENS_READ, Scopes.TOKENS_WRITE));

        HttpResponse<String> response = call("POST", "/v1/tokens/" + admin.metadata().id() + "/rotate", writer, null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(errorMessage(response)).startsWith("A token cannot rotate a token with scopes that it lacks itself,"
                + " because the replacement gets the same scopes: the calling token lacks assistants:read.");
        assertThat(manager.list("acct_a")).hasSize(2);
        assertThat(call("GET", "/v1/tokens", admin, null).statusCode()).isEqualTo(200);
    }

    // --- validation: one test per rule

    @Test
    void missingNameIsRejected() {
        assertBadRequest(create("{\"expires_in\":\"30d\"}"),
                "The field 'name' is required: describe what uses the token, for example \"Production API\".");
    }

    @Test
    void blankNameIsRejected() {
        assertBadRequest(create("{\"name\":\"   \",\"expires_in\":\"30d\"}"),
                "The field 'name' is required: describe what uses the token, for example \"Production API\".");
    }

    @Test
    void tooLongNameIsRejected() {
        assertBadRequest(create("{\"name\":\"" + "n".repeat(101) + "\",\"expires_in\":\"30d\"}"),
                "Invalid field 'name': the token name has 101 characters; use at most 100.");
    }

    @Test
    void controlCharacterInNameIsRejected() {
        assertBadRequest(create("{\"name\":\"two\\nlines\",\"expires_in\":\"30d\"}"),
                "Invalid field 'name': the token name contains a control character (U+000A) at position 3;"
                        + " use a single line of printable text.");
    }

    @Test
    void nameOfWrongTypeIsRejected() {
        assertBadRequest(create("{\"name\":42,\"expires_in\":\"30d\"}"), "The field 'name' must be a string, got a number.");
    }

    @Test
    void missingExpiresInIsRejected() {
        assertBadRequest(create("{\"name\":\"CI\"}"),
                "The field 'expires_in' is required: use one of 30d, 90d, 6m, 1y, never.");
    }

    @Test
    void unknownExpiresInIsRejected() {
        assertBadRequest(create("{\"name\":\"CI\",\"expires_in\":\"2w\"}"),
                "Invalid field 'expires_in': '2w' is not an expiration. Use one of 30d, 90d, 6m, 1y, never.");
    }

    @Test
    void malformedJsonIsRejected() {
        assertBadRequest(create("{\"name\":\"CI\",\"expires_in\":"), "The request body is not valid JSON (line 1,"
                + " column 27). Send a JSON object, such as {\"name\":\"Production API\",\"expires_in\":\"90d\"}.");
    }

    @Test
    void malformedJsonMessageNeverEchoesBody() {
        HttpResponse<String> response = create("name=" + admin.token().value());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorMessage(response)).startsWith("The request body is not valid JSON (line 1, column ");
        assertThat(response.body()).doesNotContain(admin.token().value().substring(24, 56));
    }

    @Test
    void emptyBodyIsRejected() {
        assertBadRequest(create(""), "The request body is empty. Send a JSON object, such as"
                + " {\"name\":\"Production API\",\"expires_in\":\"90d\"}.");
    }

    @Test
    void bodyThatIsNotObjectIsRejected() {
        assertBadRequest(create("[\"CI\"]"), "The request body must be a JSON object, such as"
                + " {\"name\":\"Production API\",\"expires_in\":\"90d\"}.");
    }

    @Test
    void trailingDataIsRejected() {
        assertBadRequest(create("{\"name\":\"CI\",\"expires_in\":\"30d\"} {}"), "The request body is not valid JSON"
                + " (line 1, column 34). Send a JSON object, such as {\"name\":\"Production API\",\"expires_in\":\"90d\"}.");
    }

    @Test
    void unknownFieldIsRejected() {
        assertBadRequest(create("{\"name\":\"CI\",\"expires_in\":\"30d\",\"expires\":\"never\"}"),
                "Unknown field 'expires' in the request body. The accepted fields are expires_in, name, scopes.");
    }

    @Test
    void unknownFieldMessageNeverEchoesToken() {
        HttpResponse<String> response = create("{\"" + admin.token().value() + "\":1}");

        assertBadRequest(response, "Unknown field (a value of 62 characters) in the request body."
                + " The accepted fields are expires_in, name, scopes.");
    }

    @Test
    void repeatedFieldIsRejected() {
        assertBadRequest(create("{\"name\":\"CI\",\"name\":\"CD\",\"expires_in\":\"30d\"}"),
                "The request body repeats a field (line 1, column 20). Send each field once.");
    }

    @Test
    void bodyOverSizeBoundIsRejected() {
        String body = "{\"name\":\"CI\",\"expires_in\":\"30d\"}" + " ".repeat(TokenApi.DEFAULT_MAX_BODY_BYTES);

        assertBadRequest(create(body), "The request body is larger than 8192 bytes, the limit of this API. Send a small"
                + " JSON object, such as {\"name\":\"Production API\",\"expires_in\":\"90d\"}.");
    }

    @Test
    void chunkedBodyOverSizeBoundIsRejected() {
        byte[] body = ("{\"name\":\"" + "x".repeat(TokenApi.DEFAULT_MAX_BODY_BYTES) + "\"}").getBytes();

        HttpResponse<String> response = ApiCall.sendChunked(base.resolve("/v1/tokens"), admin.token().value(), body);

        assertBadRequest(response, "The request body is larger than 8192 bytes, the limit of this API. Send a small"
                + " JSON object, such as {\"name\":\"Production API\",\"expires_in\":\"90d\"}.");
    }

    @Test
    void bodyAtSizeBoundIsAccepted() {
        String body = "{\"name\":\"CI\",\"expires_in\":\"30d\"}";
        String padded = body + " ".repeat(TokenApi.DEFAULT_MAX_BODY_BYTES - body.length());

        assertThat(create(padded).statusCode()).isEqualTo(201);
    }

    @Test
    void emptyScopesAreRejected() {
        assertBadRequest(create("{\"name\":\"CI\",\"expires_in\":\"30d\",\"scopes\":[]}"), "The field 'scopes' must not be"
                + " empty: leave it out to get every scope of the calling token, or list some of assistants:read,"
                + " tokens:read, tokens:write.");
    }

    @Test
    void unknownScopeIsRejected() {
        assertBadRequest(create("{\"name\":\"CI\",\"expires_in\":\"30d\",\"scopes\":[\"tokens:admin\"]}"),
                "Invalid field 'scopes': 'tokens:admin' is not a scope. Use some of assistants:read, tokens:read,"
                        + " tokens:write.");
    }

    @Test
    void scopesOfWrongTypeAreRejected() {
        assertBadRequest(create("{\"name\":\"CI\",\"expires_in\":\"30d\",\"scopes\":\"tokens:read\"}"),
                "The field 'scopes' must be an array of strings, got a string.");
    }

    @Test
    void malformedGracePeriodIsRejected() {
        assertBadRequest(rotate("{\"grace_period\":\"one day\"}"), "Invalid field 'grace_period': (a value of 7"
                + " characters) is not a duration. Use a duration from 0 to 7d, such as 24h (units s, m, h, d).");
    }

    @Test
    void negativeGracePeriodIsRejected() {
        assertBadRequest(rotate("{\"grace_period\":\"-1h\"}"), "Invalid field 'grace_period': '-1h' is not a duration."
                + " Use a duration from 0 to 7d, such as 24h (units s, m, h, d).");
    }

    @Test
    void gracePeriodOverSevenDaysIsRejected() {
        assertBadRequest(rotate("{\"grace_period\":\"169h\"}"), "Invalid field 'grace_period': 169h is longer than the"
                + " maximum of 7d. Use a duration from 0 to 7d, such as 24h (units s, m, h, d).");
    }

    @Test
    void unknownRotateFieldIsRejected() {
        assertBadRequest(rotate("{\"grace\":\"24h\"}"),
                "Unknown field 'grace' in the request body. The accepted fields are expires_in, grace_period.");
    }

    @Test
    void rejectedRequestsCreateNothing() {
        create("{\"name\":\"\",\"expires_in\":\"30d\"}");
        rotate("{\"grace_period\":\"8d\"}");

        assertThat(manager.list("acct_a")).hasSize(1);
        assertThat(store.findById(admin.metadata().id()).orElseThrow().expiresAt()).isEqualTo(admin.metadata().expiresAt());
    }

    // --- routing and wiring

    @Test
    void wrongMethodIs405WithAllow() {
        HttpResponse<String> response = call("PUT", "/v1/tokens", admin, "{}");
        HttpResponse<String> onId = call("GET", "/v1/tokens/" + admin.metadata().id(), admin, null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, POST");
        assertThat(errorMessage(response)).isEqualTo("The method 'PUT' is not allowed here. Use GET, POST.");
        assertThat(onId.statusCode()).isEqualTo(405);
        assertThat(onId.headers().firstValue("Allow")).contains("DELETE");
    }

    @Test
    void unknownPathIs404() {
        List<Integer> statuses = new ArrayList<>();
        for (String path : List.of("/v1/tokensX", "/v1/tokens/tok_1/renew", "/v1/tokens//rotate")) {
            statuses.add(call("POST", path, admin, null).statusCode());
        }

        assertThat(statuses).containsOnly(404);
    }

    @Test
    void missingTokenIsRejectedByFilter() {
        HttpResponse<String> response = ApiCall.send(base.resolve("/v1/tokens"), "GET", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"meetzy\"");
    }

    @Test
    void handlerWithoutFilterAnswers500() {
        HttpResponse<String> response = call("GET", "/unfiltered/tokens", admin, null);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response).path("error").path("type").asText()).isEqualTo("api_error");
        assertThat(json(response).path("error").path("request_id").asText()).startsWith("req_");
    }

    @Test
    void errorCarriesFilterRequestId() {
        HttpResponse<String> response = create("{}");

        assertThat(json(response).path("error").path("request_id").asText())
                .isEqualTo(response.headers().firstValue("Meetzy-Request-Id").orElseThrow());
    }

    private HttpResponse<String> create(String body) {
        return call("POST", "/v1/tokens", admin, body);
    }

    private HttpResponse<String> rotate(String body) {
        return call("POST", "/v1/tokens/" + admin.metadata().id() + "/rotate", admin, body);
    }

    private HttpResponse<String> call(String method, String path, CreatedToken caller, String body) {
        return call(method, path, caller.token().value(), body);
    }

    private HttpResponse<String> call(String method, String path, String token, String body) {
        return ApiCall.send(base.resolve(path), method, token, body);
    }

    private static void assertBadRequest(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(errorMessage(response)).isEqualTo(message);
    }
}
