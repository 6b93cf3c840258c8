package io.meetzy.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The expiration presets a token can be created with. Expiry is the creation instant plus the
 * preset, computed in UTC; months and years are calendar units, so {@code 6m} from 31 August ends
 * on 28 or 29 February. {@link #NEVER} lasts 4 years: no token lives forever.
 */
public enum Expiration {

    THIRTY_DAYS("30d", "30 days"),
    NINETY_DAYS("90d", "90 days"),
    SIX_MONTHS("6m", "6 months"),
    ONE_YEAR("1y", "1 year"),
    NEVER("never", "no expiration (4 years)");

    private final String code;
    private final String label;

    Expiration(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Returns the preset's code, as used in JSON and on the command line: {@code 30d}, {@code never}. */
    public String code() {
        return code;
    }

    /** Returns a label for people, such as {@code "6 months"}. */
    public String label() {
        return label;
    }

    /** Returns the preset with this code, or empty. Codes are case-sensitive. */
    public static Optional<Expiration> find(String code) {
        return Arrays.stream(values()).filter(preset -> preset.code.equals(code)).findFirst();
    }

    /**
     * Returns the preset with this code.
     *
     * @throws IllegalArgumentException naming the value and the accepted codes
     */
    public static Expiration of(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException(
                "Unknown expiration '" + code + "': use one of " + codes() + "."));
    }

    /** Returns the accepted codes, comma-separated, for messages and help text. */
    public static String codes() {
        return Arrays.stream(values()).map(Expiration::code).collect(Collectors.joining(", "));
    }

    /** Returns the instant a token created at {@code createdAt} with this preset expires. */
    public Instant expiresAt(Instant createdAt) {
        Objects.requireNonNull(createdAt, "createdAt");
        var start = createdAt.atOffset(ZoneOffset.UTC);
        var end = switch (this) {
            case THIRTY_DAYS -> start.plusDays(30);
            case NINETY_DAYS -> start.plusDays(90);
            case SIX_MONTHS -> start.plusMonths(6);
            case ONE_YEAR -> start.plusYears(1);
            case NEVER -> start.plusYears(4);
        };
        return end.toInstant();
    }

    @Override
    public String toString() {
        return code;
    }
}
