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
        if (HTML.contains(base)) {
            draft = markup.readWebPage(parseHtml(file));
        } else if (MARKDOWN.contains(base) || sourceName.toLowerCase().endsWith(".md")) {
            draft = markdown.read(tika.readText(file));
        } else if (base.equals("text/plain")) {
            draft = plainText.read(tika.readText(file));
        } else if (base.equals("application/pdf")) {
            ParsedDocument parsed = tika.parse(file, type);
            draft = markup.readPdf(Jsoup.parse(parsed.xhtml()));
            readDocumentMetadata(parsed.metadata(), draft);
        } else if (OFFICE.contains(base)) {
            ParsedDocument parsed = tika.parse(file, type);
            Document xhtml = Jsoup.parse(parsed.xhtml());
            if (base.equals(OPEN_DOCUMENT_TEXT)) OpenDocumentStyles.annotate(xhtml, file);
            draft = markup.readDocument(xhtml, false);
            readDocumentMetadata(parsed.metadata(), draft);
        } else {
            throw new ExtractionException(Reason.UNSUPPORTED, "detected as " + base);
        }
        return finish(draft, sourceName);
    }

    /** A web page fetched from elsewhere (feed item link or content:encoded). */
    public Article extractHtml(String html, String sourceName, String baseUri) throws ExtractionException {
        if (html == null || html.isBlank()) throw new ExtractionException(Reason.EMPTY, null);
        if (html.length() > limits.maxCharacters()) throw new ExtractionException(Reason.TOO_LONG, null);
        return finish(markup.readWebPage(Jsoup.parse(html, baseUri == null ? "" : baseUri)), sourceName);
    }

    private Article finish(ArticleDraft draft, String sourceName) throws ExtractionException {
        assembler.refuseWhatIsNoArticle(draft);
        Article article = assembler.assemble(draft, sourceName);
        ArticleAssembler.requireEnoughText(article);
        return article.withLanguage(languages.identify(article.fullText()));
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
