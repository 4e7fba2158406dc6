package nl.loket.intake.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.loket.contracts.events.Channel;
import nl.loket.intake.domain.FreeText;

/** What a channel adapter hands in. Unknown fields are rejected (400); no text may hold NUL or a lone surrogate. */
@Schema(name = "ContactRequest", description = "A citizen's contact as a channel adapter hands it in")
public record ContactRequest(
        @Schema(description = "CBS municipality code", examples = "GM0363", required = true)
        @NotBlank @Pattern(regexp = "GM[0-9]{4}", message = "must be a CBS municipality code such as GM0363")
        @StorableText
        String municipality,

        @Schema(required = true)
        @NotNull
        Channel channel,

        @Schema(description = "When the citizen made contact; default now; within [now − received-at-max-age (7 days), now + clock skew]")
        @WithinReceiptWindow
        Instant receivedAt,

        @Schema(description = "BSNs and IBANs in it are replaced by a marker before it is stored or published")
        @Size(max = FreeText.SUBJECT_MAX_LENGTH)
        @StorableText
        String subject,

        @Schema(required = true, minLength = 1, maxLength = FreeText.TEXT_MAX_LENGTH,
                description = "BSNs and IBANs in it are replaced by a marker before it is stored or published")
        @NotBlank @Size(min = 1, max = FreeText.TEXT_MAX_LENGTH)
        @StorableText
        String text,

        @Schema(description = "ISO 639-1 language code; default nl", examples = "nl")
        @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter ISO 639-1 code such as nl")
        @StorableText
        String language,

        @Valid
        CitizenRequest citizen,

        @Size(max = 100) @Pattern(regexp = "[\\p{Alnum} ._/:-]*", message = "may contain letters, digits, space and . _ / : -")
        @StorableText
        String caseReference,

        @Schema(description = "UPL URI or product name, when a form knows it")
        @Size(max = 300)
        @StorableText
        String productCode,

        @Schema(description = "Phone menu (IVR) choice")
        @Size(max = 100)
        @StorableText
        String ivrChoice,

        @Schema(description = "Counter desk topic")
        @Size(max = 100)
        @StorableText
        String deskTopic,

        @Schema(description = "Id of the earlier contact this one follows up")
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9-]*", message = "must be a contact id")
        @StorableText
        String followUpOf,

        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "may contain letters, digits and . _ : -")
        @StorableText
        String adapterId,

        @Size(max = 200)
        @StorableText
        String externalReference) {

    /** The citizen as the adapter knows them; everything optional. */
    @Schema(name = "CitizenRequest")
    public record CitizenRequest(
            @Schema(description = "Burgerservicenummer; checked with the 11-proef, never stored or published")
            @ValidBsn
            @StorableText
            String bsn,

            @Size(max = 200)
            @StorableText
            String name,

            @Size(max = 254) @jakarta.validation.constraints.Email
            @StorableText
            String email,

            @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()-]{6,20}", message = "must be a phone number")
            @StorableText
            String phone) {
    }
}
