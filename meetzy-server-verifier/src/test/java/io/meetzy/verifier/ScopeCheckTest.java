package io.meetzy.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeCheckTest {

    private static final VerifiedToken READER = new VerifiedToken("tok_1", "acct_a", "Reader",
            "mzy_05Qn7Qk2LmZx9TbR4WcN", Set.of("tokens:read"), Instant.parse("2025-09-13T10:00:00Z"));

    private final ScopeCheck check = ScopeCheck.of(TokenVerifier.DEFAULT_REALM);

    @Test
    void tokenWithScopePasses() {
        assertThat(check.require(READER, "tokens:read", "GET /v1/tokens")).isEmpty();
    }

    @Test
    void missingScopeGivesChallenge() {
        ScopeRejection rejection = check.require(READER, "assistants:read", "GET /v1/assistants").orElseThrow();

        String message = "The token lacks the scope assistants:read, which GET /v1/assistants requires. Use a token"
                + " that has it, or create one with it.";
        assertThat(rejection.httpStatus()).isEqualTo(403);
        assertThat(rejection.errorType()).isEqualTo("permission_error");
        assertThat(rejection.message()).isEqualTo(message);
        assertThat(rejection.missingScopes()).containsExactly("assistants:read");
        assertThat(rejection.wwwAuthenticate()).isEqualTo("Bearer realm=\"meetzy\", error=\"insufficient_scope\","
                + " error_description=\"" + message + "\", scope=\"assistants:read\"");
        assertThat(rejection.jsonBody("req_1")).isEqualTo("{\"error\":{\"type\":\"permission_error\",\"message\":\""
                + message + "\",\"request_id\":\"req_1\"}}");
    }

    @Test
    void rejectSortsScopesAndCleansDescription() {
        Set<String> missing = new LinkedHashSet<>(List.of("tokens:write", "assistants:read"));

        ScopeRejection rejection = ScopeCheck.of("internal").reject(missing, "Needs \"both\" – see the docs.");

        assertThat(rejection.missingScopes()).containsExactly("assistants:read", "tokens:write");
        assertThat(rejection.message()).isEqualTo("Needs \"both\" – see the docs.");
        assertThat(rejection.wwwAuthenticate()).isEqualTo("Bearer realm=\"internal\", error=\"insufficient_scope\","
                + " error_description=\"Needs 'both' ? see the docs.\", scope=\"assistants:read tokens:write\"");
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatThrownBy(() -> ScopeCheck.of("my \"realm\""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid realm 'my \"realm\"': use printable ASCII without '\"' or '\\'.");
        assertThatThrownBy(() -> ScopeCheck.of(""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> check.reject(Set.of(), "No scope."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("missingScopes is empty: name at least one scope that the token lacks.");
        assertThatThrownBy(() -> check.require(READER, "tokens write", "GET /v1/tokens"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid scope 'tokens write': a scope is printable ASCII without spaces, '\"' or '\\',"
                        + " such as tokens:read.");
    }
}
