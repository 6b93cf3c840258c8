package io.meetzy.verifier;

import io.meetzy.verifier.internal.FormParameters;
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
        assertThat(FormParameters.contains(null, FormParameters.ACCESS_TOKEN)).isFalse();
        assertThat(FormParameters.contains("", FormParameters.ACCESS_TOKEN)).isFalse();
        assertThat(FormParameters.contains("limit=5&my_access_token=x", FormParameters.ACCESS_TOKEN)).isFalse();
        assertThat(FormParameters.contains("q=access_token", FormParameters.ACCESS_TOKEN)).isFalse();
        assertThat(FormParameters.contains("access_token=x", FormParameters.ACCESS_TOKEN)).isTrue();
        assertThat(FormParameters.contains("a=1&access_token", FormParameters.ACCESS_TOKEN)).isTrue();
        assertThat(FormParameters.contains("access%5Ftoken=x", FormParameters.ACCESS_TOKEN)).isTrue();
        assertThat(FormParameters.contains("access%zztoken=x&b=%", FormParameters.ACCESS_TOKEN)).isFalse();
    }
}
