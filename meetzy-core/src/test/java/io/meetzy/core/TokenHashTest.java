package io.meetzy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokenHashTest {

    private static final ApiToken TOKEN = ApiToken.of("mzy_05QnkV0M5DnB6XrZDNBZfLu1Ne4vbNBviyOb0TWZzPC0aIvHoAV244HJgM");

    @Test
    void sameTokenMatches() {
        TokenHash stored = TokenHasher.sha256().hash(TOKEN);

        assertThat(stored.matches(TokenHash.ofHex(stored.hex()))).isTrue();
    }

    @Test
    void pepperChangesHash() {
        TokenHash plain = TokenHasher.sha256().hash(TOKEN);
        TokenHash peppered = TokenHasher.hmacSha256("pepper".getBytes(StandardCharsets.UTF_8)).hash(TOKEN);

        assertThat(plain.matches(peppered)).isFalse();
        assertThat(plain.matches(null)).isFalse();
    }

    @Test
    void wrongLengthHashRejected() {
        assertThatThrownBy(() -> TokenHash.of(new byte[31]))
                .hasMessage("A token hash has 32 bytes, got 31.");
    }

    @Test
    void emptyPepperRejected() {
        assertThatThrownBy(() -> TokenHasher.hmacSha256(new byte[0]))
                .hasMessage("The HMAC pepper must not be empty.");
    }
}
