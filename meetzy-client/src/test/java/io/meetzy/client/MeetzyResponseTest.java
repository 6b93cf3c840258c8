package io.meetzy.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.meetzy.core.ApiToken;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

class MeetzyResponseTest {

    @Test
    void toStringMasksCreatedToken() {
        ApiToken token = TestTokens.newToken();
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("id", "tok_1").put("token", token.value());

        MeetzyResponse response = new MeetzyResponse(201, body, Map.of("Meetzy-Request-Id", List.of("req_7")));

        assertThat(response.toString()).isEqualTo("MeetzyResponse[statusCode=201, requestId=req_7, rateLimit=unknown, body="
                + "{\"id\":\"tok_1\",\"token\":\"" + token.maskedValue() + "\"}]");
        assertThat(response.body().path("token").asText()).isEqualTo(token.value());
    }

    @Test
    void inputsAreCopied() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", "before");
        List<String> values = new ArrayList<>(List.of("1"));
        Map<String, List<String>> headers = new HashMap<>(Map.of("RateLimit-Remaining", values));

        MeetzyResponse response = new MeetzyResponse(200, body, headers);
        body.put("name", "after");
        values.add("2");
        headers.put("X-Added", List.of("x"));

        assertThat(response.body().path("name").asText()).isEqualTo("before");
        assertThat(response.headers().get("ratelimit-remaining")).containsExactly("1");
        assertThat(response.header("X-Added")).isEmpty();
    }

    @Test
    void headersAreUnmodifiable() {
        MeetzyResponse response = new MeetzyResponse(200, JsonNodeFactory.instance.objectNode(), Map.of());

        assertThatThrownBy(() -> response.headers().put("X", List.of("y")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullBodyRejected() {
        assertThatThrownBy(() -> new MeetzyResponse(200, null, Map.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("body");
    }

    @Test
    void impossibleStatusRejected() {
        assertThatThrownBy(() -> new MeetzyResponse(42, JsonNodeFactory.instance.objectNode(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("statusCode must be between 100 and 599, got 42.");
    }
}
