package nl.loket.routing.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import nl.loket.contracts.events.Channel;
import nl.loket.routing.domain.CitizenContact;

/**
 * The answer to an inzage request: every contact of the citizen as routing holds it. Fields routing does not hold
 * (or no longer holds: erased) are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InzageResponse(String service, List<Contact> contacts) {

    /** One contact: as received, every routing decision, and each team's reference to the citizen. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(String contactId, String municipality, Channel channel, Instant receivedAt, String language,
            String subject, String text, String caseReference, String followUpOf, Citizen citizen,
            Instant personalDataErasedAt, List<Decision> decisions, List<Team> teams) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Citizen(String name, String email, String phone) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(int hop, String teamId, String tier, String reason, Instant routedAt, String previousTeamId,
            String transferReason) {
    }

    /** The reference under which the team knows the citizen on its topic. */
    public record Team(String teamId, String citizenRef) {
    }

    static InzageResponse of(String service, List<CitizenContact> contacts) {
        return new InzageResponse(service, contacts.stream().map(InzageResponse::contact).toList());
    }

    private static Contact contact(CitizenContact c) {
        Citizen citizen = c.citizenName() == null && c.citizenEmail() == null && c.citizenPhone() == null ? null
                : new Citizen(c.citizenName(), c.citizenEmail(), c.citizenPhone());
        return new Contact(c.contactId(), c.municipality(), c.channel(), c.receivedAt(), c.language(), c.subject(),
                c.text(), c.caseReference(), c.followUpOf(), citizen, c.personalDataErasedAt(),
                c.decisions().stream().map(d -> new Decision(d.hop(), d.teamId(), d.tier(), d.reason(), d.routedAt(),
                        d.previousTeamId(), d.transferReason())).toList(),
                c.teams().stream().map(t -> new Team(t.teamId(), t.citizenRef())).toList());
    }
}
