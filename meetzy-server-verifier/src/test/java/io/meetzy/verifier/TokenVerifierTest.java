package io.meetzy.verifier;

import io.meetzy.core.ApiToken;
import io.meetzy.core.Expiration;
import io.meetzy.core.TokenMetadata;
import io.meetzy.core.internal.Base62;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenVerifierTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    private static final String CREATE_NEW = "Create a new token and update the applications that use it.";

    private final MutableClock clock = new MutableClock(NOW);
    private final CountingTokenStore store = new CountingTokenStore();
    private final TokenManager manager = TokenManager.builder(store).clock(clock).build();
    private final TokenVerifier verifier = TokenVerifier.builder(store).clock(clock).build();

    @Test
    void validTokenIsVerified() {
        CreatedToken created = manager.create("acct_1", "Production API", Expiration.NINETY_DAYS);

        VerificationResult result = verifier.verify("Bearer " + created.token().value());

        VerifiedToken token = result.token().orElseThrow();
        TokenMetadata metadata = created.metadata();
        assertThat(result.isVerified()).isTrue();
        assertThat(result.rejection()).isEmpty();
        assertThat(result.requestId()).matches("req_[0-9A-Za-z]{20}");
        assertThat(token).isEqualTo(new VerifiedToken(metadata.id(), "acct_1", "Production API",
                metadata.displayPrefix(), metadata.scopes(), metadata.expiresAt()));
        assertThat(store.lookups).hasValue(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bearer ", "BEARER ", "Bearer     ", "  Bearer  ", "bEaReR \u0020"})
    void schemeCaseAndSpacesAreAccepted(String prefix) {
        CreatedToken created = manager.create("acct_1", "Spaces", Expiration.THIRTY_DAYS);

        VerificationResult result = verifier.verify(prefix + created.token().value() + " \t");

        assertThat(result.isVerified()).isTrue();
    }

    @Test
    void missingHeaderGetsBareChallenge() {
        Rejection rejection = rejection(verifier.verify((String) null));

        assertThat(rejection.reason()).isEqualTo(Rejection.Reason.MISSING_CREDENTIALS);
        assertThat(rejection.httpStatus()).isEqualTo(401);
        assertThat(rejection.errorType()).isEqualTo("authentication_error");
        assertThat(rejection.message()).isEqualTo("The request has no Authorization header."
                + " Send 'Authorization: Bearer <token>' with a Meetzy API token.");
        assertThat(rejection.wwwAuthenticate()).contains("Bearer realm=\"meetzy\"");
        assertThat(store.lookups).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Token abc", "Bearer_mzy_x", "Bearertoken", "Digest x=\"y\""})
    void otherSchemeGetsBareChallenge(String header) {
        Rejection rejection = rejection(verifier.verify(header));

        assertThat(rejection.reason()).isEqualTo(Rejection.Reason.MISSING_CREDENTIALS);
        assertThat(rejection.message()).isEqualTo("The Authorization header does not use the Bearer scheme."
                + " Send 'Authorization: Bearer <token>' with a Meetzy API token.");
        assertThat(rejection.wwwAuthenticate()).contains("Bearer realm=\"meetzy\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void blankHeaderCountsAsMissing(String header) {
        assertThat(rejection(verifier.verify(header)).reason()).isEqualTo(Rejection.Reason.MISSING_CREDENTIALS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "bearer     "})
    void bearerWithoutTokenIsInvalidToken(String header) {
        Rejection rejection = rejection(verifier.verify(header));

        String message = "The Authorization header has the Bearer scheme but no token."
                + " Send 'Authorization: Bearer <token>' with a Meetzy API token.";
        assertThat(rejection.reason()).isEqualTo(Rejection.Reason.MALFORMED_TOKEN);
        assertThat(rejection.httpStatus()).isEqualTo(401);
        assertThat(rejection.message()).isEqualTo(message);
        assertThat(rejection.wwwAuthenticate()).contains("Bearer realm=\"meetzy\", error=\"invalid_token\","
                + " error_description=\"" + message + "\"");
    }

    @Test
    void tabAfterSchemeIsInvalidToken() {
        CreatedToken created = manager.create("acct_1", "Tab", Expiration.THIRTY_DAYS);

        Rejection rejection = rejection(verifier.verify("Bearer\t" + created.token().value()));

        assertThat(rejection.reason()).isEqualTo(Rejection.Reason.MALFORMED_TOKEN);
        assertThat(rejection.message()).contains("with a tab");
        assertThat(store.lookups).hasValue(0);
    }

    @Test
    void malformedTokensNeverReachStore() {
        CreatedToken created = manager.create("acct_1", "Real", Expiration.THIRTY_DAYS);
        String value = created.token().value();
        List<String> malformed = List.of(
                value.substring(0, 61),
                value + "A",
                "MZY_" + value.substring(4),
                "abc_" + value.substring(4),
                value.substring(0, 30) + "-" + value.substring(31),
                value.substring(0, 30) + " " + value.substring(31),
                "\"" + value + "\"",
                value.substring(0, 56) + (value.charAt(56) == '0' ? '1' : '0') + value.substring(57),
                value.substring(0, 40) + (value.charAt(40) == 'a' ? 'b' : 'a') + value.substring(41));

        for (String candidate : malformed) {
            Rejection rejection = rejection(verifier.verify("Bearer " + candidate));
            assertThat(rejection.reason()).as(candidate).isEqualTo(Rejection.Reason.MALFORMED_TOKEN);
            assertThat(rejection.message()).as(candidate).startsWith("Invalid Meetzy token: ").doesNotContain(value);
        }

        assertThat(store.lookups).hasValue(0);
    }

    @Test
    void checksumFailureHasExactMessage() {
        CreatedToken created = manager.create("acct_1", "Typo", Expiration.THIRTY_DAYS);
        String value = created.token().value();
        String typo = value.substring(0, 40) + (value.charAt(40) == 'a' ? 'b' : 'a') + value.substring(41);

        Rejection rejection = rejection(verifier.verify("Bearer " + typo));

        String message = "Invalid Meetzy token: the token failed its checksum: it was mistyped or changed."
                + " Copy it again from where it was stored.";
        assertThat(rejection.message()).isEqualTo(message);
        assertThat(rejection.wwwAuthenticate()).contains("Bearer realm=\"meetzy\", error=\"invalid_token\","
                + " error_description=\"" + message + "\"");
    }

    @Test
    void pastEmbeddedExpiryNeedsNoLookup() {
        CreatedToken created = manager.create("acct_1", "Old", Expiration.THIRTY_DAYS);
        clock.set(Instant.parse("2025-07-16T00:00:00Z"));

        Rejection rejection = rejection(verifier.verify("Bearer " + created.token().value()));

        assertThat(rejection.reason()).isEqualTo(Rejection.Reason.EXPIRED_TOKEN);
        assertThat(rejection.message()).isEqualTo("The token expired on 2025-07-15 (UTC). " + CREATE_NEW);
        assertThat(store.lookups).hasValue(0);
    }

    @Test
    void storedExpiryIsExpiredFromItsInstant() {
        CreatedToken created = manager.create("acct_1", "Ends", Expiration.THIRTY_DAYS);
        Instant expiresAt = created.metadata().expiresAt();

        clock.set(expiresAt.minusNanos(1000));
        assertThat(verifier.verify("Bearer " + created.token().value()).isVerified()).isTrue();

        clock.set(expiresAt);
        Rejection rejection = rejection(verifier.verify("Bearer " + created.token().value()));
        assertThat(rejection.reason()).isEqualTo(Rejection.Reason.EXPIRED_TOKEN);
        assertThat(rejection.message()).isEqualTo("The token expired at 2025-07-15T10:00:00Z. " + CREATE_NEW);
        assertThat(store.lookups).hasValue(2);
    }

    @Test
    void shortenedExpiryIsHonoured() {
        CreatedToken created = manager.create("acct_1", "Rotated", Expiration.ONE_YEAR);
        store.shortenExpiry(created.metadata().id(), NOW.plusSeconds(60));
        clock.advance(Duration.ofSeconds(60));

        assertThat(rejection(verifier.verify("Bearer " + created.token().value())).reason())
                .isEqualTo(Rejection.Reason.EXPIRED_TOKEN);
    }

    @Test
    void revokedTokenFailsOnNextVerification() {
        CreatedToken created = manager.create("acct_1", "Compromised", Expiration.THIRTY_DAYS);
        assertThat(verifier.verify("Bearer " + created.token().value()).isVerified()).isTrue();

        manager.revoke("acct_1", created.metadata().id());
        Rejection rejection = rejection(verifier.verify("Bearer " + created.token().value()));

        assertThat(rejection.reason()).isEqualTo(Rejection.Reason.REVOKED_TOKEN);
        assertThat(rejection.message()).isEqualTo("The token was revoked. " + CREATE_NEW);
        assertThat(rejection.wwwAuthenticate()).contains("Bearer realm=\"meetzy\", error=\"invalid_token\","
                + " error_description=\"The token was revoked. " + CREATE_NEW + "\"");
    }

    @Test
    void unknownTokenIsInvalidToken() {
        ApiToken stranger = TestTokens.issue("tok_x", "acct_x", NOW, NOW.plus(Duration.ofDays(30))).token();

        Rejection rejection = rejection(verifier.verify("Bearer " + stranger.value()));

        assertThat(rejection.reason()).isEqualTo(Rejection.Reason.UNKNOWN_TOKEN);
        assertThat(rejection.httpStatus()).isEqualTo(401);
        assertThat(rejection.message()).isEqualTo("The token is not recognized: no issued token matches it."
                + " Check that the complete token was copied, or create a new one.");
        assertThat(store.lookups).hasValue(1);
    }

    @Test
    void wrongSecretOfRevokedTokenSaysUnknown() {
        CreatedToken created = manager.create("acct_1", "Probe", Expiration.THIRTY_DAYS);
        manager.revoke("acct_1", created.metadata().id());
        ApiToken guess = TestTokens.withOtherSecret(created.token());

        Rejection rejection = rejection(verifier.verify("Bearer " + guess.value()));

        assertThat(rejection.reason()).isEqualTo(Rejection.Reason.UNKNOWN_TOKEN);
        assertThat(rejection.message()).doesNotContain("revoked");
    }

    @Test
    void wrongSecretOfExpiredTokenSaysUnknown() {
        CreatedToken created = manager.create("acct_1", "Probe", Expiration.THIRTY_DAYS);
        clock.set(created.metadata().expiresAt());
        ApiToken guess = TestTokens.withOtherSecret(created.token());

        Rejection rejection = rejection(verifier.verify("Bearer " + guess.value()));

        assertThat(rejection.reason()).isEqualTo(Rejection.Reason.UNKNOWN_TOKEN);
        assertThat(rejection.message()).doesNotContain("expired");
    }

    @Test
    void twoHeadersAreInvalidRequest() {
        CreatedToken created = manager.create("acct_1", "Twice", Expiration.THIRTY_DAYS);
        String header = "Bearer " + created.token().value();

        Rejection rejection = rejection(verifier.verify(new BearerRequest(List.of(header, header), false, false)));

        String message = "The request has 2 Authorization headers. Send exactly one: 'Authorization: Bearer <token>'.";
        assertThat(rejection.reason()).isEqualTo(Rejection.Reason.INVALID_REQUEST);
        assertThat(rejection.httpStatus()).isEqualTo(400);
        assertThat(rejection.errorType()).isEqualTo("invalid_request_error");
        assertThat(rejection.message()).isEqualTo(message);
        assertThat(rejection.wwwAuthenticate()).contains("Bearer realm=\"meetzy\", error=\"invalid_request\","
                + " error_description=\"" + message + "\"");
        assertThat(store.lookups).hasValue(0);
    }

    @Test
    void tokenInQueryOnlyIsInvalidRequest() {
        Rejection rejection = rejection(verifier.verify(new BearerRequest(List.of(), true, false)));

        assertThat(rejection.reason()).isEqualTo(Rejection.Reason.INVALID_REQUEST);
        assertThat(rejection.httpStatus()).isEqualTo(400);
        assertThat(rejection.message()).isEqualTo("The token was sent in the URL query parameter access_token,"
                + " and URLs get logged. Send it in the Authorization header instead: 'Authorization: Bearer <token>'.");
    }

    @Test
    void tokenInHeaderAndQueryIsInvalidRequest() {
        CreatedToken created = manager.create("acct_1", "Both", Expiration.THIRTY_DAYS);
        String header = "Bearer " + created.token().value();

        Rejection rejection = rejection(verifier.verify(new BearerRequest(List.of(header), true, false)));

        assertThat(rejection.reason()).isEqualTo(Rejection.Reason.INVALID_REQUEST);
        assertThat(rejection.message()).isEqualTo("The request carries credentials both in the Authorization header"
                + " and in the URL query parameter access_token. Send the token only in the Authorization header.");
        assertThat(store.lookups).hasValue(0);
    }

    @Test
    void tokenInBodyIsInvalidRequest() {
        CreatedToken created = manager.create("acct_1", "Body", Expiration.THIRTY_DAYS);
        String header = "Bearer " + created.token().value();

        assertThat(rejection(verifier.verify(new BearerRequest(List.of(header), false, true))).message())
                .contains("in the request body");
        assertThat(rejection(verifier.verify(new BearerRequest(List.of(), false, true))).message())
                .isEqualTo("The token was sent in the request body."
                        + " Send it in the Authorization header instead: 'Authorization: Bearer <token>'.");
    }

    @Test
    void lastUsedNotedOncePerMinute() {
        CreatedToken created = manager.create("acct_1", "Busy", Expiration.THIRTY_DAYS);
        String header = "Bearer " + created.token().value();

        verifier.verify(header);
        clock.advance(Duration.ofSeconds(59));
        verifier.verify(header);
        assertThat(store.lastUsedWrites).as("nothing is written on the request path").hasValue(0);

        verifier.close();
        assertThat(store.lastUsedWrites).hasValue(1);
        assertThat(store.findById(created.metadata().id()).orElseThrow().lastUsedAt()).contains(NOW);
    }

    @Test
    void flushUsageWritesPendingUseNow() {
        CreatedToken created = manager.create("acct_1", "Listed", Expiration.THIRTY_DAYS);
        verifier.verify("Bearer " + created.token().value());

        verifier.flushUsage();

        assertThat(store.lastUsedWrites).hasValue(1);
        assertThat(store.findById(created.metadata().id()).orElseThrow().lastUsedAt()).contains(NOW);
    }

    @Test
    void lastUsedNotedAgainAfterMinute() {
        CreatedToken created = manager.create("acct_1", "Busy", Expiration.THIRTY_DAYS);
        String header = "Bearer " + created.token().value();

        verifier.verify(header);
        clock.advance(Duration.ofSeconds(60));
        verifier.verify(header);
        verifier.close();

        assertThat(store.lastUsedWrites).as("both uses are in one pending entry").hasValue(1);
        assertThat(store.findById(created.metadata().id()).orElseThrow().lastUsedAt())
                .contains(NOW.plusSeconds(60));
    }

    @Test
    void lastUsedFromAnotherProcessIsRespected() {
        CreatedToken created = manager.create("acct_1", "Shared", Expiration.THIRTY_DAYS);
        store.recordLastUsed(created.metadata().id(), NOW.minusSeconds(30));
        store.lastUsedWrites.set(0);

        verifier.verify("Bearer " + created.token().value());
        verifier.close();

        assertThat(store.lastUsedWrites).hasValue(0);
    }

    @Test
    void failedLastUsedWriteStillVerifies() {
        CreatedToken created = manager.create("acct_1", "Read-only replica", Expiration.THIRTY_DAYS);
        store.lastUsedFailure = new IllegalStateException("database is read-only");

        assertThat(verifier.verify("Bearer " + created.token().value()).isVerified()).isTrue();
        verifier.close();
        assertThat(store.lastUsedWrites).hasValue(1);
    }

    @Test
    void storeFailurePropagates() {
        CreatedToken created = manager.create("acct_1", "Down", Expiration.THIRTY_DAYS);
        store.failure = new JdbcStoreException("findByDisplayPrefix", "jdbc:h2:mem:x",
                new java.sql.SQLException("connection refused"));

        assertThatThrownBy(() -> verifier.verify("Bearer " + created.token().value()))
                .isSameAs(store.failure);
    }

    @Test
    void customRealmIsUsed() {
        TokenVerifier custom = TokenVerifier.builder(store).clock(clock).realm("example api").build();

        assertThat(rejection(custom.verify((String) null)).wwwAuthenticate()).contains("Bearer realm=\"example api\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with \"quote\"", "back\\slash", "caf\u00e9", "line\nbreak"})
    void invalidRealmIsRejected(String realm) {
        assertThatThrownBy(() -> TokenVerifier.builder(store).realm(realm))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use printable ASCII");
    }

    @Test
    void callerRequestIdIsKept() {
        VerificationResult result = verifier.verify(BearerRequest.ofHeader(null), "req_from-gateway.1");

        assertThat(result.requestId()).isEqualTo("req_from-gateway.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "req 1", "req\n1", "r\u00e9q"})
    void invalidRequestIdIsRejected(String requestId) {
        assertThatThrownBy(() -> verifier.verify(BearerRequest.ofHeader(null), requestId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The request id must be 1 to 100 characters");
    }

    @Test
    void resultPrintsNoToken() {
        CreatedToken created = manager.create("acct_1", "Printed", Expiration.THIRTY_DAYS);
        String header = "Bearer " + created.token().value();

        assertThat(verifier.verify(header).toString()).doesNotContain(created.token().value());
        assertThat(BearerRequest.ofHeader(header).toString()).doesNotContain(created.token().value());
    }

    @Test
    void fuzzedHeadersNeverThrow() {
        TokenVerifier verifier = TokenVerifier.builder(store).clock(clock)
                .rateLimit(new RateLimitPolicy(1_000_000, Duration.ofMinutes(1))).build();
        CreatedToken created = manager.create("acct_1", "Fuzz target", Expiration.THIRTY_DAYS);
        String value = created.token().value();
        Random random = new Random(20250615);
        List<String> seeds = List.of("Bearer ", "bearer  ", "Basic ", "", " ", "Bearer\t", "Bearer " + value);
        String alphabet = Base62.DIGITS + " \t_-.~+/=\"\\,;:\u0000\u007f\u00e9\u4e2d\ud83d\ude80\ud800\r\n";

        int verified = 0;
        for (int i = 0; i < 20_000; i++) {
            List<String> headers = new ArrayList<>();
            int headerCount = random.nextInt(10) == 0 ? random.nextInt(3) : 1;
            for (int h = 0; h < headerCount; h++) {
                headers.add(fuzz(random, seeds, alphabet, value));
            }
            BearerRequest request = new BearerRequest(headers, random.nextInt(20) == 0, random.nextInt(20) == 0);

            VerificationResult result = verifier.verify(request);

            assertThat(result.token().isPresent()).isNotEqualTo(result.rejection().isPresent());
            verified += result.isVerified() ? 1 : 0;
            Optional<Rejection> rejection = result.rejection();
            if (rejection.isPresent()) {
                assertThat(rejection.get().httpStatus()).isIn(400, 401);
                assertThat(rejection.get().wwwAuthenticate().orElseThrow()).matches("[\\x20-\\x7E]+");
                assertThat(rejection.get().message()).doesNotContain(value.substring(24, 56));
            }
        }

        assertThat(verified).as("some fuzzed headers keep the real token intact").isPositive();
    }

    private static String fuzz(Random random, List<String> seeds, String alphabet, String value) {
        StringBuilder header = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
        switch (random.nextInt(4)) {
            case 0 -> {
                return header.toString();
            }
            case 1 -> header.append(value, 0, random.nextInt(value.length() + 1));
            case 2 -> {
                char[] mutated = value.toCharArray();
                mutated[random.nextInt(mutated.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
                header.append(mutated);
            }
            default -> {
                int length = random.nextInt(120);
                for (int i = 0; i < length; i++) {
                    header.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
        }
        return header.toString();
    }

    private static Rejection rejection(VerificationResult result) {
        assertThat(result.isVerified()).isFalse();
        return result.rejection().orElseThrow();
    }
}
