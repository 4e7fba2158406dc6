package nl.loket.metrics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * Everything the KPIs need to know about one contact, folded from its events in whatever order they arrive.
 * Each field is set by one kind of event and never depends on another having come first.
 */
@Entity
@Table(name = "contact_fact")
public class ContactFact extends PanacheEntityBase {

    @Id
    @Column(name = "contact_id")
    public String contactId;

    /**
     * The receipt seen (the hop-0 ContactRouted): only then does the contact count (its period, municipality and
     * channel are known). The column keeps its name; facts of before metrics stopped reading contacts.received got it
     * from the ContactReceived.
     */
    public boolean received;
    public String municipality;
    public String channel;
    @Column(name = "received_at")
    public Instant receivedAt;
    /** Calendar day of receipt in the metrics time zone. */
    @Column(name = "received_day")
    public LocalDate receivedDay;
    @Column(name = "first_contact")
    public Boolean firstContact;

    /** Team and tier of the first routing decision (hop 0). */
    @Column(name = "first_team")
    public String firstTeam;
    @Column(name = "first_tier")
    public String firstTier;
    @Column(name = "max_hop")
    public int maxHop;
    /** A transfer was requested, or the contact was routed or settled at a hop above 0. */
    public boolean transferred;
    @Column(name = "callback_requested")
    public boolean callbackRequested;

    @Column(name = "settled_at")
    public Instant settledAt;
    @Column(name = "settled_team")
    public String settledTeam;
    @Column(name = "settled_tier")
    public String settledTier;
    @Column(name = "settled_hop")
    public Integer settledHop;
    /** Teams that let a deadline of this contact pass (DeadlineBreached), comma-separated, sorted. */
    @Column(name = "breached_teams")
    public String breachedTeams = "";
    @Column(name = "updated_at")
    public Instant updatedAt;

    public ContactFact() {
    }

    public ContactFact(String contactId) {
        this.contactId = contactId;
    }

    public Set<String> breachedTeamSet() {
        Set<String> teams = new TreeSet<>();
        if (breachedTeams != null && !breachedTeams.isBlank()) {
            teams.addAll(Arrays.asList(breachedTeams.split(",")));
        }
        return teams;
    }

    public boolean settled() {
        return settledAt != null;
    }

    /** An independent copy, to compute the contribution before a change. */
    public ContactFact copy() {
        ContactFact c = new ContactFact(contactId);
        c.received = received;
        c.municipality = municipality;
        c.channel = channel;
        c.receivedAt = receivedAt;
        c.receivedDay = receivedDay;
        c.firstContact = firstContact;
        c.firstTeam = firstTeam;
        c.firstTier = firstTier;
        c.maxHop = maxHop;
        c.transferred = transferred;
        c.callbackRequested = callbackRequested;
        c.settledAt = settledAt;
        c.settledTeam = settledTeam;
        c.settledTier = settledTier;
        c.settledHop = settledHop;
        c.breachedTeams = breachedTeams;
        return c;
    }
}
