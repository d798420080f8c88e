package no.tolk.publish.social;

/** How a service measures a post's text, and the most it accepts. */
public interface LengthRule {

    int limit();

    /** The text's length in this service's own units. */
    int length(String text);

    default boolean fits(String text) {
        return length(text) <= limit();
    }

    /** One line for documentation and outbox metadata, e.g. "500 graphemes, each URL counts 23". */
    String description();
}
