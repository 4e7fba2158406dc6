package nl.loket.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a team needs to reach the citizen. Never the BSN: {@code citizenRef} is a keyed HMAC of it, stable per
 * citizen, that cannot be turned back into the BSN without the key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CitizenDetails(String citizenRef, String name, String email, String phone) {
}
