package io.meetzy.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

/** {@link Json#isValid} must accept exactly the bodies that {@link Json#read} parses. */
class JsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n", "{}", "[]", "{\"data\":[{\"id\":\"a\"}]}", " [1, 2.5, true, null] \n",
            "\"text\"", "42", "{\"s\":\"caf\\u00e9 \\n\"}", "{\"a\":{\"b\":{\"c\":[]}}}"})
    void validBodiesAccepted(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        assertThat(Json.isValid(bytes)).isTrue();
        assertThat(Json.read(bytes)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"data\":[]}{\"data\":[]}", "{\"data\":[", "{\"a\" 1}", "<html>Sign in</html>",
            "[1,]", "{} x", "\"unterminated", "{\"s\":\"bad \\q escape\"}", "[1] [2]", "tru"})
    void invalidBodiesRejected(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        assertThat(Json.isValid(bytes)).isFalse();
        assertThat(Json.read(bytes)).isEmpty();
    }

    @Test
    void invalidUtf8InStringRejected() {
        byte[] bytes = {'[', '"', (byte) 0xC3, '(', '"', ']'};

        assertThat(Json.isValid(bytes)).isFalse();
        assertThat(Json.read(bytes)).isEmpty();
    }
}
