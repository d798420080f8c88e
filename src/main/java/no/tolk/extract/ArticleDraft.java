package no.tolk.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import no.tolk.article.Image;

/**
 * What a reader found in one document: blocks in order plus metadata hints.
 * {@code inferStructure} is set for sources without markup (plain text, PDF), where
 * headings, quotes and captions must be recognised from the text itself.
 */
final class ArticleDraft {

    final List<DraftBlock> blocks = new ArrayList<>();
    final List<Image> images = new ArrayList<>();
    final Set<String> tags = new LinkedHashSet<>();
    final boolean inferStructure;
    /** Web pages mark the title with the first h1; documents use h1 for Heading 1 and a Title style. */
    final boolean titleIsFirstH1;
    String title;
    String lead;
    String author;
    /** The document's author property ({@link DocumentAuthor}); the author only when the text has no byline. */
    String authorProperty;
    LocalDate published;
    LocalDate revised;
    /** Dates from the file's properties (created, modified): used only when the text prints none. */
    LocalDate publishedProperty;
    LocalDate revisedProperty;
    /**
     * Set for office documents: a short unstyled line between paragraphs may be a subheading that the writer
     * typed without a style ({@link ArticleAssembler}), as in text without markup.
     */
    boolean unmarkedHeadings;
    /** The language the document declares for itself (Markdown front matter {@code lang}), or null. */
    String declaredLanguage;
    /** Set by a reader that sees the input is no article at all (a data table); the extractor refuses it. */
    ExtractionException refusal;

    ArticleDraft(boolean inferStructure, boolean titleIsFirstH1) {
        this.inferStructure = inferStructure;
        this.titleIsFirstH1 = titleIsFirstH1;
    }

    void add(DraftBlock.Kind kind, String text) {
        DraftBlock block = new DraftBlock(kind, text);
        if (!block.text().isEmpty()) {
            blocks.add(block);
        }
    }

    void offerTitle(String candidate) {
        if (title == null && !Text.clean(candidate).isEmpty()) title = Text.clean(candidate);
    }

    void offerAuthor(String candidate) {
        if (author == null && !Text.clean(candidate).isEmpty()) author = Text.clean(candidate);
    }

    void offerPublished(String candidate) {
        if (published == null) published = NorwegianDates.parse(candidate).orElse(null);
    }

    void offerRevised(String candidate) {
        if (revised == null) revised = NorwegianDates.parse(candidate).orElse(null);
    }
}
