package nl.loket.intake.domain;

/**
 * Burgerservicenummer: 9 digits passing the 11-proef (the kit's {@link nl.loket.kit.privacy.Bsn}, which intake's
 * redaction of free text uses too). Never logged, never on a topic.
 */
public final class Bsn {

    private Bsn() {
    }

    public static boolean isValid(String candidate) {
        return nl.loket.kit.privacy.Bsn.isValid(candidate);
    }
}
