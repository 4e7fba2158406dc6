package nl.loket.intake.rest;

import nl.loket.intake.domain.ContactSubmission;

/** Maps the API model of a handed-in contact to the command the intake service accepts. */
final class ContactRequestMapper {

    private ContactRequestMapper() {
    }

    static ContactSubmission toSubmission(ContactRequest r) {
        return new ContactSubmission(r.municipality(), r.channel(), r.receivedAt(), r.subject(), r.text(),
                r.language(), toCitizen(r.citizen()), r.caseReference(), r.productCode(), r.ivrChoice(),
                r.deskTopic(), r.followUpOf(), r.adapterId(), r.externalReference());
    }

    private static ContactSubmission.Citizen toCitizen(ContactRequest.CitizenRequest c) {
        return c == null ? null : new ContactSubmission.Citizen(c.bsn(), c.name(), c.email(), c.phone());
    }
}
