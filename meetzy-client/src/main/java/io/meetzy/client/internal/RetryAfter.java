package io.meetzy.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code Retry-After} (RFC 9110 section 10.2.3) in both of its forms: delay-seconds and an
 * HTTP date.
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * Returns the wait the server asked for, or empty when it gave none that can be used: no header,
     * several values, an empty value, a negative or fractional number, a number too large for a
     * {@code long}, a date at or before {@code now}, or other text. An empty result never fails a
     * request; the client then falls back to its own backoff.
     *
     * <p>NOTE: only the IMF-fixdate form of HTTP dates ({@code Sun, 06 Nov 1994 08:49:37 GMT}) is
     * read. The obsolete RFC 850 and asctime forms, which RFC 9110 still asks recipients to accept,
     * count as unusable and lead to the computed backoff.
     *
     * @param now when the response arrived, to turn a date into a wait
     */
    public static Optional<Duration> parse(List<String> values, Instant now) {
        if (values == null || values.size() != 1) {
            return Optional.empty();
        }

        String value = values.get(0).strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.chars().allMatch(RateLimitHeaders::isAsciiDigit)) {
            return RateLimitHeaders.parseLong(value).map(Duration::ofSeconds);
        }
        return parseDate(value).flatMap(date -> waitUntil(date, now));
    }

    private static Optional<Instant> parseDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> waitUntil(Instant date, Instant now) {
        Duration wait = Duration.between(now, date);
        boolean inFuture = !wait.isNegative() && !wait.isZero();
        return inFuture ? Optional.of(wait) : Optional.empty();
    }
}
