package io.meetzy.verifier;

import io.meetzy.core.TokenMetadata;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test base for recording and gating fakes. It forwards every {@link TokenStore} method to a
 * delegate, the batch {@link #recordLastUsed(Map)} included, so subclasses override only the calls
 * they count, hold or fail.
 */
public class ForwardingTokenStore implements TokenStore {

    protected final TokenStore delegate;

    public ForwardingTokenStore(TokenStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void insert(StoredToken token) {
        delegate.insert(token);
    }

    @Override
    public Optional<StoredToken> findByDisplayPrefix(String displayPrefix) {
        return delegate.findByDisplayPrefix(displayPrefix);
    }

    @Override
    public Optional<TokenMetadata> findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public List<TokenMetadata> listByAccount(String accountId) {
        return delegate.listByAccount(accountId);
    }

    @Override
    public boolean revoke(String id, Instant revokedAt) {
        return delegate.revoke(id, revokedAt);
    }

    @Override
    public boolean shortenExpiry(String id, Instant expiresAt) {
        return delegate.shortenExpiry(id, expiresAt);
    }

    @Override
    public void recordLastUsed(String id, Instant usedAt) {
        delegate.recordLastUsed(id, usedAt);
    }

    @Override
    public void recordLastUsed(Map<String, Instant> usedAtById) {
        delegate.recordLastUsed(usedAtById);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
