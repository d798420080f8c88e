package no.tolk.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import no.tolk.article.Article;
import no.tolk.article.Received;
import no.tolk.extract.ExtractionException.Reason;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Extract stage: one file in, one structured {@link Article} out (without id and revision,
 * which the store assigns), or an {@link ExtractionException} that says in plain words why not.
 */
public class ArticleExtractor implements AutoCloseable {

    private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");
    private static final Set<String> MARKDOWN = Set.of("text/x-web-markdown", "text/markdown");
    private static final String OPEN_DOCUMENT_TEXT = "application/vnd.oasis.opendocument.text";
    private static final Set<String> OFFICE = Set.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-word.document.macroenabled.12",
            "application/msword",
            OPEN_DOCUMENT_TEXT,
            "application/rtf",
            "application/x-tika-ooxml",
            "application/x-tika-msoffice",
            "application/zip");

    private static final java.util.List<String> KEYWORDS = java.util.List.of("meta:keyword", "pdf:docinfo:keywords");

    private final TikaDocumentParser tika;
    private final ExtractionLimits limits;
    private final MarkupReader markup = new MarkupReader();
    private final MarkdownReader markdown = new MarkdownReader(markup);
    private final PlainTextReader plainText = new PlainTextReader();
    private final PdfLayoutReader pdfLayout = new PdfLayoutReader();
    private final ArticleAssembler assembler = new ArticleAssembler(new Boilerplate());
    private final LanguageIdentifier languages;

    public ArticleExtractor(ExtractionLimits limits, LanguageIdentifier languages) {
        this.limits = limits;
        this.tika = new TikaDocumentParser(limits);
        this.languages = languages;
    }

    /** Loads Tika's parsers up front, so the first article does not pay for it. */
    public ArticleExtractor warmUp() {
        tika.warmUp();
        return this;
    }

    /** Reads the archived copy, never the inbox file, so the original stays untouched whatever happens. */
    public Article extract(Received received) throws ExtractionException {
        return extract(received.archivedCopy(), received.sourceName());
    }

    public Article extract(Path file) throws ExtractionException {
        return extract(file, file.getFileName().toString());
    }

    public Article extract(Path file, String sourceName) throws ExtractionException {
        long size = tika.fileSize(file);
        if (size == 0) throw new ExtractionException(Reason.EMPTY, null);
        if (size > limits.maxFileBytes()) {
            throw new ExtractionException(Reason.TOO_LARGE, size + " bytes, limit " + limits.maxFileBytes());
        }
        MediaType type = tika.detect(file);
        String base = type.getBaseType().toString();
        ArticleDraft draft;
        String declared = null;
        if (HTML.contains(base)) {
            Document page = parseHtml(file);
            declared = page.select("html[lang]").attr("lang");
            draft = markup.readWebPage(page);
        } else if (MARKDOWN.contains(base) || sourceName.toLowerCase().endsWith(".md")) {
            draft = markdown.read(tika.readText(file));
        } else if (base.equals("text/plain")) {
            draft = plainText.read(tika.readText(file));
        } else if (base.equals("application/pdf")) {
            ParsedDocument parsed = tika.parse(file, type);
            draft = pdfLayout.read(file);
            PdfMetadata.offer(parsed.metadata(), draft);
            return PdfMetadata.withDocumentDates(finish(draft, sourceName, declaredLanguage(parsed.metadata())), parsed.metadata());
        } else if (OFFICE.contains(base)) {
            ParsedDocument parsed = tika.parse(file, type);
            Document xhtml = Jsoup.parse(parsed.xhtml());
            if (base.equals(OPEN_DOCUMENT_TEXT)) OpenDocumentStyles.annotate(xhtml, file);
            draft = markup.readDocument(xhtml, false);
            readDocumentMetadata(parsed.metadata(), draft);
            declared = declaredLanguage(parsed.metadata());
        } else {
            throw new ExtractionException(Reason.UNSUPPORTED, "detected as " + base);
        }
        return finish(draft, sourceName, declared);
    }

    /** A web page fetched from elsewhere (feed item link or content:encoded). */
    public Article extractHtml(String html, String sourceName, String baseUri) throws ExtractionException {
        if (html == null || html.isBlank()) throw new ExtractionException(Reason.EMPTY, null);
        if (html.length() > limits.maxCharacters()) throw new ExtractionException(Reason.TOO_LONG, null);
        Document page = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        String declared = page.select("html[lang]").attr("lang");
        return finish(markup.readWebPage(page), sourceName, declared);
    }

    /**
     * @param declaredLanguage the language the document states for itself (Office/ODF/PDF metadata
     *                         {@code dc:language}, HTML {@code lang}), or null/blank; the identifier weighs it
     *                         against the text ({@link LanguageIdentifier#identify(String, String)})
     */
    private Article finish(ArticleDraft draft, String sourceName, String declaredLanguage) throws ExtractionException {
        Article article = assembler.assemble(draft, sourceName);
        if (article.title() == null || (article.blocks().isEmpty() && article.lead() == null)) {
            throw new ExtractionException(Reason.NO_TEXT, null);
        }
        return article.withLanguage(languages.identify(article.fullText(), declaredLanguage));
    }

    /** The document's own language tag from Tika's metadata (Word/ODF/RTF properties, PDF catalog /Lang). */
    private static String declaredLanguage(Metadata metadata) {
        return metadata.get(TikaCoreProperties.LANGUAGE);
    }

    private static Document parseHtml(Path file) throws ExtractionException {
        try {
            return Jsoup.parse(file.toFile(), null);
        } catch (IOException e) {
            throw new ExtractionException(Reason.UNREADABLE, e.getMessage(), e);
        }
    }

    private static void readDocumentMetadata(Metadata metadata, ArticleDraft draft) {
        draft.offerTitle(metadata.get(TikaCoreProperties.TITLE));
        draft.offerAuthor(metadata.get(TikaCoreProperties.CREATOR));
        draft.offerPublished(metadata.get(TikaCoreProperties.CREATED));
        draft.offerRevised(metadata.get(TikaCoreProperties.MODIFIED));
        for (String key : KEYWORDS) {
            for (String keyword : metadata.getValues(key)) {
                for (String tag : keyword.split("[,;]")) {
                    if (!tag.isBlank()) draft.tags.add(Text.clean(tag));
                }
            }
        }
    }

    @Override
    public void close() {
        tika.close();
    }
}
