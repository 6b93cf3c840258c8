package io.meetzy.verifier;

import io.meetzy.core.TokenMetadata;
import io.meetzy.verifier.internal.Instants;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link TokenStore} in the heap, for tests and demos: its tokens are lost when the process ends.
 * Thread-safe: every method holds the store's lock, so a revocation is visible to every lookup that
 * starts after it returns.
 */
public final class InMemoryTokenStore implements TokenStore {

    private final Map<String, StoredToken> byId = new HashMap<>();
    private final Map<String, String> idByDisplayPrefix = new HashMap<>();
    private boolean closed;

    public InMemoryTokenStore() {
        // The store starts empty.
    }

    @Override
    public synchronized void insert(StoredToken token) {
        Objects.requireNonNull(token, "token");
        checkOpen();

        TokenMetadata metadata = token.metadata();
        if (byId.containsKey(metadata.id())) {
            throw new IllegalStateException("A token with id '" + metadata.id() + "' already exists.");
        }
        if (idByDisplayPrefix.containsKey(metadata.displayPrefix())) {
            throw new IllegalStateException(
                    "A token with display prefix '" + metadata.displayPrefix() + "' already exists.");
        }

        byId.put(metadata.id(), new StoredToken(Instants.truncate(metadata), token.hash()));
        idByDisplayPrefix.put(metadata.displayPrefix(), metadata.id());
    }

    @Override
    public synchronized Optional<StoredToken> findByDisplayPrefix(String displayPrefix) {
        Objects.requireNonNull(displayPrefix, "displayPrefix");
        checkOpen();
        return Optional.ofNullable(idByDisplayPrefix.get(displayPrefix)).map(byId::get);
    }

    @Override
    public synchronized Optional<TokenMetadata> findById(String id) {
        Objects.requireNonNull(id, "id");
        checkOpen();
        return Optional.ofNullable(byId.get(id)).map(StoredToken::metadata);
    }

    @Override
    public synchronized List<TokenMetadata> listByAccount(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        checkOpen();
        return byId.values().stream()
                .map(StoredToken::metadata)
                .filter(metadata -> metadata.accountId().equals(accountId))
                .sorted(Comparator.comparing(TokenMetadata::createdAt).reversed()
                        .thenComparing(TokenMetadata::id))
                .toList();
    }

    @Override
    public synchronized boolean revoke(String id, Instant revokedAt) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(revokedAt, "revokedAt");
        checkOpen();

        StoredToken stored = byId.get(id);
        if (stored == null || stored.metadata().isRevoked()) {
            return false;
        }
        replace(stored, stored.metadata().withRevokedAt(Instants.truncate(revokedAt)));
        return true;
    }

    @Override
    public synchronized boolean shortenExpiry(String id, Instant expiresAt) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresAt, "expiresAt");
        checkOpen();

        StoredToken stored = byId.get(id);
        Instant newExpiry = Instants.truncate(expiresAt);
        if (stored == null || !newExpiry.isBefore(stored.metadata().expiresAt())) {
            return false;
        }
        replace(stored, stored.metadata().withExpiresAt(newExpiry));
        return true;
    }

    @Override
    public synchronized void recordLastUsed(String id, Instant usedAt) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(usedAt, "usedAt");
        checkOpen();

        StoredToken stored = byId.get(id);
        Instant used = Instants.truncate(usedAt);
        if (stored == null) {
            return;
        }
        boolean isLater = stored.metadata().lastUsedAt().map(used::isAfter).orElse(true);
        if (isLater) {
            replace(stored, stored.metadata().withLastUsedAt(used));
        }
    }

    /** Empties the store; closing twice is harmless. */
    @Override
    public synchronized void close() {
        closed = true;
        byId.clear();
        idByDisplayPrefix.clear();
    }

    @Override
    public synchronized String toString() {
        return "InMemoryTokenStore[" + byId.size() + " tokens" + (closed ? ", closed" : "") + "]";
    }

    private void replace(StoredToken stored, TokenMetadata metadata) {
        byId.put(metadata.id(), new StoredToken(metadata, stored.hash()));
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The in-memory token store is closed.");
        }
    }
}
