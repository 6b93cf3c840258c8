package io.meetzy.verifier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorResponsesTest {

    @Test
    void bodyHasTypeMessageAndRequestId() {
        assertThat(ErrorResponses.json("authentication_error", "The token was revoked.", "req_1"))
                .isEqualTo("{\"error\":{\"type\":\"authentication_error\",\"message\":\"The token was revoked.\","
                        + "\"request_id\":\"req_1\"}}");
    }

    @Test
    void specialCharactersAreEscaped() {
        assertThat(ErrorResponses.json("api_error", "quote \" backslash \\ line\nend \u0001", "req_2"))
                .isEqualTo("{\"error\":{\"type\":\"api_error\",\"message\":\"quote \\\" backslash \\\\ line\\nend \\u0001\","
                        + "\"request_id\":\"req_2\"}}");
    }

    @Test
    void queryTokenDetection() {
        assertThat(MeetzyAuthFilter.hasQueryToken(null)).isFalse();
        assertThat(MeetzyAuthFilter.hasQueryToken("")).isFalse();
        assertThat(MeetzyAuthFilter.hasQueryToken("limit=5&my_access_token=x")).isFalse();
        assertThat(MeetzyAuthFilter.hasQueryToken("q=access_token")).isFalse();
        assertThat(MeetzyAuthFilter.hasQueryToken("access_token=x")).isTrue();
        assertThat(MeetzyAuthFilter.hasQueryToken("a=1&access_token")).isTrue();
        assertThat(MeetzyAuthFilter.hasQueryToken("access%5Ftoken=x")).isTrue();
        assertThat(MeetzyAuthFilter.hasQueryToken("access%zztoken=x&b=%")).isFalse();
    }
}
