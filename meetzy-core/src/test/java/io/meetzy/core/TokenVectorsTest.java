package io.meetzy.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Known-answer vectors that every implementation of the token format must agree with. */
class TokenVectorsTest {

    private static JsonNode vectors() throws IOException {
        try (InputStream in = TokenVectorsTest.class.getResourceAsStream("/token-vectors.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Stream<Arguments> validVectors() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        vectors().get("valid").forEach(vector -> cases.add(Arguments.of(vector)));
        return cases.stream();
    }

    static Stream<Arguments> invalidVectors() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        vectors().get("invalid").forEach(vector -> cases.add(Arguments.of(vector)));
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("validVectors")
    void validVectorParsesWithItsParts(JsonNode vector) {
        ApiToken token = ApiToken.of(vector.get("token").asText());

        assertThat(token.expiryDay()).isEqualTo(LocalDate.parse(vector.get("expiry_day").asText()));
        assertThat(token.displayPrefix()).isEqualTo(vector.get("display_prefix").asText());
        assertThat(token.maskedValue()).isEqualTo(vector.get("masked_value").asText());
        assertThat(token.value()).endsWith(vector.get("checksum").asText());
    }

    @ParameterizedTest
    @MethodSource("validVectors")
    void validVectorHashes(JsonNode vector) {
        ApiToken token = ApiToken.of(vector.get("token").asText());
        // The vectors key their HMAC with the UTF-8 bytes of "test-pepper" (hyphen, despite the field name).
        byte[] pepper = "test-pepper".getBytes(StandardCharsets.UTF_8);

        assertThat(TokenHasher.sha256().hash(token).hex()).isEqualTo(vector.get("sha256_hex").asText());
        assertThat(TokenHasher.hmacSha256(pepper).hash(token).hex())
                .isEqualTo(vector.get("hmac_sha256_hex_with_pepper_test_pepper").asText());
    }

    @ParameterizedTest
    @MethodSource("invalidVectors")
    void invalidVectorRejectedWithItsReason(JsonNode vector) {
        TokenParseResult result = ApiToken.parse(vector.get("input").asText());

        assertThat(result.isValid()).isFalse();
        assertThat(result.rejection()).get().extracting(TokenRejection::message)
                .isEqualTo(vector.get("reason").asText());
    }
}
