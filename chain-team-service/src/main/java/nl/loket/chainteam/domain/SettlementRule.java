package nl.loket.chainteam.domain;

import java.time.Duration;
import java.time.Instant;

import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.Tier;

/**
 * When a resolve counts as settled during the contact (the first line's direct handling): the item is
 * FIRST_LINE, came in live (phone or counter), is still at hop 0 (never transferred), never had a call-back
 * requested, and is resolved no later than {@code window} after the contact was received.
 */
public final class SettlementRule {

    private SettlementRule() {
    }

    public static boolean settledDuringContact(Tier tier, Channel channel, int hop, boolean callbackRequested,
            Instant receivedAt, Instant resolvedAt, Duration window) {
        return tier == Tier.FIRST_LINE && channel != null && channel.isLive() && hop == 0 && !callbackRequested
                && !resolvedAt.isAfter(receivedAt.plus(window));
    }
}
