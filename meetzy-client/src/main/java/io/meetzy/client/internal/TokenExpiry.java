package io.meetzy.client.internal;

import io.meetzy.client.TokenExpiryListener;
import io.meetzy.core.ApiToken;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Warns when the client's token is close to its expiry: one WARN line per token per UTC day, and a
 * call to the optional listener at the same moment. The expiry comes from the day embedded in the
 * token and, once a response carried it, from the {@code Meetzy-Token-Expires} header.
 */
public final class TokenExpiry {

    /** The response header that carries the expiry of the token that made the request. */
    public static final String EXPIRES_HEADER = "Meetzy-Token-Expires";

    private static final Logger LOG = LoggerFactory.getLogger("io.meetzy.client.MeetzyClient");

    private final Clock clock;
    private final Duration window;
    private final Optional<TokenExpiryListener> listener;

    /** The token and UTC day of the last warning; a second warning on the same day is skipped. */
    private final AtomicReference<Warning> lastWarning = new AtomicReference<>();

    /** The last header value seen and its parsed instant, so an unchanged header is not parsed again. */
    private volatile ParsedHeader lastHeader;

    public TokenExpiry(Clock clock, Duration window, Optional<TokenExpiryListener> listener) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Returns the instant of an RFC 1123 date, or empty when the text is not one. */
    public static Optional<Instant> parseHeader(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns the start of the UTC day embedded in the token: the earliest moment the token can
     * expire, since the day is all the token records.
     */
    public static Instant embeddedExpiry(ApiToken token) {
        return token.expiryDay().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Checks the expiry embedded in {@code token}. */
    public void checkEmbedded(ApiToken token, Instant embeddedExpiry, TokenSource source) {
        check(token, embeddedExpiry, source);
    }

    /** Checks the expiry that a response reported for {@code token}, if it carried one. */
    public void checkResponse(ApiToken token, Map<String, List<String>> headers, TokenSource source) {
        Optional<String> header = HeaderMaps.first(headers, EXPIRES_HEADER);
        if (header.isEmpty()) {
            return;
        }

        ParsedHeader parsed = lastHeader;
        if (parsed == null || !parsed.value().equals(header.get())) {
            parsed = new ParsedHeader(header.get(), parseHeader(header.get()));
            lastHeader = parsed;
        }
        parsed.expiresAt().ifPresent(expiresAt -> check(token, expiresAt, source));
    }

    private void check(ApiToken token, Instant expiresAt, TokenSource source) {
        Instant now = clock.instant();
        Duration remaining = Duration.between(now, expiresAt);
        if (remaining.compareTo(window) > 0) {
            return;
        }

        Warning today = new Warning(token.displayPrefix(), LocalDate.ofInstant(now, ZoneOffset.UTC));
        Warning previous = lastWarning.get();
        boolean firstToday = !today.equals(previous) && lastWarning.compareAndSet(previous, today);
        if (!firstToday) {
            return;
        }

        warn(token, expiresAt, remaining, source);
        listener.ifPresent(target -> notifyListener(target, token, expiresAt));
    }

    private static void warn(ApiToken token, Instant expiresAt, Duration remaining, TokenSource source) {
        String fix = "Create a new token (or rotate this one) and update " + source.settingNameInSentence();
        if (remaining.isNegative() || remaining.isZero()) {
            LOG.warn("The Meetzy API token {} expired at {}, so requests fail with status 401. {}.",
                    token.maskedValue(), expiresAt, fix);
            return;
        }
        LOG.warn("The Meetzy API token {} expires at {}, in {}. {} before then, or requests will fail with status"
                + " 401.", token.maskedValue(), expiresAt, describe(remaining), fix);
    }

    private static void notifyListener(TokenExpiryListener target, ApiToken token, Instant expiresAt) {
        try {
            target.onTokenExpiring(token.maskedValue(), expiresAt);
        } catch (RuntimeException e) {
            LOG.warn("The TokenExpiryListener {} threw {}; the client ignored it.", target.getClass().getName(),
                    e.getClass().getName());
        }
    }

    private static String describe(Duration remaining) {
        long days = remaining.toDays();
        if (days >= 1) {
            return days + (days == 1 ? " day" : " days");
        }
        long hours = Math.max(1, remaining.toHours());
        return hours + (hours == 1 ? " hour" : " hours");
    }

    private record Warning(String displayPrefix, LocalDate day) {
    }

    private record ParsedHeader(String value, Optional<Instant> expiresAt) {
    }
}
