package nl.loket.metrics.domain;

import java.time.ZoneId;
import java.util.Set;

import nl.loket.contracts.events.ContactHandled;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.contracts.events.ContactRouted;
import nl.loket.contracts.events.DeadlineBreached;

/**
 * How each event changes a contact's fact. Every rule is commutative with the others (flags only turn on, the
 * latest settlement wins, hop 0 fixes the first team), so the fact is the same whatever order the events arrive in.
 */
public final class FactRules {

    private FactRules() {
    }

    public static void received(ContactFact fact, ContactReceived event, ZoneId zone) {
        if (fact.received) {
            return; // the first accepted receipt stands; intake never sends two for one contact
        }
        fact.received = true;
        fact.municipality = event.municipality();
        fact.channel = event.channel().name();
        fact.receivedAt = event.receivedAt();
        fact.receivedDay = event.receivedAt().atZone(zone).toLocalDate();
        fact.firstContact = event.isFirstContact();
    }

    public static void routed(ContactFact fact, ContactRouted event) {
        if (event.hop() == 0) {
            if (fact.firstTeam == null) {
                fact.firstTeam = event.teamId();
                fact.firstTier = event.tier().name();
            }
        } else {
            fact.transferred = true;
        }
        fact.maxHop = Math.max(fact.maxHop, event.hop());
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
