package io.meetzy.verifier.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InternalHelpersTest {

    @Test
    void headerSplitsSchemeAndCredentials() {
        assertThat(AuthorizationHeader.parse("Bearer abc")).isEqualTo(
                new AuthorizationHeader(AuthorizationHeader.Kind.BEARER, "abc"));
        assertThat(AuthorizationHeader.parse(" \tbearer   abc def \t").credentials()).isEqualTo("abc def");
        assertThat(AuthorizationHeader.parse("Bearer").credentials()).isEmpty();
        assertThat(AuthorizationHeader.parse("Bearer \tabc").kind()).isEqualTo(AuthorizationHeader.Kind.BEARER_WITH_TAB);
        assertThat(AuthorizationHeader.parse("Basic abc").kind()).isEqualTo(AuthorizationHeader.Kind.OTHER_SCHEME);
        assertThat(AuthorizationHeader.parse(" ").kind()).isEqualTo(AuthorizationHeader.Kind.EMPTY);
        assertThat(AuthorizationHeader.parse("Bearer secret").toString()).doesNotContain("secret");
    }

    @Test
    void descriptionKeepsOnlyAllowedCharacters() {
        assertThat(Challenges.withError("meetzy", "invalid_token", "Say \"hi\" \\ caf\u00e9\n."))
                .isEqualTo("Bearer realm=\"meetzy\", error=\"invalid_token\", error_description=\"Say 'hi' ? caf??.\"");
    }

    @Test
    void passwordsAreRedacted() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?user=u&password=p%40ss&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        assertThat(JdbcUrls.redact("jdbc:h2:file:/d/x;USER=sa;PASSWORD=secret;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:/d/x;USER=sa;PASSWORD=***;AUTO_SERVER=TRUE");
        assertThat(JdbcUrls.redact("jdbc:postgresql://u:secret@h/db")).isEqualTo("jdbc:postgresql://u:***@h/db");
        assertThat(JdbcUrls.redact("jdbc:h2:mem:plain")).isEqualTo("jdbc:h2:mem:plain");
    }

    @Test
    void randomIdsHaveTheirShape() {
        java.security.SecureRandom random = new java.security.SecureRandom();

        assertThat(RandomIds.tokenId(random)).matches("tok_[0-9A-Za-z]{16}");
        assertThat(RandomIds.requestId(random)).matches("req_[0-9A-Za-z]{20}");
    }
}
