package io.meetzy.client.internal;

import io.meetzy.client.RateLimit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads {@link RateLimit} from response headers. Every value is checked on its own and a malformed
 * one is skipped, so the parser never throws for header content.
 */
public final class RateLimitHeaders {

    /**
     * An {@code X-RateLimit-Reset} above this many seconds is a Unix time rather than a wait: 10^9
     * seconds is about 31 years, far beyond any rate-limit window, and every Unix time since
     * September 2001 is larger.
     */
    private static final long UNIX_TIME_THRESHOLD = 1_000_000_000L;

    private RateLimitHeaders() {
    }

    /**
     * Returns the state read from {@code headers}, whose lookups must ignore case as
     * {@link HeaderMaps#copyOf} makes them; see {@link RateLimit} for the fields and their order.
     */
    public static RateLimit parse(Map<String, List<String>> headers, Instant receivedAt) {
        Parts draft = fromDraftFields(headers);
        Parts triple = new Parts(
                integer(headers, "RateLimit-Limit"),
                integer(headers, "RateLimit-Remaining"),
                integer(headers, "RateLimit-Reset").map(Duration::ofSeconds),
                Optional.empty(), Optional.empty());
        Parts legacy = new Parts(
                integer(headers, "X-RateLimit-Limit"),
                integer(headers, "X-RateLimit-Remaining"),
                integer(headers, "X-RateLimit-Reset").flatMap(value -> resetFromLegacy(value, receivedAt)),
                Optional.empty(), Optional.empty());

        Parts merged = draft.or(triple).or(legacy);
        return new RateLimit(toOptionalLong(merged.limit()), toOptionalLong(merged.remaining()), merged.reset(),
                merged.window(), merged.policy());
    }

    private static Parts fromDraftFields(Map<String, List<String>> headers) {
        List<Member> limits = members(headers.get("RateLimit"));
        List<Member> policies = members(headers.get("RateLimit-Policy"));

        Optional<Member> current = mostRestrictive(limits);
        if (current.isPresent() && current.get().name().isEmpty()) {
            return fromDictionaryForm(limits);
        }

        Optional<String> policyName = current.flatMap(Member::name)
                .or(() -> policies.stream().findFirst().flatMap(Member::name));
        Optional<Member> policy = policies.stream()
                .filter(member -> member.name().equals(policyName))
                .findFirst();

        return new Parts(
                policy.flatMap(member -> member.parameter("q")),
                current.flatMap(member -> member.parameter("r")),
                current.flatMap(member -> member.parameter("t")).map(Duration::ofSeconds),
                policy.flatMap(member -> member.parameter("w")).map(Duration::ofSeconds),
                policyName);
    }

