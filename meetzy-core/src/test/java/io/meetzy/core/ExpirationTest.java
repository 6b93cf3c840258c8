package io.meetzy.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExpirationTest {

    @ParameterizedTest(name = "{1} from {0}")
    @CsvSource({
            "2026-01-31T12:00:00Z, 30d,   2026-03-02T12:00:00Z",
            "2026-12-04T00:00:00Z, 90d,   2027-03-04T00:00:00Z",
            "2028-02-01T08:00:00Z, 30d,   2028-03-02T08:00:00Z",
            "2026-08-31T09:30:00Z, 6m,    2027-02-28T09:30:00Z",
            "2027-08-31T09:30:00Z, 6m,    2028-02-29T09:30:00Z",
            "2026-03-31T00:00:00Z, 6m,    2026-09-30T00:00:00Z",
            "2028-02-29T23:59:59Z, 1y,    2029-02-28T23:59:59Z",
            "2026-12-31T23:00:00Z, 1y,    2027-12-31T23:00:00Z",
            "2028-02-29T10:00:00Z, never, 2032-02-29T10:00:00Z",
            "2027-02-28T10:00:00Z, never, 2031-02-28T10:00:00Z",
    })
    void presetExpiresAtCalendarDate(String createdAt, String code, String expected) {
        Instant expiresAt = Expiration.of(code).expiresAt(Instant.parse(createdAt));

        assertThat(expiresAt).isEqualTo(Instant.parse(expected));
    }

    @Test
    void codesRoundTrip() {
        for (Expiration preset : Expiration.values()) {
            assertThat(Expiration.of(preset.code())).isSameAs(preset);
            assertThat(preset.toString()).isEqualTo(preset.code());
        }
    }

    @Test
    void unknownCodeNamesValueAndChoices() {
        assertThatThrownBy(() -> Expiration.of("2w"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown expiration '2w': use one of 30d, 90d, 6m, 1y, never.");
        assertThat(Expiration.find("30D")).isEmpty();
    }

    @Test
    void statusFollowsExpiryAndRevocation() {
        Instant expiresAt = Instant.parse("2027-01-01T00:00:00Z");

        assertThat(TokenStatus.at(expiresAt.minusMillis(1), expiresAt, Optional.empty())).isEqualTo(TokenStatus.ACTIVE);
        assertThat(TokenStatus.at(expiresAt, expiresAt, Optional.empty())).isEqualTo(TokenStatus.EXPIRED);
        assertThat(TokenStatus.at(expiresAt.minusSeconds(60), expiresAt, Optional.of(expiresAt.minusSeconds(120))))
                .isEqualTo(TokenStatus.REVOKED);
        assertThat(TokenStatus.at(expiresAt.plusSeconds(60), expiresAt, Optional.of(expiresAt.minusSeconds(120))))
                .isEqualTo(TokenStatus.REVOKED);
        assertThat(TokenStatus.EXPIRED.jsonName()).isEqualTo("expired");
    }
}
