package nl.loket.kit.privacy;

/**
 * Why personal data of a contact was read (VNG Verwerkingenlogging: the purpose of the processing). The label is
 * Dutch: the privacy officer and the citizen read it.
 */
public enum Purpose {
    CONTACT_HANDLING("Behandeling van het contact door het team"),
    QUEUE_OVERVIEW("Overzicht van de werkvoorraad van het team"),
    CASE_HISTORY("Geschiedenis van het contact (doorzettingen, terugbelverzoeken)"),
    RECEIPT_STATUS("Status van een aangeleverd contact"),
    SUBJECT_ACCESS("Verzoek om inzage van de betrokkene (AVG art. 15)"),
    SUBJECT_ERASURE("Verzoek om verwijdering van de betrokkene (AVG art. 17)");

    private final String label;

    Purpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
