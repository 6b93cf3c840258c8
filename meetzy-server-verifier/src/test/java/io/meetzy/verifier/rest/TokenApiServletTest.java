package io.meetzy.verifier.rest;

import static io.meetzy.verifier.rest.ApiCall.errorMessage;
import static io.meetzy.verifier.rest.ApiCall.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetzy.core.ApiToken;
import io.meetzy.core.Expiration;
import io.meetzy.core.Scopes;
import io.meetzy.verifier.CreatedToken;
import io.meetzy.verifier.InMemoryTokenStore;
import io.meetzy.verifier.MeetzyServletFilter;
import io.meetzy.verifier.TokenManager;
import io.meetzy.verifier.TokenVerifier;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token API as a Servlet in Jetty 12, behind {@link MeetzyServletFilter}, over real HTTP on loopback. */
class TokenApiServletTest {

    private static final Instant START = Instant.parse("2025-06-15T10:00:00Z");

    private final FixedStepClock clock = new FixedStepClock(START);
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final TokenManager manager = TokenManager.builder(store).clock(clock).build();
    private Server server;
    private URI base;
    private CreatedToken admin;

    @BeforeEach
    void startJetty() throws Exception {
        TokenApi api = TokenApi.builder(manager).clock(clock).build();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new TokenApiServlet(api)), "/v1/tokens/*");
        context.addServlet(new ServletHolder(new TokenApiServlet(api)), "/unfiltered/tokens/*");
        context.addFilter(new FilterHolder(new MeetzyServletFilter(TokenVerifier.builder(store).clock(clock).build())),
                "/v1/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();

        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
        admin = manager.create("acct_a", "Admin", Expiration.NINETY_DAYS);
    }

    @AfterEach
    void stopJetty() throws Exception {
        server.stop();
    }

    @Test
    void listAndCreate() {
        HttpResponse<String> created = call("POST", "/v1/tokens", admin, "{\"name\":\"Servlet\",\"expires_in\":\"30d\"}");
        HttpResponse<String> list = call("GET", "/v1/tokens", admin, null);

        assertThat(created.statusCode()).isEqualTo(201);
        ApiToken token = ApiToken.of(json(created).get("token").asText());
        assertThat(created.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).get("data")).hasSize(2);
        assertThat(list.body()).contains(token.maskedValue()).doesNotContain(token.value());
        assertThat(call("GET", "/v1/tokens/", admin, null).statusCode()).isEqualTo(200);
    }

    @Test
    void rotateThenRevoke() {
        CreatedToken old = manager.create("acct_a", "Old", Expiration.THIRTY_DAYS);

        HttpResponse<String> rotated = call("POST", "/v1/tokens/" + old.metadata().id() + "/rotate", admin,
                "{\"grace_period\":\"24h\"}");
        HttpResponse<String> revoked = call("DELETE", "/v1/tokens/" + old.metadata().id(), admin, null);

        assertThat(rotated.statusCode()).isEqualTo(201);
        assertThat(json(rotated).get("name").asText()).isEqualTo("Old");
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(call("GET", "/v1/tokens", old, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/v1/tokens", json(rotated).get("token").asText(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void otherAccountsTokenIsNotFound() {
        String theirs = manager.create("acct_b", "Theirs", Expiration.THIRTY_DAYS).metadata().id();

        HttpResponse<String> revoke = call("DELETE", "/v1/tokens/" + theirs, admin, null);
        HttpResponse<String> rotate = call("POST", "/v1/tokens/" + theirs + "/rotate", admin, null);

        assertThat(revoke.statusCode()).isEqualTo(404);
        assertThat(rotate.statusCode()).isEqualTo(404);
        assertThat(store.findById(theirs).orElseThrow().isRevoked()).isFalse();
    }

    @Test
    void missingScopeIs403WithChallenge() {
        CreatedToken reader = manager.create("acct_a", "Reader", Expiration.THIRTY_DAYS, Set.of(Scopes.TOKENS_READ));

        HttpResponse<String> response = call("DELETE", "/v1/tokens/" + admin.metadata().id(), reader, null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                .startsWith("Bearer realm=\"meetzy\", error=\"insufficient_scope\"")
                .endsWith("scope=\"tokens:write\"");
    }

    @Test
    void oversizedBodyIsRejected() {
        String body = "{\"name\":\"" + "x".repeat(TokenApi.DEFAULT_MAX_BODY_BYTES) + "\",\"expires_in\":\"30d\"}";

        HttpResponse<String> response = call("POST", "/v1/tokens", admin, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorMessage(response)).startsWith("The request body is larger than 8192 bytes");
    }

    @Test
    void gracePeriodIsValidated() {
        HttpResponse<String> response = call("POST", "/v1/tokens/" + admin.metadata().id() + "/rotate", admin,
                "{\"grace_period\":\"8d\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorMessage(response)).startsWith("Invalid field 'grace_period': 8d is longer than the maximum of 7d.");
    }

    @Test
    void idempotencyKeyReplaysThroughServlet() {
        String body = "{\"name\":\"Servlet\",\"expires_in\":\"30d\"}";
        List<Map.Entry<String, String>> key = List.of(Map.entry("Idempotency-Key", "servlet-key-1"));

        HttpResponse<String> first = ApiCall.send(base.resolve("/v1/tokens"), "POST", admin.token().value(), body, key);
        HttpResponse<String> repeat = ApiCall.send(base.resolve("/v1/tokens"), "POST", admin.token().value(), body, key);
        HttpResponse<String> reused = ApiCall.send(base.resolve("/v1/tokens"), "POST", admin.token().value(),
                "{\"name\":\"Other\",\"expires_in\":\"30d\"}", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(repeat.statusCode()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(manager.list("acct_a")).hasSize(2);
    }

    @Test
    void servletWithoutFilterAnswers500() {
        HttpResponse<String> response = call("GET", "/unfiltered/tokens", admin, null);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Meetzy-Request-Id")).get().asString().startsWith("req_");
    }

    private HttpResponse<String> call(String method, String path, CreatedToken caller, String body) {
        return call(method, path, caller.token().value(), body);
    }

    private HttpResponse<String> call(String method, String path, String token, String body) {
        return ApiCall.send(base.resolve(path), method, token, body);
    }
}
