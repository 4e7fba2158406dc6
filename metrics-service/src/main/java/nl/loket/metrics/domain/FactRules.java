package nl.loket.metrics.domain;

import java.time.ZoneId;
import java.util.Set;

import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.contracts.events.DeadlineBreached;

/**
 * How each event changes a contact's fact. Every rule is commutative with the others (flags only turn on, the
 * latest settlement wins, hop 0 fixes the receipt and the first team), so the fact is the same whatever order the
 * events arrive in.
 *
 * <p>The receipt (period, municipality, channel, first contact or follow-up) comes from the first routing decision
 * (hop-0 ContactRouted), which routing-service publishes for every contact it receives and which carries no personal
 * data; metrics-service does not read contacts.received.
 */
public final class FactRules {

    private FactRules() {
    }

    public static void routed(ContactFact fact, ContactRouted event, ZoneId zone) {
        if (event.hop() == 0) {
            received(fact, event, zone);
            if (fact.firstTeam == null) {
                fact.firstTeam = event.teamId();
                fact.firstTier = event.tier().name();
            }
        } else {
            fact.transferred = true;
        }
        fact.maxHop = Math.max(fact.maxHop, event.hop());
    }

    /** The hop-0 decision is the contact's receipt; the first accepted one stands (routing decides hop 0 once). */
    private static void received(ContactFact fact, ContactRouted hopZero, ZoneId zone) {
        if (fact.received) {
            return;
        }
        fact.received = true;
        fact.municipality = hopZero.municipality();
        fact.channel = hopZero.channel().name();
        fact.receivedAt = hopZero.receivedAt();
        fact.receivedDay = hopZero.receivedAt().atZone(zone).toLocalDate();
        fact.firstContact = isFirstContact(hopZero);
    }

    /**
     * No {@code followUpOf}: a first contact. Records published before routing set the field have none, and count as
     * first contacts.
     */
    static boolean isFirstContact(ContactRouted event) {
        return event.followUpOf() == null || event.followUpOf().isBlank();
    }

    public static void handled(ContactFact fact, ContactHandled event) {
        boolean later = fact.settledAt == null
                || event.handledAt().isAfter(fact.settledAt)
                || (event.handledAt().equals(fact.settledAt) && event.hop() > fact.settledHop);
        if (later) {
            fact.settledAt = event.handledAt();
            fact.settledTeam = event.teamId();
            fact.settledTier = event.tier().name();
            fact.settledHop = event.hop();
        }
        if (event.hop() > 0) {
            fact.transferred = true;
        }
        fact.maxHop = Math.max(fact.maxHop, event.hop());
    }

    public static void transferRequested(ContactFact fact) {
        fact.transferred = true;
    }

    public static void callbackRequested(ContactFact fact) {
        fact.callbackRequested = true;
    }

    public static void deadlineBreached(ContactFact fact, DeadlineBreached event) {
        Set<String> teams = fact.breachedTeamSet();
        if (teams.add(event.teamId())) {
            fact.breachedTeams = String.join(",", teams);
        }
    }
}
