package nl.loket.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a team needs to reach the citizen. Never the BSN: {@code citizenRef} is a keyed HMAC of it that cannot be
 * turned back into the BSN without the key — on {@code contacts.received} the global pseudonym (intake's key), on a
 * team topic the team's own (routing derives it per team), so that two teams cannot join their contacts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CitizenDetails(String citizenRef, String name, String email, String phone) {
}
