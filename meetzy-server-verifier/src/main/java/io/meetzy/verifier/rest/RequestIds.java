package io.meetzy.verifier.rest;

import io.meetzy.verifier.internal.RandomIds;

import java.security.SecureRandom;
import java.util.Optional;

/** The request id of a token API response: the one the authentication filter set, or a new one. */
final class RequestIds {

    /** The response header that carries the request id, as the authentication filters set it. */
    static final String HEADER = "Meetzy-Request-Id";

    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    static String existingOrNew(Optional<String> existing) {
        return existing.filter(id -> !id.isBlank()).orElseGet(() -> RandomIds.requestId(RANDOM));
    }
}
