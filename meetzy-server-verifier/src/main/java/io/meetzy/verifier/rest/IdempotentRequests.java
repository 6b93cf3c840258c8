package io.meetzy.verifier.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Runs each POST that carries an {@code Idempotency-Key} at most once per account and key, and
 * returns the first response to a repeat. The rules follow the IETF httpapi draft "The
 * Idempotency-Key HTTP Header Field" (draft-ietf-httpapi-idempotency-key-header):
 *
 * <ul>
 *   <li>A repeat of the same request gets the remembered response again, with
 *       {@code Idempotent-Replayed: true}. "The same request" means the same fingerprint: SHA-256
 *       over the method, the path, the calling token's id and the body bytes.</li>
 *   <li>The same key with another fingerprint gets 422, as the draft recommends for a key reused with
 *       a different payload. 422 rather than 409 because nothing about the key will change: the
 *       client must fix the request or pick a new key, while 409 tells it to wait and retry.</li>
 *   <li>A repeat while the first request still runs gets 409 with {@code Retry-After: 1}, as the
 *       draft recommends, and never runs the operation a second time.</li>
 * </ul>
 *
 * <p>Only 2xx responses and 400 validation errors are remembered: the same bytes always fail the
 * same validation, and a success must not run twice. Other outcomes (403, 404, 5xx, an exception)
 * are forgotten when the request ends, so a retry runs again. A 403 or 404 changed nothing, and a
 * 5xx comes from a failed store call, so the retry gets a new chance.
 * NOTE: a 5xx raised after the store write succeeded would let the retry create a second token;
 * the create and rotate paths have no step after the write that is expected to fail.
 *
 * <p>The calling token's id is part of the fingerprint, so another token of the same account that
 * sends the same key gets 422 rather than the first response. That response may contain a full
 * token with scopes the other caller lacks.
 *
 * <p>Remembered responses exist only in memory and are never logged or printed: a create or rotate
 * response contains the full new token. That is the trade-off of idempotency, because a client
 * that lost the first response can use its token only if the replay contains it.
 *
 * <p>NOTE: keys are remembered per instance, so a retry that a load balancer sends to another node
 * runs again there.
 */
final class IdempotentRequests {

    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** The maximum key length: the limit Stripe documents and {@code MeetzyClient} enforces, room for a UUID or a composite id. */
    static final int MAX_KEY_LENGTH = 255;

    /** Seconds a client waits before repeating a request that is still in progress, enough because creating a token takes milliseconds. */
    private static final String IN_PROGRESS_RETRY_AFTER = "1";

    private static final String ERROR_TYPE = "idempotency_error";
    private static final Logger LOG = LoggerFactory.getLogger(IdempotentRequests.class);

    private final Cache<Key, Completed> completed;
    private final ConcurrentMap<Key, byte[]> inProgress = new ConcurrentHashMap<>();

    /**
     * @param retention how long a completed response is remembered after its request ended
     * @param maxKeys how many completed responses are remembered at most. Beyond that, Caffeine drops
     *     the ones its frequency-based policy ranks lowest, before their retention ends
     * @param clock the time source for the retention
     */
    IdempotentRequests(Duration retention, long maxKeys, Clock clock) {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(clock, "clock");
        this.completed = Caffeine.newBuilder()
                .expireAfterWrite(retention)
                .maximumSize(maxKeys)
                .ticker(ticker(clock))
                // Eviction runs on the calling thread, because the work is small and the bound is then exact after cleanUp().
                .executor(Runnable::run)
                .build();
    }

