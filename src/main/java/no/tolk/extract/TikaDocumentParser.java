package no.tolk.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.AutoDetectReader;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.DefaultEncodingDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.apache.tika.sax.ToXMLContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Apache Tika, built once (construction costs about a second) from {@code tika-config.xml}:
 * no OCR, zip-bomb limits, a character limit and a timeout per document that stops the parse.
 */
public class TikaDocumentParser implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TikaDocumentParser.class);
    private static final MediaType RTF = MediaType.application("rtf");
    /** The second attempt after a timeout gets this many times the configured budget. */
    static final int RETRY_BUDGET_FACTOR = 2;
    /** Before the second attempt, Tolk waits while the machine has more runnable work than cores (load per core above this). */
    static final double BUSY_LOAD_PER_CORE = 1.0;
    /** How often the load is looked at while backing off. */
    private static final Duration BACK_OFF_STEP = Duration.ofMillis(100);
    /** The back-off may last one budget, and at least this long when the budget is short. */
    private static final Duration BACK_OFF_AT_LEAST = Duration.ofSeconds(5);
    private static final String CUT_OFF = "part of it is missing: it looks cut off, as when a copy or download did not finish";

    private static final Map<String, MediaType> TEXT_EXTENSIONS = Map.of(
            "txt", MediaType.TEXT_PLAIN,
            "md", MediaType.parse("text/x-web-markdown"),
            "markdown", MediaType.parse("text/x-web-markdown"),
            "html", MediaType.TEXT_HTML,
            "htm", MediaType.TEXT_HTML);
    private static final int SNIFF_BYTES = 8192;

    private volatile Detector detector;
    private final EncodingDetector encodingDetector = new DefaultEncodingDetector();
    private final ExtractionLimits limits;
    private volatile Parser parser;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tika-parse");
        thread.setDaemon(true);
        return thread;
    });

    private final java.util.function.DoubleSupplier loadPerCore;

    public TikaDocumentParser(ExtractionLimits limits) {
        this.limits = limits;
        this.loadPerCore = TikaDocumentParser::loadPerCore;
    }

    /** With a given parser instead of the one from {@code tika-config.xml} (tests use a slow one). */
    TikaDocumentParser(ExtractionLimits limits, Parser parser) {
        this(limits, parser, TikaDocumentParser::loadPerCore);
    }

    /** With a given parser and a given measure of the machine's load (tests simulate a busy machine). */
    TikaDocumentParser(ExtractionLimits limits, Parser parser, java.util.function.DoubleSupplier loadPerCore) {
        this.limits = limits;
        this.parser = parser;
        this.loadPerCore = loadPerCore;
    }

    /**
     * The system load average of the last minute per available core (1.0: every core busy), or 0 where the
     * platform does not report it (Windows).
     */
    static double loadPerCore() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? 0 : load / Runtime.getRuntime().availableProcessors();
    }

    /** Builds the full parser now rather than on the first binary document (services call this at start). */
    public void warmUp() {
        parser();
    }

    private Parser parser() {
        Parser built = parser;
        if (built == null) {
            synchronized (this) {
                if (parser == null) {
                    try (InputStream xml = TikaDocumentParser.class.getResourceAsStream("/tika-config.xml")) {
                        parser = new AutoDetectParser(new TikaConfig(xml));
                    } catch (IOException | TikaException | org.xml.sax.SAXException e) {
                        throw new IllegalStateException("tika-config.xml is invalid: " + e.getMessage(), e);
                    }
                }
                built = parser;
            }
        }
        return built;
    }

    private String strictUtf8(Path file) throws ExtractionException {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.length() > limits.maxCharacters()) throw new ExtractionException(ExtractionException.Reason.TOO_LONG, null);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return null;
        } catch (IOException e) {
            throw new ExtractionException(ExtractionException.Reason.UNREADABLE, null, e);
        }
    }

    private Detector detector() {
        if (detector == null) {
            synchronized (this) {
                if (detector == null) detector = new DefaultDetector();
            }
        }
        return detector;
    }

    private static MediaType textTypeByName(Path file) throws ExtractionException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        MediaType type = dot < 0 ? null : TEXT_EXTENSIONS.get(name.substring(dot + 1));
        if (type == null) return null;
        byte[] head = new byte[SNIFF_BYTES];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new ExtractionException(ExtractionException.Reason.UNREADABLE, null, e);
        }
        for (int i = 0; i < read; i++) {
            if (head[i] == 0) return null;
        }
        return type;
    }

    /**
     * Reads a text file in whatever encoding it was saved. Bytes that decode as strict UTF-8 are UTF-8;
     * anything else (Windows-1252, ISO-8859-1, UTF-16, ...) is left to Tika's encoding detectors.
     */
    public String readText(Path file) throws ExtractionException {
        String utf8 = strictUtf8(file);
        if (utf8 != null) return utf8;
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        try (TikaInputStream stream = TikaInputStream.get(file);
             AutoDetectReader reader = new AutoDetectReader(stream, metadata, encodingDetector)) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            for (int read; (read = reader.read(buffer)) != -1; ) {
                text.append(buffer, 0, read);
                if (text.length() > limits.maxCharacters()) {
                    throw new ExtractionException(ExtractionException.Reason.TOO_LONG, null);
                }
            }
            return withoutC1Controls(text.toString(), file);
        } catch (IOException | TikaException e) {
            throw new ExtractionException(ExtractionException.Reason.UNREADABLE, null, e);
        }
    }

    /**
     * Text decoded as ISO-8859-1 that holds C1 control characters (U+0080-U+009F) was written in Windows-1252,
     * whose printable characters ("–", "’", "€") sit at those bytes; the WHATWG Encoding Standard maps the
     * ISO-8859-1 label to windows-1252 for the same reason. Real text never holds C1 controls.
     */
    private static String withoutC1Controls(String text, Path file) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0080' && c <= '\u009F') {
                return new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.Charset.forName("windows-1252"));
            }
        }
        return text;
    }

    /**
     * The document's type. Files named as text formats whose first bytes really are text skip Tika's
     * full detector, whose start-up (about a second) would dominate a single {@code tolk extract}.
     */
    public MediaType detect(Path file) throws ExtractionException {
        MediaType byName = textTypeByName(file);
        if (byName != null) return byName;
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        try (TikaInputStream stream = TikaInputStream.get(file)) {
            return detector().detect(stream, metadata);
        } catch (IOException e) {
            throw new ExtractionException(ExtractionException.Reason.UNREADABLE, null, e);
        }
    }

    /**
     * Parses a file whose type {@link #detect} already found, so Tika does not detect it a second time.
     * The parse runs on a worker thread within {@link ExtractionLimits#timeout()}; one that overruns is
     * stopped (its output handler throws at the next event and its thread is interrupted), logged once,
     * and tried once more with twice the budget, so a busy machine does not quarantine a good document.
     * Before the second attempt Tolk backs off: it waits until the stopped parse has really ended (so the two do
     * not compete), then while the machine is busy (load average per core above {@value #BUSY_LOAD_PER_CORE}),
     * at most one budget (or {@link #BACK_OFF_AT_LEAST}) in all. Only the second overrun is a {@link ExtractionException.Reason#TIMEOUT}.
     */
    public ParsedDocument parse(Path file, MediaType type) throws ExtractionException {
        return within(file, cancellation -> parseNow(file, type, cancellation));
    }

    /** A PDF's text with its layout, read from a document PDFBox has loaded. */
    @FunctionalInterface
    interface PdfText {
        ArticleDraft read(org.apache.pdfbox.pdmodel.PDDocument document) throws IOException;
    }

    /** What one reading of a PDF gives: the layout reader's draft and Tika's metadata of the document. */
    record PdfDocument(ArticleDraft draft, Metadata metadata) {
    }

    /**
     * Reads a PDF once: PDFBox loads it, {@code text} reads the text with its layout, and Tika's PDF parser
     * adds the document's metadata (document information, XMP, catalog language, encryption) from the same
     * loaded document without extracting the text a second time. Same limits as {@link #parse}: time budget
     * with one retry, the character limit, and Tika's reasons for a file that cannot be read (encrypted, damaged).
     */
    PdfDocument parsePdf(Path file, PdfText text) throws ExtractionException {
        return within(file, cancellation -> readPdfNow(file, text, cancellation));
    }

    private PdfDocument readPdfNow(Path file, PdfText text, Cancellation cancellation) throws Exception {
        org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(
                new org.apache.pdfbox.io.RandomAccessReadBufferedFile(file));
        try {
            ArticleDraft draft = text.read(document);
            if (cancellation.isCancelled()) throw new ParseCancelled();
            int characters = draft.blocks.stream().mapToInt(block -> block.text().length()).sum();
            if (characters > limits.maxCharacters()) {
                throw new ExtractionException(ExtractionException.Reason.TOO_LONG, null);
            }
            Metadata metadata = new Metadata();
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
            try (TikaInputStream stream = TikaInputStream.get(file)) {
                // no content handler: Tika's PDFParser then extracts the metadata only
                new LoadedPdfParser(document).parse(stream, null, metadata, new ParseContext());
            }
            return new PdfDocument(draft, metadata);
        } finally {
            document.close();
        }
    }

    /** Tika's PDF parser on a document PDFBox has already loaded, instead of loading the file again. */
    private static final class LoadedPdfParser extends org.apache.tika.parser.pdf.PDFParser {
        private final transient org.apache.pdfbox.pdmodel.PDDocument document;

        LoadedPdfParser(org.apache.pdfbox.pdmodel.PDDocument document) {
            this.document = document;
            setOcrStrategy("no_ocr");
            setExtractInlineImages(false);
        }

        @Override
        protected org.apache.pdfbox.pdmodel.PDDocument getPDDocument(InputStream stream, TikaInputStream tikaStream, String password,
                org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction cache, Metadata metadata, ParseContext context) {
            return document;
        }

        @Override
        protected org.apache.pdfbox.pdmodel.PDDocument getPDDocument(Path path, String password,
                org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction cache, Metadata metadata, ParseContext context) {
            return document;
        }

        @Override
        protected org.apache.pdfbox.pdmodel.PDDocument getPDDocument(InputStream stream, String password,
                org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction cache, Metadata metadata, ParseContext context) {
            return document;
        }
    }

    @FunctionalInterface
    private interface Task<T> {
        T run(Cancellation cancellation) throws Exception;
    }

    private <T> T within(Path file, Task<T> task) throws ExtractionException {
        Duration budget = limits.timeout();
        try {
            return parseWithin(file, task, budget);
        } catch (ParseTimedOut first) {
            Duration longer = budget.multipliedBy(RETRY_BUDGET_FACTOR);
            long waited = backOff(first, budget.compareTo(BACK_OFF_AT_LEAST) < 0 ? BACK_OFF_AT_LEAST : budget);
            LOG.warn("Reading {} took longer than {} ms; the parse was stopped and is tried once more with {} ms after waiting {} ms for the machine",
                    file.getFileName(), budget.toMillis(), longer.toMillis(), waited);
            try {
                return parseWithin(file, task, longer);
            } catch (ParseTimedOut second) {
                throw new ExtractionException(ExtractionException.Reason.TIMEOUT,
                        "stopped after " + seconds(budget) + " and again after " + seconds(longer), null);
            }
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
    }

    /**
     * Waits, before a second attempt, until the stopped attempt's thread has ended and then while the machine is
     * busy; at most {@code limit} in all.
     * @return the milliseconds waited
     * @throws ExtractionException ({@link ExtractionException.Reason#TIMEOUT}) when Tolk is stopping meanwhile
     */
    private long backOff(ParseTimedOut stopped, Duration limit) throws ExtractionException {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        try {
            stopped.ended.await(limit.toMillis(), TimeUnit.MILLISECONDS);
            while (System.nanoTime() < deadline && loadPerCore.getAsDouble() > BUSY_LOAD_PER_CORE) {
                Thread.sleep(Math.min(BACK_OFF_STEP.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException(ExtractionException.Reason.TIMEOUT, "Tolk was stopping", e);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private <T> T parseWithin(Path file, Task<T> task, Duration budget) throws ExtractionException, ParseTimedOut {
        Cancellation cancellation = new Cancellation();
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        Future<T> result = workers.submit(() -> {
            try {
                return task.run(cancellation);
            } finally {
                ended.countDown();
            }
        });
        try {
            return result.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cancellation.cancel();
            result.cancel(true);
            throw new ParseTimedOut(ended);
        } catch (InterruptedException e) {
            cancellation.cancel();
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExtractionException(ExtractionException.Reason.TIMEOUT, "Tolk was stopping", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ExtractionException refused) throw refused;
            ExtractionException failure = classify(e.getCause());
            if (failure.reason() == ExtractionException.Reason.CORRUPT && isCutOffZip(file)) {
                throw new ExtractionException(ExtractionException.Reason.CORRUPT, CUT_OFF, e.getCause());
            }
            if (failure.reason() == ExtractionException.Reason.TOO_LONG && expandsSuspiciously(file)) {
                throw new ExtractionException(ExtractionException.Reason.ZIP_BOMB,
                        "more than " + limits.maxCharacters() + " characters from " + fileSize(file) + " bytes", e.getCause());
            }
            throw failure;
        }
    }

    /**
     * A zip container (docx, odt) whose end-of-central-directory record (signature PK\\5\\6, PKWARE APPNOTE 4.3.16)
     * is missing from its last 64 KiB was cut off: the record is the last thing a zip writer writes.
     */
    static boolean isCutOffZip(Path file) {
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate(4);
            channel.read(head);
            if (size < 4 || head.array()[0] != 'P' || head.array()[1] != 'K' || head.array()[2] != 3 || head.array()[3] != 4) return false;
            int tail = (int) Math.min(size, 65_536 + 22);
            ByteBuffer end = ByteBuffer.allocate(tail);
            channel.position(size - tail);
            while (end.hasRemaining() && channel.read(end) > 0) { }
            byte[] bytes = end.array();
            for (int i = bytes.length - 22; i >= 0; i--) {
                if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 5 && bytes[i + 3] == 6) return false;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Real documents hold far fewer characters than bytes; a small file that overflows the limit was built to expand. */
    private boolean expandsSuspiciously(Path file) throws ExtractionException {
        return fileSize(file) * 2 < limits.maxCharacters();
    }

    private ParsedDocument parseNow(Path file, MediaType type, Cancellation cancellation) throws Exception {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        metadata.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, type.toString());
        ToXMLContentHandler xhtml = new ToXMLContentHandler();
        ParseContext context = new ParseContext();
        context.set(EmbeddedDocumentExtractor.class, new SkipEmbeddedDocuments());
        context.set(OfficeParserConfig.class, officeConfig());
        ContentHandler limited = new WriteOutContentHandler(xhtml, limits.maxCharacters(), true, context);
        ContentHandler stoppable = new StoppableContentHandler(limited, cancellation);
        try (TikaInputStream stream = RTF.equals(type.getBaseType()) ? TikaInputStream.get(RtfWithoutNotes.strip(Files.readAllBytes(file)))
                : TikaInputStream.get(file)) {
            parser().parse(stream, stoppable, metadata, context);
        }
        if (cancellation.isCancelled()) throw new ParseCancelled();
        MediaType parsedAs = MediaType.parse(metadata.get(Metadata.CONTENT_TYPE));
        return new ParsedDocument(parsedAs == null ? type : parsedAs.getBaseType(), xhtml.toString(), metadata);
    }

    /**
     * Word's page headers and footers are not article text; the SAX docx reader is kept (the DOM one loads a
     * zip bomb's XML whole). Reviewer comments have no switch: {@link ReviewerComments} removes them.
     */
    private static OfficeParserConfig officeConfig() {
        OfficeParserConfig config = new OfficeParserConfig();
        config.setIncludeHeadersAndFooters(false);
        config.setUseSAXDocxExtractor(true);
        config.setUseSAXPptxExtractor(true);
        config.setIncludeDeletedContent(false);
        config.setIncludeMoveFromContent(false);
        return config;
    }

    /** Turns Tika's exception soup into a reason a person understands, by walking the cause chain. */
    static ExtractionException classify(Throwable failure) {
        if (WriteLimitReachedException.isWriteLimitReached(failure)) {
            return new ExtractionException(ExtractionException.Reason.TOO_LONG, null, failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String type = cause.getClass().getName();
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof ZeroByteFileException) {
                return new ExtractionException(ExtractionException.Reason.EMPTY, null, failure);
            }
            if (cause instanceof EncryptedDocumentException || type.endsWith("InvalidPasswordException")
                    || type.endsWith(".EncryptedDocumentException")) {
                return new ExtractionException(ExtractionException.Reason.ENCRYPTED, null, failure);
            }
            if (type.contains("SecureContentHandler") || message.toLowerCase().contains("zip bomb")
                    || mentionsSecureContentHandler(cause)) {
                return new ExtractionException(ExtractionException.Reason.ZIP_BOMB, null, failure);
            }
        }
        return new ExtractionException(ExtractionException.Reason.CORRUPT, damage(failure), failure);
    }

    /** What is wrong with a damaged file, in words, read off the technical cause (which goes to the log only). */
    static String damage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String type = cause.getClass().getSimpleName();
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (cause instanceof java.io.EOFException || message.contains("truncated") || message.contains("unexpected end")
                    || message.contains("end of file") || message.contains("eof") || message.contains("must start and end within")) {
                return CUT_OFF;
            }
            if (message.contains("core part") || message.contains("no valid entries") || type.equals("NotOfficeXmlFileException")
                    || type.equals("InvalidFormatException") || message.contains("main part")) {
                return "the main part of the document is missing";
            }
            if (type.equals("SAXParseException") || type.equals("XmlException")) {
                return "the text inside it is broken off or malformed";
            }
            if (type.contains("Zip") || message.contains("zip")) {
                return "its inner archive is broken";
            }
            if (type.equals("NotOLE2FileException") || message.contains("header signature") || message.contains("not a valid")) {
                return "its contents do not match its type";
            }
        }
        return null;
    }

    private static boolean mentionsSecureContentHandler(Throwable cause) {
        for (StackTraceElement element : cause.getStackTrace()) {
            if (element.getClassName().endsWith("SecureContentHandler")) {
                return true;
            }
        }
        return false;
    }

    public long fileSize(Path file) throws ExtractionException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ExtractionException(ExtractionException.Reason.UNREADABLE, null, e);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** Articles are the main text only: pictures and attachments inside documents are not parsed. */
    private static final class SkipEmbeddedDocuments implements EmbeddedDocumentExtractor {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
            // never called: shouldParseEmbedded is false
        }
    }

    /** Set when the caller gave up on a parse: from then on the parse's output is refused. */
    private static final class Cancellation {
        private volatile boolean cancelled;

        void cancel() {
            cancelled = true;
        }

        boolean isCancelled() {
            return cancelled;
        }
    }

    /** Thrown into an abandoned parse. Unchecked, so parsers that swallow IOException and SAXException per page still stop. */
    private static final class ParseCancelled extends RuntimeException {
        ParseCancelled() {
            super("the parse was abandoned after its time limit", null, false, false);
        }
    }

    /** The first attempt ran out of time. */
    private static final class ParseTimedOut extends Exception {
        /** Counted down when the stopped attempt's thread has left the parser. */
        final transient java.util.concurrent.CountDownLatch ended;

        ParseTimedOut(java.util.concurrent.CountDownLatch ended) {
            super(null, null, false, false);
            this.ended = ended;
        }
    }

    /** Passes events through until the parse is cancelled, then stops it at the next one. */
    private static final class StoppableContentHandler extends ContentHandlerDecorator {
        private final Cancellation cancellation;

        StoppableContentHandler(ContentHandler handler, Cancellation cancellation) {
            super(handler);
            this.cancellation = cancellation;
        }

        private void check() {
            if (cancellation.isCancelled() || Thread.currentThread().isInterrupted()) throw new ParseCancelled();
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
            check();
            super.startElement(uri, localName, name, atts);
        }

        @Override
        public void endElement(String uri, String localName, String name) throws SAXException {
            check();
            super.endElement(uri, localName, name);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            check();
            super.characters(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            check();
            super.ignorableWhitespace(ch, start, length);
        }
    }
}
