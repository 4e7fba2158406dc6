package nl.loket.workspace.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DeadlineTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** Tuesday 10:00 in Amsterdam. */
    static final Instant NOW = ZonedDateTime.of(2026, 3, 10, 10, 0, 0, 0, AMSTERDAM).toInstant();

    @Test
    void aDueTimeThatHasPassedIsOverdue() {
        assertThat(Deadline.of(NOW.minusSeconds(1), false, NOW, AMSTERDAM)).isEqualTo(Deadline.OVERDUE);
        assertThat(Deadline.of(NOW, false, NOW, AMSTERDAM)).isEqualTo(Deadline.OVERDUE);
    }

    @Test
    void aDueTimeBeforeMidnightInAmsterdamIsDueToday() {
        Instant lastMinute = ZonedDateTime.of(2026, 3, 10, 23, 59, 0, 0, AMSTERDAM).toInstant();
        assertThat(Deadline.of(lastMinute, false, NOW, AMSTERDAM)).isEqualTo(Deadline.DUE_TODAY);
    }

    @Test
    void aDueTimeOnALaterDayInAmsterdamIsLaterEvenWhenItIsTheSameDayInUtc() {
        // 00:30 Amsterdam on the 11th is 23:30 UTC on the 10th
        Instant justAfterMidnight = ZonedDateTime.of(2026, 3, 11, 0, 30, 0, 0, AMSTERDAM).toInstant();
        assertThat(Deadline.of(justAfterMidnight, false, NOW, AMSTERDAM)).isEqualTo(Deadline.LATER);
    }

    @Test
    void noDueTimeOrASettledItemHasNoDeadline() {
        assertThat(Deadline.of(null, false, NOW, AMSTERDAM)).isEqualTo(Deadline.NONE);
        assertThat(Deadline.of(NOW.minusSeconds(3600), true, NOW, AMSTERDAM)).isEqualTo(Deadline.NONE);
    }

    @Test
    void aLiveStreamEndsTheMarginBeforeTheTokenExpiresAndNeverAfterTheMaximum() {
        Duration margin = Duration.ofSeconds(30);
        Duration max = Duration.ofMinutes(15);
        assertThat(LiveWindow.of(NOW, Optional.of(NOW.plusSeconds(300)), margin, max)).isEqualTo(Duration.ofSeconds(270));
        assertThat(LiveWindow.of(NOW, Optional.of(NOW.plusSeconds(3600)), margin, max)).isEqualTo(max);
        assertThat(LiveWindow.of(NOW, Optional.of(NOW.plusSeconds(10)), margin, max)).isEqualTo(Duration.ZERO);
        assertThat(LiveWindow.of(NOW, Optional.empty(), margin, max)).isEqualTo(max);
    }

    @Test
    void theExpiryOfAJwtIsReadAndAnOpaqueTokenHasNone() {
        String payload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"exp\":1773136800,\"sub\":\"a\"}".getBytes());
        assertThat(TokenExpiry.of("e30." + payload + ".sig")).contains(Instant.ofEpochSecond(1773136800));
        assertThat(TokenExpiry.of("opaque-token")).isEmpty();
        assertThat(TokenExpiry.of(null)).isEmpty();
    }
}
