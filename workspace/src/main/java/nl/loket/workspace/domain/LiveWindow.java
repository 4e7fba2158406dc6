package nl.loket.workspace.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a live stream may run on the access token it was opened with: until {@code margin} before the token
 * expires, and never longer than {@code max}. The browser's EventSource then reconnects, with the session's
 * (refreshed) token.
 */
public final class LiveWindow {

    private LiveWindow() {
    }

    public static Duration of(Instant now, Optional<Instant> tokenExpiresAt, Duration margin, Duration max) {
        if (tokenExpiresAt.isEmpty()) {
            return max;
        }
        Duration left = Duration.between(now, tokenExpiresAt.get()).minus(margin);
        if (left.isNegative() || left.isZero()) {
            return Duration.ZERO;
        }
        return left.compareTo(max) < 0 ? left : max;
    }
}
