package io.meetzy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenNamesTest {

    @Test
    void nameTrimmed() {
        assertThat(TokenNames.normalize("  Production API \n")).isEqualTo("Production API");
    }

    @Test
    void blankNameRejected() {
        assertThatThrownBy(() -> TokenNames.normalize("   "))
                .hasMessageStartingWith("A token name is required");
        assertThatThrownBy(() -> TokenNames.normalize(null))
                .hasMessageStartingWith("A token name is required");
    }

    @Test
    void longNameRejectedWithLength() {
        assertThat(TokenNames.normalize("n".repeat(100))).hasSize(100);
        assertThatThrownBy(() -> TokenNames.normalize("n".repeat(101)))
                .hasMessage("The token name has 101 characters; use at most 100.");
    }

    @Test
    void controlCharacterRejectedWithPosition() {
        assertThatThrownBy(() -> TokenNames.normalize("ci\tbot"))
                .hasMessage("The token name contains a control character (U+0009) at position 2;"
                        + " use a single line of printable text.");
    }
}
