package io.meetzy.verifier;

import io.meetzy.core.ApiToken;
import io.meetzy.core.Expiration;
import io.meetzy.core.Scopes;
import io.meetzy.core.TokenHasher;
import io.meetzy.core.TokenMetadata;
import io.meetzy.core.TokenStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenManagerTest {

    private static final Instant NOW = Instant.parse("2025-06-15T10:20:30.123456789Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final TokenManager manager = TokenManager.builder(store).clock(clock).build();

    @Test
    void createReturnsTokenThatParsesAndVerifies() {
        CreatedToken created = manager.create("acct_1", "  Production API  ", Expiration.NINETY_DAYS);

        ApiToken parsed = ApiToken.of(created.token().value());
        TokenMetadata metadata = created.metadata();
        assertThat(parsed.displayPrefix()).isEqualTo(metadata.displayPrefix());
        assertThat(metadata.id()).matches("tok_[0-9A-Za-z]{16}");
        assertThat(metadata.accountId()).isEqualTo("acct_1");
        assertThat(metadata.name()).isEqualTo("Production API");
        assertThat(metadata.scopes()).isEqualTo(Scopes.ALL);
        assertThat(metadata.createdAt()).isEqualTo(Instant.parse("2025-06-15T10:20:30.123456Z"));
        assertThat(metadata.expiresAt()).isEqualTo(Instant.parse("2025-09-13T10:20:30.123456Z"));
        assertThat(parsed.expiryDay()).isEqualTo(LocalDate.parse("2025-09-13"));
        assertThat(store.findById(metadata.id())).contains(metadata);

        VerificationResult result = TokenVerifier.builder(store).clock(clock).build().verify("Bearer " + parsed.value());
        assertThat(result.isVerified()).isTrue();
        assertThat(result.token().orElseThrow().tokenId()).isEqualTo(metadata.id());
    }

    @Test
    void createdTokenPrintsMasked() {
        CreatedToken created = manager.create("acct_1", "Masked", Expiration.THIRTY_DAYS);

        assertThat(created.toString()).doesNotContain(created.token().value())
                .contains(created.token().maskedValue());
    }

    @Test
    void storeKeepsHashOfWholeToken() {
        CreatedToken created = manager.create("acct_1", "Hashed", Expiration.THIRTY_DAYS);

        StoredToken stored = store.findByDisplayPrefix(created.token().displayPrefix()).orElseThrow();

        assertThat(stored.hash()).isEqualTo(TokenHasher.sha256().hash(created.token()));
        assertThat(stored.toString()).doesNotContain(created.token().value());
    }

    @Test
    void hmacHasherIsUsedForStoredHash() {
        TokenHasher hmac = TokenHasher.hmacSha256("pepper".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        TokenManager peppered = TokenManager.builder(store).clock(clock).hasher(hmac).build();

        CreatedToken created = peppered.create("acct_1", "Peppered", Expiration.THIRTY_DAYS);

        assertThat(store.findByDisplayPrefix(created.token().displayPrefix()).orElseThrow().hash())
                .isEqualTo(hmac.hash(created.token()));
    }

    @Test
    void blankNameIsRejected() {
        assertThatThrownBy(() -> manager.create("acct_1", "   ", Expiration.THIRTY_DAYS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A token name is required");
    }

    @Test
    void overlongNameIsRejected() {
        assertThatThrownBy(() -> manager.create("acct_1", "n".repeat(101), Expiration.THIRTY_DAYS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The token name has 101 characters; use at most 100.");
    }

    @Test
    void nameWithLineBreakIsRejected() {
        assertThatThrownBy(() -> manager.create("acct_1", "two\nlines", Expiration.THIRTY_DAYS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control character (U+000A)");
    }

    @Test
    void blankAccountIsRejected() {
        assertThatThrownBy(() -> manager.create(" ", "Name", Expiration.THIRTY_DAYS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("An account id is required");
        assertThatThrownBy(() -> manager.list("a".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The account id has 201 characters; use at most 200.");
    }

    @Test
    void rejectedNameStoresNothing() {
        assertThatThrownBy(() -> manager.create("acct_1", "", Expiration.THIRTY_DAYS))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(manager.list("acct_1")).isEmpty();
    }

    @Test
    void listIsNewestFirst() {
        CreatedToken first = manager.create("acct_1", "First", Expiration.THIRTY_DAYS);
        clock.advance(Duration.ofSeconds(1));
        CreatedToken second = manager.create("acct_1", "Second", Expiration.THIRTY_DAYS);
        clock.advance(Duration.ofSeconds(1));
        CreatedToken third = manager.create("acct_1", "Third", Expiration.THIRTY_DAYS);
        manager.create("acct_2", "Other account", Expiration.THIRTY_DAYS);

        assertThat(manager.list("acct_1")).extracting(TokenMetadata::id)
                .containsExactly(third.metadata().id(), second.metadata().id(), first.metadata().id());
    }

    @Test
    void findOfOtherAccountIsEmpty() {
        CreatedToken created = manager.create("acct_1", "Mine", Expiration.THIRTY_DAYS);

        assertThat(manager.find("acct_1", created.metadata().id())).contains(created.metadata());
        assertThat(manager.find("acct_2", created.metadata().id())).isEmpty();
    }

    @Test
    void revokeMarksTokenRevoked() {
        CreatedToken created = manager.create("acct_1", "To revoke", Expiration.THIRTY_DAYS);
        clock.advance(Duration.ofMinutes(5));

        TokenMetadata revoked = manager.revoke("acct_1", created.metadata().id());

        Instant revokedAt = Instant.parse("2025-06-15T10:25:30.123456Z");
        assertThat(revoked.revokedAt()).contains(revokedAt);
        assertThat(revoked.status(clock.instant())).isEqualTo(TokenStatus.REVOKED);
        assertThat(store.findById(created.metadata().id()).orElseThrow().revokedAt()).contains(revokedAt);
    }

    @Test
    void revokeTwiceKeepsFirstInstant() {
        CreatedToken created = manager.create("acct_1", "Twice", Expiration.THIRTY_DAYS);
        TokenMetadata first = manager.revoke("acct_1", created.metadata().id());
        clock.advance(Duration.ofHours(1));

        TokenMetadata second = manager.revoke("acct_1", created.metadata().id());

        assertThat(second.revokedAt()).isEqualTo(first.revokedAt());
    }

    @Test
    void revokeOfOtherAccountsTokenIsNotFound() {
        CreatedToken created = manager.create("acct_1", "Not yours", Expiration.THIRTY_DAYS);
        String id = created.metadata().id();

        assertThatThrownBy(() -> manager.revoke("acct_2", id))
                .isInstanceOf(TokenNotFoundException.class)
                .hasMessage("No token with id '" + id + "' was found in this account."
                        + " List the account's tokens to find the right id.")
                .satisfies(e -> assertThat(((TokenNotFoundException) e).tokenId()).isEqualTo(id));
        assertThat(store.findById(id).orElseThrow().isRevoked()).isFalse();
    }

    @Test
    void tokenPassedAsIdIsNeverEchoed() {
        CreatedToken created = manager.create("acct_1", "Pasted", Expiration.THIRTY_DAYS);
        String token = created.token().value();

        assertThatThrownBy(() -> manager.revoke("acct_1", token))
                .isInstanceOf(TokenNotFoundException.class)
                .hasMessage("No token with id (a value of 62 characters) was found in this account. The value looks"
                        + " like a Meetzy token, not a token id: token ids start with 'tok_'. List the account's"
                        + " tokens to find the id.");
        assertThatThrownBy(() -> manager.rotate("acct_1", token, Duration.ZERO))
                .hasMessageNotContaining(token)
                .hasMessageNotContaining(token.substring(24));
    }

    @Test
    void revokeOfUnknownIdIsNotFound() {
        assertThatThrownBy(() -> manager.revoke("acct_1", "tok_unknown"))
                .isInstanceOf(TokenNotFoundException.class)
                .hasMessageContaining("'tok_unknown'");
    }

    @Test
    void createWithScopesKeepsThem() {
        CreatedToken created = manager.create("acct_1", "Reader", Expiration.THIRTY_DAYS, Set.of(Scopes.TOKENS_READ));

        assertThat(created.metadata().scopes()).containsExactly(Scopes.TOKENS_READ);
        assertThat(store.findById(created.metadata().id()).orElseThrow().scopes()).containsExactly(Scopes.TOKENS_READ);
    }

    @Test
    void createWithUnknownScopeIsRejected() {
        assertThatThrownBy(() -> manager.create("acct_1", "Admin", Expiration.THIRTY_DAYS, Set.of("tokens:admin")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown scope 'tokens:admin'; choose from assistants:read, tokens:read, tokens:write.");
        assertThatThrownBy(() -> manager.create("acct_1", "None", Expiration.THIRTY_DAYS, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("A token needs at least one scope");
        assertThat(manager.list("acct_1")).isEmpty();
    }

    @Test
    void unknownScopeMessageNeverEchoesToken() {
        String pasted = manager.create("acct_1", "Pasted", Expiration.THIRTY_DAYS).token().value();

        assertThatThrownBy(() -> manager.create("acct_1", "Bad", Expiration.THIRTY_DAYS, Set.of(pasted)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown scope of 62 characters")
                .hasMessageNotContaining(pasted);
    }

    @Test
    void rotateKeepsNameScopesAndPreset() {
        CreatedToken old = manager.create("acct_1", "Billing", Expiration.SIX_MONTHS, Set.of(Scopes.ASSISTANTS_READ));
        clock.advance(Duration.ofDays(10));

        RotatedToken rotated = manager.rotate("acct_1", old.metadata().id(), Duration.ofHours(24));

        TokenMetadata replacement = rotated.replacement().metadata();
        assertThat(replacement.id()).isNotEqualTo(old.metadata().id());
        assertThat(replacement.name()).isEqualTo("Billing");
        assertThat(replacement.scopes()).containsExactly(Scopes.ASSISTANTS_READ);
        assertThat(replacement.accountId()).isEqualTo("acct_1");
        assertThat(replacement.expiresAt()).isEqualTo(Expiration.SIX_MONTHS.expiresAt(replacement.createdAt()));
        assertThat(rotated.previous().expiresAt()).isEqualTo(Instant.parse("2025-06-26T10:20:30.123456Z"));
        assertThat(manager.list("acct_1")).hasSize(2);
    }

    @Test
    void rotateWithExplicitPresetUsesIt() {
        CreatedToken old = manager.create("acct_1", "Short", Expiration.THIRTY_DAYS);

        RotatedToken rotated = manager.rotate("acct_1", old.metadata().id(), Duration.ZERO, Expiration.ONE_YEAR);

        TokenMetadata replacement = rotated.replacement().metadata();
        assertThat(replacement.expiresAt()).isEqualTo(Expiration.ONE_YEAR.expiresAt(replacement.createdAt()));
    }

    @Test
    void rotateWithZeroGraceExpiresOldAtOnce() {
        CreatedToken old = manager.create("acct_1", "Now", Expiration.THIRTY_DAYS);

        RotatedToken rotated = manager.rotate("acct_1", old.metadata().id(), Duration.ZERO);

        assertThat(rotated.previous().status(clock.instant())).isEqualTo(TokenStatus.EXPIRED);
        assertThat(TokenVerifier.builder(store).clock(clock).build().verify("Bearer " + old.token().value())
                .isVerified()).isFalse();
    }

    @Test
    void rotateNeverExtendsExpiry() {
        CreatedToken old = manager.create("acct_1", "Nearly done", Expiration.THIRTY_DAYS);
        clock.advance(Duration.ofDays(29).plusHours(23));

        RotatedToken rotated = manager.rotate("acct_1", old.metadata().id(), Duration.ofDays(7));

        assertThat(rotated.previous().expiresAt()).isEqualTo(old.metadata().expiresAt());
    }

    @Test
    void rotateAfterShortenedExpiryNeedsPreset() {
        CreatedToken old = manager.create("acct_1", "Twice", Expiration.THIRTY_DAYS);
        String id = old.metadata().id();
        manager.rotate("acct_1", id, Duration.ofHours(1));

        assertThatThrownBy(() -> manager.rotate("acct_1", id, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Token '" + id + "' was already rotated: its expiry was shortened to"
                        + " 2025-06-15T11:20:30Z, so the expiration it was created with is unknown. To"
                        + " renew, rotate its replacement instead. To replace this token once more, which leaves the"
                        + " earlier replacement active, choose an expiration (30d, 90d, 6m, 1y, never): --expires on"
                        + " the command line, expires_in in the API.");
        assertThat(manager.rotate("acct_1", id, Duration.ZERO, Expiration.NINETY_DAYS).replacement()).isNotNull();
    }

    @Test
    void rotateRejectsBadGracePeriod() {
        String id = manager.create("acct_1", "Grace", Expiration.THIRTY_DAYS).metadata().id();

        assertThatThrownBy(() -> manager.rotate("acct_1", id, Duration.ofDays(7).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The grace period PT168H1S is longer than the maximum of 7 days; use 0 to 7 days.");
        assertThatThrownBy(() -> manager.rotate("acct_1", id, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The grace period must not be negative, got PT-1S.");
        assertThat(manager.list("acct_1")).hasSize(1);
    }

    @Test
    void rotateOfRevokedTokenIsRejected() {
        String id = manager.create("acct_1", "Gone", Expiration.THIRTY_DAYS).metadata().id();
        manager.revoke("acct_1", id);

        assertThatThrownBy(() -> manager.rotate("acct_1", id, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Token '" + id + "' is revoked, so it cannot be rotated. Create a new token instead.");
    }

    @Test
    void rotateOfRevokedRotatedTokenSaysRevoked() {
        String id = manager.create("acct_1", "Gone twice", Expiration.THIRTY_DAYS).metadata().id();
        manager.rotate("acct_1", id, Duration.ofHours(1));
        manager.revoke("acct_1", id);

        assertThatThrownBy(() -> manager.rotate("acct_1", id, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Token '" + id + "' is revoked, so it cannot be rotated. Create a new token instead.");
    }

    @Test
    void rotateOfOtherAccountsTokenIsNotFound() {
        CreatedToken created = manager.create("acct_1", "Not yours", Expiration.THIRTY_DAYS);

        assertThatThrownBy(() -> manager.rotate("acct_2", created.metadata().id(), Duration.ZERO))
                .isInstanceOf(TokenNotFoundException.class);
        assertThat(manager.list("acct_1")).hasSize(1);
        assertThat(manager.list("acct_2")).isEmpty();
    }

    @Test
    void rotatedTokenPrintsMasked() {
        String id = manager.create("acct_1", "Print", Expiration.THIRTY_DAYS).metadata().id();

        RotatedToken rotated = manager.rotate("acct_1", id, Duration.ZERO);

        assertThat(rotated.toString()).doesNotContain(rotated.replacement().token().value())
                .contains(rotated.replacement().token().maskedValue());
    }
}
