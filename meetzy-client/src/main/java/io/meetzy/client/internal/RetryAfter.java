package io.meetzy.client.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the delay-seconds form of {@code Retry-After} (RFC 9110 section 10.2.3). */
final class RetryAfter {

    private static final Pattern DELAY_SECONDS = Pattern.compile("[0-9]+");

    private RetryAfter() {
    }

    /**
     * Returns the delay, or empty when there is no single header value made only of digits that
     * fits in a {@code long}. An HTTP date, a negative or fractional number, a list and any other
     * text are ignored rather than failing the request.
     */
    static Optional<Duration> parse(List<String> values) {
        if (values == null || values.size() != 1) {
            return Optional.empty();
        }

        String value = values.get(0).strip();
        if (!DELAY_SECONDS.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
