package io.meetzy.examples.cli;

import io.meetzy.client.ApiTokenInfo;
import io.meetzy.client.CreatedApiToken;
import io.meetzy.client.MeetzyClient;
import io.meetzy.client.TokensApi;
import io.meetzy.core.Expiration;
import io.meetzy.core.Scopes;
import io.meetzy.core.TokenMetadata;
import io.meetzy.verifier.CreatedToken;
import io.meetzy.verifier.RotatedToken;
import io.meetzy.verifier.TokenManager;
import io.meetzy.verifier.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The place where {@code meetzy tokens} manages tokens: a token store opened directly, or a Meetzy server's
 * token API reached with {@code MEETZY_API_TOKEN}. Both return the client's typed models, so the
 * table and the JSON output are the same in both modes.
 */
interface TokenBackend extends AutoCloseable {

    List<ApiTokenInfo> list();

    /** Creates a token; empty scopes mean every scope (local) or every scope of the caller (remote). */
    CreatedApiToken create(String name, Expiration expiration, Optional<Set<String>> scopes);

    /** Revokes a token; its stored state afterwards is known only to a local backend. */
    Revocation revoke(String id);

    /** Rotates a token; the old token's new expiry is known only to a local backend. */
    Rotation rotate(String id, Duration gracePeriod, Optional<Expiration> expiration);

    @Override
    void close();

    /**
     * A revocation's outcome. The server's token API returns 204 for every revocation, so a remote
     * backend leaves both fields empty.
     *
     * @param token the token as stored afterwards, when the backend can read it
     * @param earlierRevocation when the token had already been revoked before this call, so nothing changed
     */
    record Revocation(Optional<ApiTokenInfo> token, Optional<Instant> earlierRevocation) {
    }

    /**
     * A rotation's outcome.
     *
     * @param replacement the new token
     * @param previous the old token as stored afterwards, when the backend can tell
     */
    record Rotation(CreatedApiToken replacement, Optional<ApiTokenInfo> previous) {
    }

    /** Returns the client's model of a stored token, with its status at {@code now}. */
    static ApiTokenInfo info(TokenMetadata token, Instant now) {
        return new ApiTokenInfo(token.id(), token.name(), token.maskedValue(), token.scopes(), token.createdAt(),
                token.expiresAt(), token.lastUsedAt(), token.status(now));
    }

    /** Manages one account's tokens in a store that this process opened. */
    final class Local implements TokenBackend {

        private final TokenStore store;
        private final TokenManager manager;
        private final String account;
        private final Clock clock;

        Local(TokenStore store, String account, Clock clock) {
            this.store = store;
            this.manager = TokenManager.builder(store).clock(clock).build();
            this.account = account;
            this.clock = clock;
        }

        @Override
        public List<ApiTokenInfo> list() {
            Instant now = clock.instant();
            return manager.list(account).stream().map(token -> info(token, now)).toList();
        }

        @Override
        public CreatedApiToken create(String name, Expiration expiration, Optional<Set<String>> scopes) {
            CreatedToken created = manager.create(account, name, expiration, scopes.orElse(Scopes.ALL));
            return created(created);
        }

        @Override
        public Revocation revoke(String id) {
            Optional<Instant> earlierRevocation = manager.find(account, id).flatMap(TokenMetadata::revokedAt);
            TokenMetadata revoked = manager.revoke(account, id);
            return new Revocation(Optional.of(info(revoked, clock.instant())), earlierRevocation);
        }

        @Override
        public Rotation rotate(String id, Duration gracePeriod, Optional<Expiration> expiration) {
            RotatedToken rotated = expiration.isPresent()
                    ? manager.rotate(account, id, gracePeriod, expiration.get())
                    : manager.rotate(account, id, gracePeriod);
            return new Rotation(created(rotated.replacement()), Optional.of(info(rotated.previous(), clock.instant())));
        }

        @Override
        public void close() {
            store.close();
        }

        private CreatedApiToken created(CreatedToken created) {
            return new CreatedApiToken(created.token(), info(created.metadata(), clock.instant()));
        }
    }

    /** Manages the tokens of the account that the client's token belongs to, over HTTP. */
    final class Remote implements TokenBackend {

        private final TokensApi tokens;

        Remote(MeetzyClient client) {
            this.tokens = new TokensApi(client);
        }

        @Override
        public List<ApiTokenInfo> list() {
            return tokens.list();
        }

        @Override
        public CreatedApiToken create(String name, Expiration expiration, Optional<Set<String>> scopes) {
            return scopes.isPresent() ? tokens.create(name, expiration, scopes.get()) : tokens.create(name, expiration);
        }

        @Override
        public Revocation revoke(String id) {
            tokens.revoke(id);
            return new Revocation(Optional.empty(), Optional.empty());
        }

        @Override
        public Rotation rotate(String id, Duration gracePeriod, Optional<Expiration> expiration) {
            CreatedApiToken replacement = expiration.isPresent()
                    ? tokens.rotate(id, gracePeriod, expiration.get())
                    : tokens.rotate(id, gracePeriod);
            return new Rotation(replacement, Optional.empty());
        }

        @Override
        public void close() {
            // The client keeps no connection that needs closing.
        }
    }
}
