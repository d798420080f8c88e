package no.tolk.publish.cms;

/**
 * Another language version of the article being published (its source or another translation), as far as it is
 * known, so the versions can be linked as translations. {@code externalId} and {@code url} are null until that
 * version has been published; {@code title} lets a publisher predict its slug meanwhile.
 */
public record Counterpart(String language, String title, String externalId, String url) {

    public Counterpart {
        if (language == null || language.isBlank()) throw new IllegalArgumentException("counterpart language is required");
    }

    public static Counterpart unpublished(String language, String title) {
        return new Counterpart(language, title, null, null);
    }

    public boolean published() {
        return externalId != null && !externalId.isBlank();
    }
}
