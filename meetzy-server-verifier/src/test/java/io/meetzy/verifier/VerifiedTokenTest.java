package io.meetzy.verifier;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenTest {

    private static final Instant EXPIRES = Instant.parse("2027-03-04T00:00:00Z");

    @Test
    void scopesCopiedSortedAndImmutable() {
        Set<String> scopes = new HashSet<>(List.of("tokens:write", "assistants:read"));
        VerifiedToken token = new VerifiedToken("tok_1", "acct_1", "CI", "mzy_05QnkV0M5DnB6XrZDNBZ", scopes, EXPIRES);

        scopes.add("tokens:read");

        assertThat(token.scopes()).containsExactly("assistants:read", "tokens:write");
        assertThat(token.hasScope("tokens:read")).isFalse();
        assertThatThrownBy(() -> token.scopes().add("tokens:read")).isInstanceOf(UnsupportedOperationException.class);
    }
}
