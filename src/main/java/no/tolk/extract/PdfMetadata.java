package no.tolk.extract;

import java.time.LocalDate;
import java.util.regex.Pattern;
import no.tolk.article.Article;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * The document information of a PDF, used only where it is plausible: PDF writers fill it from the
 * program that made the file ("Microsoft Word - pressemelding.docx", "Untitled", the Windows login
 * "kari.nordmann"), so the text on the page wins over it, and its dates are used only when the page
 * shows none.
 */
final class PdfMetadata {

    private static final Pattern GENERATED_TITLE = Pattern.compile(
            "(?iu)^(microsoft (word|powerpoint|excel)\\s*-.*|untitled.*|uten tittel.*|title|tittel|dokument\\d*|document\\d*"
                    + "|.*\\.(docx?|odt|rtf|pdf|pptx?|indd|txt))$");

    private PdfMetadata() {
    }

    /** Offers the title, author and keywords of the PDF's document information when they look like a person wrote them. */
    static void offer(Metadata metadata, ArticleDraft draft) {
        String title = metadata.get(TikaCoreProperties.TITLE);
        if (title != null && !GENERATED_TITLE.matcher(Text.clean(title)).matches()) draft.offerTitle(title);
        draft.authorProperty = DocumentAuthor.fromProperty(metadata.get(TikaCoreProperties.CREATOR));
        for (String keyword : metadata.getValues("pdf:docinfo:keywords")) {
            for (String tag : keyword.split("[,;]")) {
                if (!tag.isBlank()) draft.tags.add(Text.clean(tag));
            }
        }
    }

    /** The creation and modification dates of the file stand in for the dates the page does not show. */
    static Article withDocumentDates(Article article, Metadata metadata) {
        LocalDate published = article.published() != null ? article.published()
                : NorwegianDates.parse(metadata.get(TikaCoreProperties.CREATED)).orElse(null);
        LocalDate revised = article.revised() != null ? article.revised()
                : NorwegianDates.parse(metadata.get(TikaCoreProperties.MODIFIED)).orElse(null);
        if (revised != null && published != null && !revised.isAfter(published)) revised = article.revised();
        return new Article(article.id(), article.revision(), article.sourceFile(), article.language(), article.title(),
                article.lead(), article.author(), published, revised, article.images(), article.tags(), article.blocks());
    }
}
