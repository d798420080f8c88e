package no.tolk.publish;

/** A publication is pending until its target confirmed it, or failed after the last attempt. */
public enum PublicationState {
    PENDING,
    PUBLISHED,
    FAILED
}
