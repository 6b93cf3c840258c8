package io.meetzy.verifier.rest;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration format of the token API, as in {@code "grace_period":"24h"}: a whole number and
 * one unit, {@code s} (seconds), {@code m} (minutes), {@code h} (hours) or {@code d} (days of 24
 * hours), or a bare {@code 0}. Expiration presets such as {@code 6m} (six months) are a different
 * format: see {@link io.meetzy.core.Expiration}.
 */
public final class ApiDurations {

    /** At most 7 digits: enough for a year in seconds, and small enough that no arithmetic overflows. */
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,7})([smhd])");

    private ApiDurations() {
    }

    /** Parses a duration such as {@code 24h} or {@code 0}; returns empty for anything else, including negatives. */
    public static Optional<Duration> parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.equals("0")) {
            return Optional.of(Duration.ZERO);
        }

        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        return Optional.of(switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        });
    }

    /**
     * Formats a duration in the largest unit that expresses it exactly, such as {@code 24h} → {@code 1d}
     * and {@code 90m}; zero is {@code 0}.
     *
     * @throws IllegalArgumentException if the duration is negative or has a fraction of a second
     */
    public static String format(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.getNano() != 0) {
            throw new IllegalArgumentException("Only whole, non-negative seconds can be formatted, got " + duration + ".");
        }

        long seconds = duration.getSeconds();
        if (seconds == 0) {
            return "0";
        }
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
