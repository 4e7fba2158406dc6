package nl.loket.routing.model;

/**
 * One labelled text for the team model.
 *
 * @param key    a stable identity (e.g. {@code product:<uri>}, {@code outcome:<contactId>}): training sorts by it, so
 *               the same examples give the same model for a seed, whatever order they were read in
 * @param weight how much it counts (a contact a transfer corrected counts more than one settled where it landed)
 */
public record TrainingExample(String key, String text, String teamId, double weight) {

    /** Key prefix of an example from a settled contact. */
    public static final String OUTCOME = "outcome:";
    /** Key prefix of a bundled example contact ({@link ExampleContacts}). */
    public static final String EXAMPLE = "example:";

    /** Whether this is a contact's text (settled or a bundled example), not a knowledge text. */
    public boolean fromContact() {
        return key.startsWith(OUTCOME) || key.startsWith(EXAMPLE);
    }
}
