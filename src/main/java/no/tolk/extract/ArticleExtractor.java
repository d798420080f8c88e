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

    /** An OOXML file (docx, xlsx...) saved with a password: Tika detects the encrypted wrapper, not the document. */
    private static final String PROTECTED_OOXML = "application/x-tika-ooxml-protected";
    private static final Set<String> WORD = Set.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-word.document.macroenabled.12",
            "application/msword");
    private static final int EARLIEST_PROPERTY_YEAR = 1980;

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
            Document page = parseHtml(file, sourceName);
            declared = page.select("html[lang]").attr("lang");
            draft = readWebPage(page);
        } else if (MARKDOWN.contains(base) || sourceName.toLowerCase().endsWith(".md")) {
            draft = markdown.read(readPlainText(file));
            declared = draft.declaredLanguage;
        } else if (base.equals("text/plain")) {
            draft = plainText.read(readPlainText(file));
        } else if (base.equals("application/pdf")) {
            TikaDocumentParser.PdfDocument parsed = tika.parsePdf(file, pdfLayout::read);
            draft = parsed.draft();
            DocumentOpening.dropLabelsAndReadDateline(draft);
            PdfMetadata.offer(parsed.metadata(), draft);
            return PdfMetadata.withDocumentDates(finish(draft, sourceName, declaredLanguage(parsed.metadata())), parsed.metadata());
        } else if (OFFICE.contains(base)) {
            ParsedDocument parsed = tika.parse(file, type);
            Document xhtml = Jsoup.parse(parsed.xhtml());
            String parsedAs = parsed.mediaType().getBaseType().toString();
            if (parsedAs.equals(OPEN_DOCUMENT_TEXT)) OpenDocumentStyles.annotate(xhtml, file);
            if (WORD.contains(parsedAs)) ReviewerComments.remove(xhtml, file, !parsedAs.equals("application/msword"));
            draft = markup.readDocument(xhtml, false);
            draft.unmarkedHeadings = true;
            readDocumentMetadata(parsed.metadata(), draft);
            DocumentOpening.read(draft);
            declared = declaredLanguage(parsed.metadata());
        } else if (base.equals(PROTECTED_OOXML)) {
            throw new ExtractionException(Reason.ENCRYPTED, null);
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
        return finish(readWebPage(page), sourceName, declared);
    }

    /**
     * A text or Markdown file's text, with a double decoding (UTF-8 saved again as if it were Windows-1252: "pÃ¥")
     * undone when the repair is certain, and refused as {@link Reason#GARBLED} when the text stays garbled.
     */
    private String readPlainText(Path file) throws ExtractionException {
        String text = tika.readText(file);
        if (Mojibake.score(text) == 0) return text;
        String repaired = Mojibake.repair(text).orElse(text);
        if (Mojibake.isGarbled(repaired)) {
            throw new ExtractionException(Reason.GARBLED, Mojibake.score(repaired) + " garbled character sequences");
        }
        return repaired;
    }

    /**
     * A web page's draft, with text that was decoded twice (UTF-8 read as Windows-1252) repaired node by node
     * where the repair is certain; a page whose text stays garbled is refused rather than published.
     */
    private ArticleDraft readWebPage(Document page) throws ExtractionException {
        for (org.jsoup.nodes.Element element : page.getAllElements()) {
            for (org.jsoup.nodes.TextNode text : element.textNodes()) {
                if (Mojibake.score(text.getWholeText()) > 0) Mojibake.repair(text.getWholeText()).ifPresent(text::text);
            }
            for (String attribute : java.util.List.of("alt", "content", "title")) {
                String value = element.attr(attribute);
                if (!value.isEmpty() && Mojibake.score(value) > 0) {
                    Mojibake.repair(value).ifPresent(repaired -> element.attr(attribute, repaired));
                }
            }
        }
        ArticleDraft draft = markup.readWebPage(page);
        StringBuilder text = new StringBuilder(draft.title == null ? "" : draft.title);
        draft.blocks.forEach(block -> text.append('\n').append(block.text()));
        if (Mojibake.isGarbled(text.toString())) {
            throw new ExtractionException(Reason.GARBLED, Mojibake.score(text.toString()) + " garbled character sequences");
        }
        return draft;
    }

    /**
     * The assembled article with its language, or the draft refused for its true reason
     * ({@link ArticleAssembler#refuseWhatIsNoArticle}, {@link ArticleAssembler#requireEnoughText}).
     *
     * @param declaredLanguage the language the document states for itself (Office/ODF/PDF metadata
     *                         {@code dc:language}, HTML {@code lang}), or null/blank; the identifier weighs it
     *                         against the text ({@link LanguageIdentifier#identify(String, String)})
     */
    private Article finish(ArticleDraft draft, String sourceName, String declaredLanguage) throws ExtractionException {
        assembler.refuseWhatIsNoArticle(draft);
        int draftWords = ArticleAssembler.words(draft);
        Article article = assembler.assemble(draft, sourceName);
        ArticleAssembler.requireEnoughText(article, draftWords);
        return article.withLanguage(languages.identify(article.fullText(), declaredLanguage));
    }

    /** The document's own language tag from Tika's metadata (Word/ODF/RTF properties, PDF catalog /Lang). */
    private static String declaredLanguage(Metadata metadata) {
        return metadata.get(TikaCoreProperties.LANGUAGE);
    }

    private static Document parseHtml(Path file, String sourceName) throws ExtractionException {
        try {
            return Jsoup.parse(WebPageDecoder.decode(java.nio.file.Files.readAllBytes(file), sourceName), "");
        } catch (IOException e) {
            throw new ExtractionException(Reason.UNREADABLE, null, e);
        }
    }

    private static void readDocumentMetadata(Metadata metadata, ArticleDraft draft) {
        draft.offerTitle(metadata.get(TikaCoreProperties.TITLE));
        draft.authorProperty = DocumentAuthor.fromProperty(metadata.get(TikaCoreProperties.CREATOR));
        draft.publishedProperty = NorwegianDates.parse(plausibleDate(metadata.get(TikaCoreProperties.CREATED))).orElse(null);
        draft.revisedProperty = NorwegianDates.parse(plausibleDate(metadata.get(TikaCoreProperties.MODIFIED))).orElse(null);
        for (String key : KEYWORDS) {
            for (String keyword : metadata.getValues(key)) {
                for (String tag : keyword.split("[,;]")) {
                    if (!tag.isBlank()) draft.tags.add(Text.clean(tag));
                }
            }
        }
    }

    /**
     * A property date from before {@link #EARLIEST_PROPERTY_YEAR} is an unset field, not a date: Word 97 files
     * written by LibreOffice carry the zero FILETIME, 1601-01-01.
     */
    private static String plausibleDate(String value) {
        if (value == null || value.length() < 4 || !value.substring(0, 4).chars().allMatch(Character::isDigit)) return value;
        return Integer.parseInt(value.substring(0, 4)) < EARLIEST_PROPERTY_YEAR ? null : value;
    }

    @Override
    public void close() {
        tika.close();
    }
}
