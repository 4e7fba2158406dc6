package nl.loket.routing.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A contact as routing received it (ContactReceived JSON; no BSN), kept to route it again on a transfer. */
@Entity
@Table(name = "routed_contact")
public class RoutedContactEntity extends PanacheEntityBase {

    @Id
    @Column(name = "contact_id")
    public String contactId;

    public String municipality;

    public String channel;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** The contact as received; its personal fields are removed by retention or an erasure request. */
    @Column(name = "contact_json")
    public String contactJson;

    /** The global citizen reference (intake's), to find a citizen's contacts; null once erased. */
    @Column(name = "citizen_ref")
    public String citizenRef;

    @Column(name = "created_at")
    public Instant createdAt;

    /** When retention or an erasure request removed the personal fields; null while they are there. */
    @Column(name = "personal_data_erased_at")
    public Instant personalDataErasedAt;
}
