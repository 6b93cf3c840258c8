package io.meetzy.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenRedactorTest {

    private static final String PREFIX = "mzy_05Qn7Qk2LmZx9TbR4WcN";

    @Test
    void masksFullToken() {
        String token = PREFIX + "a".repeat(38);

        assertThat(TokenRedactor.redact("sent " + token + ".")).isEqualTo("sent " + PREFIX + "*".repeat(38) + ".");
    }

    @Test
    void masksTruncatedToken() {
        assertThat(TokenRedactor.redact(PREFIX + "SeCrEt")).isEqualTo(PREFIX + "******");
    }

    @Test
    void masksEveryToken() {
        String text = PREFIX + "X1" + " and " + PREFIX + "Y2";

        assertThat(TokenRedactor.redact(text)).isEqualTo(PREFIX + "**" + " and " + PREFIX + "**");
    }

    @Test
    void leavesShortPrefixAlone() {
        assertThat(TokenRedactor.redact("mzy_abc and $1 \\ text")).isEqualTo("mzy_abc and $1 \\ text");
    }
}
