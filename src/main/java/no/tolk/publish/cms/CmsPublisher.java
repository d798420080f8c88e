package no.tolk.publish.cms;

import java.util.List;
import no.tolk.article.Article;

/** Puts one language version of an article into a CMS, creating it or updating the earlier version. */
public interface CmsPublisher {

    /**
     * @param article the language version to publish ({@code language} is the source, {@code nb} or {@code nn}, or a
     *        target such as {@code en} or {@code nn})
     * @param counterparts the article's other language versions (source and targets), for translation linking; empty
     *        when there are none; each says whether it is published yet
     * @param externalId what an earlier {@link CmsReceipt} said, or null when the article was never
     *        published or the outcome of an earlier attempt is unknown; then the publisher looks the
     *        article up (WordPress: by Tolk's marker in the post) before creating it, so a retry never makes a duplicate
     */
    CmsReceipt publishLinked(Article article, List<Counterpart> counterparts, String externalId) throws CmsException;

    /** {@link #publishLinked} for an article with one other language version ({@code counterpart}, or none when null). */
    default CmsReceipt publish(Article article, Counterpart counterpart, String externalId) throws CmsException {
        return publishLinked(article, counterpart == null ? List.of() : List.of(counterpart), externalId);
    }

    /**
     * Where an already published version stands now (its status may have been changed by a person, or its scheduled
     * time may have come). The default says it is public at the stored address.
     */
    default CmsReceipt current(String externalId, String url) throws CmsException {
        return new CmsReceipt(externalId, url);
    }

    /** Short name for logs and status output, e.g. {@code wordpress}. */
    String name();
}
