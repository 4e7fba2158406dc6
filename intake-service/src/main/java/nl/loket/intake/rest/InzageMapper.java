package nl.loket.intake.rest;

import nl.loket.contracts.events.CitizenDetails;
import nl.loket.contracts.events.ContactReceived;
import nl.loket.intake.domain.HeldContact;

/** Maps what intake holds of a contact to the inzage API model. */
final class InzageMapper {

    private InzageMapper() {
    }

    static InzageResponse.Contact toApiModel(HeldContact held) {
        ContactReceived e = held.event();
        return new InzageResponse.Contact(e.contactId(), held.status().name(), e.receivedAt(), e.acceptedAt(),
                e.municipality(), e.channel() == null ? null : e.channel().name(), e.language(), e.subject(), e.text(),
                toApiModel(e.citizen()), e.caseReference(), e.productCode(), e.ivrChoice(), e.deskTopic(),
                e.followUpOf(), e.adapterId(), e.externalReference());
    }

    /** The citizen's contact details; the reference is what the request asked by, so it is not repeated. */
    private static InzageResponse.Citizen toApiModel(CitizenDetails c) {
        return c == null || (c.name() == null && c.email() == null && c.phone() == null) ? null
                : new InzageResponse.Citizen(c.name(), c.email(), c.phone());
    }
}
