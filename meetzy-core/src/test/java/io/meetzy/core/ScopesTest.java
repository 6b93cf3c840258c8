package io.meetzy.core;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopesTest {

    @Test
    void knownScopesPass() {
        assertThatCode(() -> Scopes.requireKnown(List.of(Scopes.TOKENS_READ, Scopes.ASSISTANTS_READ)))
                .doesNotThrowAnyException();
    }

    @Test
    void unknownScopeIsNamed() {
        assertThatThrownBy(() -> Scopes.requireKnown(List.of(Scopes.TOKENS_READ, "tokens:admin")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown scope 'tokens:admin'; choose from assistants:read, tokens:read, tokens:write.");
        assertThatThrownBy(() -> Scopes.requireKnown(List.of("admin")))
                .hasMessageStartingWith("Unknown scope 'admin';");
    }

    @Test
    void unknownValueOfOtherFormIsNotRepeated() {
        String pasted = "mzy_05QnaxvOSilDxnUdnEW4abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN";

        assertThatThrownBy(() -> Scopes.requireKnown(List.of(pasted)))
                .hasMessage("Unknown scope of " + pasted.length() + " characters; choose from assistants:read,"
                        + " tokens:read, tokens:write.");
    }
}
