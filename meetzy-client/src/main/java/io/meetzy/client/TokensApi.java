package io.meetzy.client;

import io.meetzy.core.ApiToken;
import io.meetzy.core.Expiration;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The token management API of a Meetzy server ({@code /v1/tokens}), with typed results. It acts
 * on the account of the client's own token: listing needs the scope {@code tokens:read}, the other
 * calls {@code tokens:write}. A token id from another account gives {@link NotFoundException}, as
 * an unknown id does, and a missing scope gives {@link PermissionException}.
 *
 * <p>Instances are immutable and as thread-safe as their {@link MeetzyClient}.
 */
public final class TokensApi {

    private static final String PATH = "/v1/tokens";

    /** Token ids are {@code tok_} and base62 digits; anything else could change the request path. */
    private static final Pattern TOKEN_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");


    private final MeetzyClient client;

    public TokensApi(MeetzyClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Returns the account's tokens, newest first, with masked values. */
    public List<ApiTokenInfo> list() {
        return TokenObjectReader.list(client.get(PATH), "GET " + PATH);
    }

    /**
     * Creates a token with every scope of the client's own token. The result contains the full
     * token, which the API never shows again.
     *
     * @throws MeetzyApiException with status 400 if the server rejects the name
     */
    public CreatedApiToken create(String name, Expiration expiration) {
        return create(name, expiration, Map.of());
    }

    /**
     * Creates a token that carries only {@code scopes}, which must be a subset of the client's own
     * token's scopes.
     *
     * @throws IllegalArgumentException if {@code scopes} is empty
     * @throws PermissionException if the client's token lacks one of the scopes
     */
    public CreatedApiToken create(String name, Expiration expiration, Set<String> scopes) {
        Objects.requireNonNull(scopes, "scopes");
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("scopes must not be empty; call create(name, expiration) to get every scope"
                    + " of the client's token.");
        }
        return create(name, expiration, Map.of("scopes", List.copyOf(new TreeSet<>(scopes))));
    }

    /**
     * Revokes a token: it stops working at once. Revoking a revoked token succeeds.
     *
     * @throws NotFoundException if no token with this id exists in the account
     */
    public void revoke(String id) {
        client.delete(PATH + "/" + checkId(id));
    }

    /** Rotates a token without a grace period: the old one stops working at once. */
    public CreatedApiToken rotate(String id) {
        return rotate(id, Duration.ZERO);
    }

    /**
     * Creates a replacement with the same name, scopes and expiration preset, and moves the old
     * token's expiry to now plus {@code gracePeriod} (never later than it was), so that both work
     * while applications switch to the replacement.
     *
     * @param gracePeriod 0 to 7 days, in whole seconds
     * @throws IllegalArgumentException if the grace period is negative or has a fraction of a second
     * @throws MeetzyApiException with status 400 if the server rejects the grace period
     * @throws NotFoundException if no token with this id exists in the account
     */
    public CreatedApiToken rotate(String id, Duration gracePeriod) {
        return rotate(id, gracePeriod, Map.of("grace_period", formatDuration(gracePeriod)));
    }

    /**
     * Rotates as {@link #rotate(String, Duration)} does, but the replacement expires after
     * {@code expiration}. Use it for a token whose expiry an earlier rotation shortened, whose
     * preset the server can no longer derive.
     */
    public CreatedApiToken rotate(String id, Duration gracePeriod, Expiration expiration) {
        Objects.requireNonNull(expiration, "expiration");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grace_period", formatDuration(gracePeriod));
        body.put("expires_in", expiration.code());
        return rotate(id, gracePeriod, body);
    }

    private CreatedApiToken rotate(String id, Duration gracePeriod, Map<String, Object> body) {
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        String path = PATH + "/" + checkId(id) + "/rotate";
        return TokenObjectReader.created(client.post(path, body), "POST " + PATH + "/{id}/rotate");
    }

    @Override
    public String toString() {
        return "TokensApi[" + client + "]";
    }

    private CreatedApiToken create(String name, Expiration expiration, Map<String, Object> extra) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expiration, "expiration");

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("expires_in", expiration.code());
        body.putAll(extra);
        return TokenObjectReader.created(client.post(PATH, body), "POST " + PATH);
    }

    private static String checkId(String id) {
        Objects.requireNonNull(id, "id");
        // A token passed as an id would go into the request path, which proxies and access logs record.
        if (id.startsWith(ApiToken.PREFIX)) {
            throw new IllegalArgumentException("The value passed as a token id is a Meetzy token, which was not sent:"
                    + " token ids start with 'tok_', such as tok_8fKq2LmZx9TbR4Wc. List the tokens to find it.");
        }
        if (!TOKEN_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Invalid token id of " + id.length() + " characters: an id has 1 to 100"
                    + " letters, digits, '_' or '-', such as tok_8fKq2LmZx9TbR4Wc. List the tokens to find it.");
        }
        return id;
    }

    /** Formats the grace period as the API reads it: a whole number and the largest exact unit. */
    private static String formatDuration(Duration duration) {
        Objects.requireNonNull(duration, "gracePeriod");
        if (duration.isNegative() || duration.getNano() != 0) {
            throw new IllegalArgumentException("The grace period must be a non-negative number of whole seconds, got "
                    + duration + ".");
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
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
