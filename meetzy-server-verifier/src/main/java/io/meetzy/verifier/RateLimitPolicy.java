package io.meetzy.verifier;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A limit of {@code limit} grants per {@code period}, as resilience4j-ratelimiter counts them: the
 * full limit becomes available again at the start of each period.
 *
 * @param limit the grants per period, at least 1
 * @param period the length of one window, from 1 millisecond to 1 day
 */
public record RateLimitPolicy(int limit, Duration period) {

    // Declared before the defaults below, whose construction reads them.
    private static final Duration MIN_PERIOD = Duration.ofMillis(1);
    private static final Duration MAX_PERIOD = Duration.ofDays(1);
    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})/(\\d{1,9})(ms|s|m|h|d)");

    /**
     * The per-token default: 100 requests a minute. It is the quota the Meetzy API itself
     * advertises ({@code RateLimit-Policy: "default";q=100;w=60}), so a client written against
     * the Meetzy API works unchanged behind this verifier.
     */
    public static final RateLimitPolicy DEFAULT_TOKEN_POLICY = new RateLimitPolicy(100, Duration.ofMinutes(1));

    /**
     * The per-client-address default for failed verifications: 20 a minute. A person who
     * mistypes a token fails a few times and never reaches it. A client stuck on a revoked token,
     * or a script guessing tokens, reaches it within seconds and then waits out the minute.
     */
    public static final RateLimitPolicy DEFAULT_FAILURE_POLICY = new RateLimitPolicy(20, Duration.ofMinutes(1));

    /**
     * @throws IllegalArgumentException if the limit is below 1 or the period is outside 1 ms to 1 day
     */
    public RateLimitPolicy {
        Objects.requireNonNull(period, "period");
        if (limit < 1) {
            throw new IllegalArgumentException("The rate limit must allow at least 1 request per period, got " + limit + ".");
        }
        if (period.compareTo(MIN_PERIOD) < 0 || period.compareTo(MAX_PERIOD) > 0) {
            throw new IllegalArgumentException("The rate limit period must be from 1ms to 1d, got " + period + ".");
        }
    }

    /**
     * Parses {@code N/PERIOD}, where {@code PERIOD} is a whole number followed by {@code ms},
     * {@code s}, {@code m}, {@code h} or {@code d}: {@code 5/1s}, {@code 20/1m}, {@code 1000/1h}.
     *
     * @throws IllegalArgumentException if the text has another form or the values are out of range;
     *     the message names the text and the expected form
     */
    public static RateLimitPolicy parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher matcher = TEXT.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Invalid rate limit '" + text + "': use N/PERIOD, such as 5/1s or 20/1m,"
                    + " where PERIOD is a whole number followed by ms, s, m, h or d.");
        }

        int limit = Integer.parseInt(matcher.group(1));
        long amount = Long.parseLong(matcher.group(2));
        Duration period = switch (matcher.group(3)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        try {
            return new RateLimitPolicy(limit, period);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid rate limit '" + text + "': " + e.getMessage(), e);
        }
    }

    /** Returns the window in whole seconds, rounded up, as the {@code w} parameter of {@code RateLimit-Policy} needs. */
    public long periodSeconds() {
        return divideRoundingUp(period.toMillis(), 1000);
    }

    /** Prints the form {@link #parse} reads, such as {@code 100/60s}. */
    @Override
    public String toString() {
        long millis = period.toMillis();
        return millis % 1000 == 0 ? limit + "/" + millis / 1000 + "s" : limit + "/" + millis + "ms";
    }

    private static long divideRoundingUp(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
