package io.meetzy.verifier.rest;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A response of the token API before an adapter writes it.
 *
 * @param status the HTTP status
 * @param headers the headers to set, besides those the authentication filter already set
 * @param body the UTF-8 body; empty for 204
 */
record ApiResponse(int status, Map<String, String> headers, byte[] body) {

    ApiResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    static ApiResponse json(int status, String json, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", "application/json");
        // The create and rotate responses carry a full token: no cache may keep any of them.
        headers.put("Cache-Control", "no-store");
        return new ApiResponse(status, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, Map.of("Cache-Control", "no-store"), new byte[0]);
    }

    boolean hasBody() {
        return body.length > 0;
    }
}
