package no.tolk.ops;

/**
 * A stage whose work waits in the database (articles to translate, approved articles to publish).
 * The running service does it on its schedule; {@code tolk once} calls every such bean, in order,
 * after the inbox and feeds are done, so one run takes each article as far as it can go.
 */
public interface PendingWork {

    /** Lower runs first: translation (100) before publishing (200). */
    int order();

    /** Handles everything pending now; returns how many articles it moved on. Throws when the stage itself failed. */
    int runPending() throws Exception;
}
