package nl.loket.chainteam.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.Tier;

class SettlementRuleTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-24T09:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(30);

    @Test
    void firstLinePhoneResolvedWithinTheWindowIsSettledDuringTheContact() {
        assertThat(SettlementRule.settledDuringContact(Tier.FIRST_LINE, Channel.PHONE, 0, false, RECEIVED,
                RECEIVED.plus(Duration.ofMinutes(30)), WINDOW)).isTrue();
        assertThat(SettlementRule.settledDuringContact(Tier.FIRST_LINE, Channel.COUNTER, 0, false, RECEIVED,
                RECEIVED.plus(Duration.ofMinutes(5)), WINDOW)).isTrue();
    }

    @Test
    void anythingElseIsNot() {
        Instant soon = RECEIVED.plus(Duration.ofMinutes(5));
        assertThat(SettlementRule.settledDuringContact(Tier.FIRST_LINE, Channel.PHONE, 0, false, RECEIVED,
                RECEIVED.plus(Duration.ofMinutes(31)), WINDOW)).as("too late").isFalse();
        assertThat(SettlementRule.settledDuringContact(Tier.FIRST_LINE, Channel.EMAIL, 0, false, RECEIVED, soon, WINDOW))
                .as("not live").isFalse();
        assertThat(SettlementRule.settledDuringContact(Tier.CHAIN_TEAM, Channel.PHONE, 0, false, RECEIVED, soon, WINDOW))
                .as("not first line").isFalse();
        assertThat(SettlementRule.settledDuringContact(Tier.FIRST_LINE, Channel.PHONE, 1, false, RECEIVED, soon, WINDOW))
                .as("transferred").isFalse();
        assertThat(SettlementRule.settledDuringContact(Tier.FIRST_LINE, Channel.PHONE, 0, true, RECEIVED, soon, WINDOW))
                .as("after a call-back").isFalse();
    }
}
