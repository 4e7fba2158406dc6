package nl.loket.metrics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import nl.loket.contracts.events.Channel;
import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.contracts.events.DeadlineBreached;
import nl.loket.contracts.events.Outcome;
import nl.loket.contracts.events.Tier;

class FactRulesTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");

    private static List<Consumer<ContactFact>> transferredContact() {
        return List.of(
                f -> FactRules.routed(f, routed(0, Tier.FIRST_LINE, "kcc"), AMSTERDAM),
                FactRules::transferRequested,
                f -> FactRules.routed(f, routed(1, Tier.CHAIN_TEAM, "omgeving"), AMSTERDAM),
                f -> FactRules.handled(f, handled("kcc", Tier.FIRST_LINE, 0, T.plusSeconds(60))),
                f -> FactRules.handled(f, handled("omgeving", Tier.CHAIN_TEAM, 1, T.plusSeconds(7200))),
                f -> FactRules.deadlineBreached(f, new DeadlineBreached("c", "omgeving", T, T)),
                FactRules::callbackRequested);
    }

    @Test
    void theFactIsTheSameWhateverTheOrderOfItsEvents() {
        Map<RollupKey, long[]> reference = fold(transferredContact()).counters();
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            List<Consumer<ContactFact>> shuffled = new ArrayList<>(transferredContact());
            Collections.shuffle(shuffled, random);
            Contribution c = fold(shuffled);
            assertThat(c.counters().keySet()).isEqualTo(reference.keySet());
            c.counters().forEach((k, v) -> assertThat(v).isEqualTo(reference.get(k)));
        }
        ContactFact fact = new ContactFact("c");
        transferredContact().forEach(r -> r.accept(fact));
        assertThat(fact.settledTeam).isEqualTo("omgeving");
        assertThat(fact.firstTeam).isEqualTo("kcc");
        assertThat(fact.transferred).isTrue();
    }

    @Test
    void aContactCountsUnderAllAndItsMunicipalityAndItsTeamsInBothGrains() {
        Contribution c = fold(transferredContact());
        // 2 grains × 2 municipality rows × (all, kcc, omgeving)
        assertThat(c.counters()).hasSize(12);
        long[] omgeving = c.counters().get(new RollupKey('D', "GM0363", "omgeving", T.atZone(AMSTERDAM).toLocalDate(), "PHONE"));
        assertThat(omgeving[Counter.SETTLED_BY_TEAM.ordinal()]).isEqualTo(1);
        assertThat(omgeving[Counter.BREACHED_BY_TEAM.ordinal()]).isEqualTo(1);
        long[] kcc = c.counters().get(new RollupKey('M', "*", "kcc", T.atZone(AMSTERDAM).toLocalDate().withDayOfMonth(1), "PHONE"));
        assertThat(kcc[Counter.SETTLED_BY_TEAM.ordinal()]).isZero();
        assertThat(kcc[Counter.RECEIVED.ordinal()]).isEqualTo(1);
        assertThat(kcc[Counter.DIRECTLY_HANDLED.ordinal()]).isZero();
    }

    @Test
    void aContactWithoutItsReceiptDoesNotCountYet() {
        ContactFact fact = new ContactFact("c");
        FactRules.handled(fact, handled("kcc", Tier.FIRST_LINE, 0, T));
        FactRules.routed(fact, routed(1, Tier.CHAIN_TEAM, "omgeving"), AMSTERDAM);
        assertThat(Contribution.of(fact, AMSTERDAM)).isSameAs(Contribution.NONE);
    }

    @Test
    void theFirstRoutingDecisionIsTheReceiptWithPeriodMunicipalityAndChannel() {
        ContactFact fact = new ContactFact("c");
        Instant lateEvening = Instant.parse("2026-11-02T23:30:00Z"); // 00:30 on 3 November in Amsterdam
        FactRules.routed(fact, routed(0, Tier.FIRST_LINE, "kcc", lateEvening, null), AMSTERDAM);

        assertThat(fact.received).isTrue();
        assertThat(fact.municipality).isEqualTo("GM0363");
        assertThat(fact.channel).isEqualTo("PHONE");
        assertThat(fact.receivedAt).isEqualTo(lateEvening);
        assertThat(fact.receivedDay).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(fact.firstContact).isTrue();
        assertThat(fact.firstTeam).isEqualTo("kcc");
    }

    @Test
    void aDecisionWithFollowUpOfIsAFollowUpAndOneWithoutItAFirstContact() {
        ContactFact followUp = new ContactFact("c");
        FactRules.routed(followUp, routed(0, Tier.FIRST_LINE, "kcc", T, "c-earlier"), AMSTERDAM);
        assertThat(followUp.firstContact).isFalse();
        assertThat(Contribution.of(followUp, AMSTERDAM).counters().values())
                .allSatisfy(row -> assertThat(row[Counter.FIRST_CONTACTS.ordinal()]).isZero());

        // a decision published before routing set followUpOf (an older record) counts as a first contact
        ContactFact older = new ContactFact("c");
        FactRules.routed(older, routed(0, Tier.FIRST_LINE, "kcc", T, null), AMSTERDAM);
        assertThat(older.firstContact).isTrue();
        ContactFact blank = new ContactFact("c");
        FactRules.routed(blank, routed(0, Tier.FIRST_LINE, "kcc", T, " "), AMSTERDAM);
        assertThat(blank.firstContact).isTrue();
    }

    @Test
    void theFirstAcceptedReceiptStandsAndALaterHopDoesNotChangeIt() {
        ContactFact fact = new ContactFact("c");
        FactRules.routed(fact, routed(0, Tier.FIRST_LINE, "kcc", T, "c-earlier"), AMSTERDAM);
        FactRules.routed(fact, routed(0, Tier.CHAIN_TEAM, "omgeving", T.plusSeconds(86_400), null), AMSTERDAM);
        FactRules.routed(fact, routed(1, Tier.CHAIN_TEAM, "omgeving", T.plusSeconds(86_400), null), AMSTERDAM);

        assertThat(fact.receivedAt).isEqualTo(T);
        assertThat(fact.firstContact).isFalse();
        assertThat(fact.firstTeam).isEqualTo("kcc");
        assertThat(fact.transferred).isTrue();
    }

    @Test
    void settleTimeBucketsHaveExactBoundsAtTheirResolution() {
        assertThat(SettleTimeBuckets.upperBoundMinutes(SettleTimeBuckets.bucketOf(Duration.ZERO))).isEqualTo(1);
        for (long minutes : new long[] {1, 5, 59, 60, 90, 480, 1440, 1800, 2880, 43200}) {
            assertThat(SettleTimeBuckets.upperBoundMinutes(SettleTimeBuckets.bucketOf(Duration.ofMinutes(minutes))))
                    .as("%d minutes", minutes).isEqualTo(minutes);
        }
        assertThat(SettleTimeBuckets.upperBoundMinutes(SettleTimeBuckets.bucketOf(Duration.ofMinutes(61)))).isEqualTo(90);
        assertThat(SettleTimeBuckets.bucketOf(Duration.ofDays(45))).isEqualTo(SettleTimeBuckets.OVERFLOW);
        assertThat(SettleTimeBuckets.quantileMinutes(Map.of(5, 1L, 10, 1L, 30, 2L), 0.5)).isEqualTo(10);
        assertThat(SettleTimeBuckets.quantileMinutes(Map.of(), 0.5)).isNull();
    }

    private static Contribution fold(List<Consumer<ContactFact>> rules) {
        ContactFact fact = new ContactFact("c");
        rules.forEach(r -> r.accept(fact));
        return Contribution.of(fact, AMSTERDAM);
    }

    private static ContactRouted routed(int hop, Tier tier, String team) {
        return routed(hop, tier, team, T, null);
    }

    private static ContactRouted routed(int hop, Tier tier, String team, Instant receivedAt, String followUpOf) {
        return new ContactRouted("c", "GM0363", Channel.PHONE, receivedAt, hop, tier, team, "r", 0.5, "rule", null,
                null, null, null, "p", 1, null, receivedAt.plusSeconds(hop), followUpOf);
    }

    private static ContactHandled handled(String team, Tier tier, int hop, Instant at) {
        return new ContactHandled("c", team, tier, hop, Channel.PHONE, Outcome.ANSWERED, "a", null, false, at);
    }
}