    /**
     * Returns the one key of a request, or empty when it has none.
     *
     * @throws ApiException 400 for more than one {@code Idempotency-Key} header, or a key that is
     *     not 1 to {@value #MAX_KEY_LENGTH} printable ASCII characters
     */
    static Optional<String> keyOf(List<String> headerValues) {
        if (headerValues.isEmpty()) {
            return Optional.empty();
        }
        if (headerValues.size() > 1) {
            throw ApiException.invalidRequest("The request has " + headerValues.size() + " " + KEY_HEADER
                    + " headers. Send one, with the same key on every attempt of a request.");
        }

        String key = headerValues.get(0);
        String rule = "The " + KEY_HEADER + " header must be 1 to " + MAX_KEY_LENGTH
                + " printable ASCII characters, such as a UUID";
        if (key.isEmpty()) {
            throw ApiException.invalidRequest(rule + ", but it is empty.");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ApiException.invalidRequest(rule + ", but it has " + key.length() + " characters.");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw ApiException.invalidRequest(rule + ", but it has " + String.format("U+%04X", (int) c)
                        + " at position " + i + " (counting from 0).");
            }
        }
        return Optional.of(key);
    }

    /**
     * Returns the SHA-256 fingerprint of a request. Each part is prefixed with its length, so that
     * no two different requests can join into the same bytes.
     */
    static byte[] fingerprint(String method, String canonicalPath, String callerTokenId, byte[] body) {
        MessageDigest digest = sha256();
        for (String part : List.of(method, canonicalPath, callerTokenId)) {
            update(digest, part.getBytes(StandardCharsets.UTF_8));
        }
        update(digest, body);
        return digest.digest();
    }

    /**
     * Runs {@code operation} unless this account already used the key: then returns the remembered
     * response, or fails as the class describes.
     *
     * @param operation runs the request and turns every runtime exception into an error response
     * @throws ApiException 409 while a request with the key is in progress, 422 if the key was used
     *     for another request
     */
    ApiResponse execute(String accountId, String key, byte[] fingerprint, Supplier<ApiResponse> operation) {
        Key cacheKey = new Key(accountId, key);
        Optional<ApiResponse> earlier = replay(cacheKey, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }

        byte[] running = inProgress.putIfAbsent(cacheKey, fingerprint);
        if (running != null) {
            throw MessageDigest.isEqual(running, fingerprint) ? stillInProgress(accountId) : reused(accountId);
        }
        try {
            // The first request may have completed between the lookup above and the claim.
            earlier = replay(cacheKey, fingerprint);
            if (earlier.isPresent()) {
                return earlier.get();
            }

            ApiResponse response = operation.get();
            if (isRemembered(response.status())) {
                completed.put(cacheKey, new Completed(fingerprint, response));
            }
            return response;
        } finally {
            // After the put above, so that a repeat finds either the claim or the completed response.
            inProgress.remove(cacheKey, fingerprint);
        }
    }

    /** Returns how many completed responses are remembered now, after pending evictions. */
    long rememberedCount() {
        completed.cleanUp();
        return completed.estimatedSize();
    }

    private Optional<ApiResponse> replay(Key cacheKey, byte[] fingerprint) {
        Completed entry = completed.getIfPresent(cacheKey);
        if (entry == null) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(entry.fingerprint(), fingerprint)) {
            throw reused(cacheKey.accountId());
        }

        LOG.debug("Replaying the remembered {} response to an idempotent request of account {}",
                entry.response().status(), cacheKey.accountId());
        Map<String, String> headers = new LinkedHashMap<>(entry.response().headers());
        headers.put(REPLAYED_HEADER, "true");
        return Optional.of(new ApiResponse(entry.response().status(), headers, entry.response().body().clone()));
    }

    private static boolean isRemembered(int status) {
        boolean isSuccess = status >= 200 && status < 300;
        return isSuccess || status == 400;
    }

    private ApiException stillInProgress(String accountId) {
        LOG.debug("An idempotent request of account {} repeated a key whose first request is in progress", accountId);
        return new ApiException(409, ERROR_TYPE, "A request with this " + KEY_HEADER + " is still in progress."
                + " Retry after the time in the Retry-After header to get its response.",
                Map.of("Retry-After", IN_PROGRESS_RETRY_AFTER));
    }

    private ApiException reused(String accountId) {
        LOG.debug("An idempotent request of account {} reused a key for a different request", accountId);
        return new ApiException(422, ERROR_TYPE, "This " + KEY_HEADER + " was already used for a different"
                + " request in this account. A key belongs to the method, path, body and calling token of its first"
                + " request: send a new key for a new request, and reuse a key only to retry the same request.",
                Map.of());
    }

    /** Reads the clock in nanoseconds since the epoch, which fit in a long until the year 2262. */
    private static Ticker ticker(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }

    private static void update(MessageDigest digest, byte[] part) {
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(part.length).array());
        digest.update(part);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }

    /** The scope of a key: keys of different accounts never meet. */
    private record Key(String accountId, String idempotencyKey) {

        /** Leaves the key out: a caller may have pasted anything into the header. */
        @Override
        public String toString() {
            return "Key[accountId=" + accountId + "]";
        }
    }

    /** A remembered response. It may hold a full token, so it prints nothing of its content. */
    private record Completed(byte[] fingerprint, ApiResponse response) {

        @Override
        public String toString() {
            return "Completed[status=" + response.status() + "]";
        }
    }
}