    /**
     * Returns the member with the fewest remaining requests, because that policy is the first to
     * reject requests when a server applies several.
     */
    private static Optional<Member> mostRestrictive(List<Member> limits) {
        Member best = null;
        for (Member member : limits) {
            long remaining = member.parameter("r").orElse(Long.MAX_VALUE);
            if (best == null || remaining < best.parameter("r").orElse(Long.MAX_VALUE)) {
                best = member;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Reads the older draft form {@code RateLimit: limit=100, remaining=42, reset=17}. */
    private static Parts fromDictionaryForm(List<Member> limits) {
        Map<String, Long> values = new HashMap<>();
        for (Member member : limits) {
            values.putAll(member.parameters());
        }
        return new Parts(
                Optional.ofNullable(values.get("limit")),
                Optional.ofNullable(values.get("remaining")),
                Optional.ofNullable(values.get("reset")).map(Duration::ofSeconds),
                Optional.empty(), Optional.empty());
    }

    private static Optional<Duration> resetFromLegacy(long value, Instant receivedAt) {
        if (value <= UNIX_TIME_THRESHOLD) {
            return Optional.of(Duration.ofSeconds(value));
        }
        if (value > Instant.MAX.getEpochSecond()) {
            return Optional.empty();
        }
        Duration untilReset = Duration.between(receivedAt, Instant.ofEpochSecond(value));
        return Optional.of(untilReset.isNegative() ? Duration.ZERO : untilReset);
    }

    /**
     * Returns the leading non-negative integer of the first value, so {@code 100, 100;w=60} (an
     * older draft form of {@code RateLimit-Limit}) gives 100, or empty when there is none.
     */
    private static Optional<Long> integer(Map<String, List<String>> headers, String name) {
        return HeaderMaps.first(headers, name).flatMap(value -> {
            String text = value.strip();
            int end = 0;
            while (end < text.length() && isAsciiDigit(text.charAt(end))) {
                end++;
            }
            boolean endsCleanly = end == text.length() || text.charAt(end) == ',' || text.charAt(end) == ';';
            if (end == 0 || !endsCleanly) {
                return Optional.empty();
            }
            return parseLong(text.substring(0, end));
        });
    }

    private static List<Member> members(List<String> values) {
        List<Member> members = new ArrayList<>();
        if (values == null) {
            return members;
        }
        for (String value : values) {
            for (String text : splitOutsideQuotes(value, ',')) {
                Member.parse(text).ifPresent(members::add);
            }
        }
        return members;
    }

    static List<String> splitOutsideQuotes(String value, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /** Accepts only 0 to 9: {@link Character#isDigit} also accepts digits of other scripts. */
    static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static Optional<Long> parseLong(String digits) {
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static OptionalLong toOptionalLong(Optional<Long> value) {
        return value.map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    /** The parts read from one family of fields. */
    private record Parts(Optional<Long> limit, Optional<Long> remaining, Optional<Duration> reset,
            Optional<Duration> window, Optional<String> policy) {

        /** Returns these parts, each empty one taken from {@code fallback}. */
        Parts or(Parts fallback) {
            return new Parts(
                    limit.or(fallback::limit),
                    remaining.or(fallback::remaining),
                    reset.or(fallback::reset),
                    window.or(fallback::window),
                    policy.or(fallback::policy));
        }
    }

    /**
     * One list member of a structured field: an optional name (a string or token) and its integer
     * parameters, such as {@code "default";r=42;t=17}. A bare {@code key=value} member, as in the
     * older dictionary form, has no name and one parameter.
     */
    private record Member(Optional<String> name, Map<String, Long> parameters) {

        static Optional<Member> parse(String text) {
            List<String> pieces = splitOutsideQuotes(text.strip(), ';');
            String head = pieces.get(0).strip();
            if (head.isEmpty()) {
                return Optional.empty();
            }

            Map<String, Long> parameters = new HashMap<>();
            Optional<String> name;
            int firstParameter;
            if (head.contains("=") && !head.startsWith("\"")) {
                name = Optional.empty();
                firstParameter = 0;
            } else {
                name = Optional.of(unquote(head));
                firstParameter = 1;
            }

            for (int i = firstParameter; i < pieces.size(); i++) {
                addParameter(pieces.get(i), parameters);
            }
            return Optional.of(new Member(name, Map.copyOf(parameters)));
        }

        Optional<Long> parameter(String key) {
            return Optional.ofNullable(parameters.get(key));
        }

        private static void addParameter(String piece, Map<String, Long> parameters) {
            int equals = piece.indexOf('=');
            if (equals <= 0) {
                return;
            }
            String key = piece.substring(0, equals).strip();
            String value = piece.substring(equals + 1).strip();
            if (value.isEmpty() || !value.chars().allMatch(RateLimitHeaders::isAsciiDigit)) {
                return;
            }
            parseLong(value).ifPresent(number -> parameters.put(key, number));
        }

        private static String unquote(String text) {
            boolean quoted = text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"");
            return quoted ? text.substring(1, text.length() - 1) : text;
        }
    }
}
