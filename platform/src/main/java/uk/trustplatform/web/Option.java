package uk.trustplatform.web;

/** One choice of radios, checkboxes or a select: what is sent, and what the person reads. */
public record Option(String value, String label, String hint) {

    public Option(String value, String label) {
        this(value, label, null);
    }
}
