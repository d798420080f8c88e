package no.tolk.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import no.tolk.extract.ExtractionException.Reason;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ContentHandler;

/** Refusals say what is wrong in plain words, never in Java's; a parse that overruns its time is really stopped. */
class ExtractionFailureTest {

    private static final java.util.regex.Pattern TECHNICAL = java.util.regex.Pattern.compile(
            "(?i).*(exception|tika|sax|eof|zip entry|core part|\\bpoi\\b|java|ooxml|\\.class|@[0-9a-f]{4,}).*", java.util.regex.Pattern.DOTALL);

    private static ArticleExtractor extractor;

    @TempDir
    Path folder;

    @BeforeAll
    static void createExtractor() {
        extractor = new ArticleExtractor(ExtractionLimits.defaults(), new LanguageIdentifier());
    }

    @AfterAll
    static void closeExtractor() {
        extractor.close();
    }

    @Test
    void aPasswordProtectedWordFileSaysItIsEncrypted() throws Exception {
        byte[] plain = docx("Hemmelig budsjett for 2025", "Budsjettet legges fram for formannskapet i neste uke og er unntatt offentlighet.");
        Path encrypted = folder.resolve("budsjett.docx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("hemmelig");
            try (OutputStream data = encryptor.getDataStream(fs)) {
                data.write(plain);
            }
            try (OutputStream out = Files.newOutputStream(encrypted)) {
                fs.writeFilesystem(out);
            }
        }

        assertThatThrownBy(() -> extractor.extract(encrypted))
                .isInstanceOfSatisfying(ExtractionException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(Reason.ENCRYPTED);
                    assertThat(failure.getMessage()).isEqualTo("the document is encrypted or password-protected");
                });
    }

    @Test
    void aPasswordProtectedWord97FileSaysItIsEncrypted() throws Exception {
        Path encrypted = folder.resolve("brannstasjon-kryptert.doc");
        try (org.apache.poi.hwpf.HWPFDocument doc = new org.apache.poi.hwpf.HWPFDocument(
                Files.newInputStream(ExtractionCorpusTest.CORPUS.resolve("word-97/brannstasjon-levanger.doc")))) {
            org.apache.poi.hssf.record.crypto.Biff8EncryptionKey.setCurrentUserPassword("hemmelig");
            try (OutputStream out = Files.newOutputStream(encrypted)) {
                doc.write(out);
            } finally {
                org.apache.poi.hssf.record.crypto.Biff8EncryptionKey.setCurrentUserPassword(null);
            }
        }

        assertThatThrownBy(() -> extractor.extract(encrypted))
                .isInstanceOfSatisfying(ExtractionException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(Reason.ENCRYPTED);
                    assertThat(failure.getMessage()).isEqualTo("the document is encrypted or password-protected");
                });
    }

    @Test
    void damagedWordFilesAreExplainedInPlainWords() throws Exception {
        byte[] good = docx("Ny skole i Harstad", "Harstad kommune bygger ny barneskole på Kanebogen med plass til 400 elever fra 2026.");
        Path truncated = Files.write(folder.resolve("avkuttet.docx"), Arrays.copyOf(good, good.length / 2));
        byte[] zipWithoutWord = zip("hei.txt", "dette er ikke et Word-dokument");
        Path notWord = Files.write(folder.resolve("tomt-arkiv.docx"), zipWithoutWord);
        byte[] garbage = good.clone();
        for (int i = 200; i < garbage.length - 200; i += 7) garbage[i] = (byte) (garbage[i] ^ 0x5a);
        Path scrambled = Files.write(folder.resolve("skadet.docx"), garbage);

        for (Path damaged : new Path[] {truncated, notWord, scrambled}) {
            assertThatThrownBy(() -> extractor.extract(damaged)).as(damaged.getFileName().toString())
                    .isInstanceOfSatisfying(ExtractionException.class, failure -> {
                        assertThat(failure.reason()).as(damaged.getFileName().toString())
                                .isIn(Reason.CORRUPT, Reason.UNSUPPORTED, Reason.NO_TEXT);
                        assertThat(failure.getMessage()).as(damaged.getFileName() + ": " + failure.getMessage())
                                .doesNotMatch(TECHNICAL);
                    });
        }
        assertThatThrownBy(() -> extractor.extract(truncated)).hasMessage(
                "the file is damaged or incomplete and cannot be read (part of it is missing: it looks cut off, as when a copy or download did not finish)");
    }

    @Test
    void aParseThatOverrunsItsTimeIsStoppedAndTriedOnceMore() throws Exception {
        SlowParser slow = new SlowParser();
        Path file = Files.write(folder.resolve("stor.pdf"), new byte[] {'%', 'P', 'D', 'F'});
        try (TikaDocumentParser tika = new TikaDocumentParser(new ExtractionLimits(1_000_000, 2_000_000, Duration.ofMillis(300)), slow)) {
            assertThatThrownBy(() -> tika.parse(file, MediaType.application("pdf")))
                    .isInstanceOfSatisfying(ExtractionException.class, failure -> {
                        assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
                        assertThat(failure.getMessage()).doesNotMatch(TECHNICAL);
                    });
        }
        assertThat(slow.started).as("tried once, then once more").hasValue(TikaDocumentParser.RETRY_BUDGET_FACTOR);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(slow.running).as("both abandoned parses stopped").hasValue(0));
    }

    @Test
    void theRetryWaitsForTheStoppedParseAndForABusyMachineThenGetsTwiceTheBudget() throws Exception {
        SlowParser slow = new SlowParser();
        AtomicInteger looks = new AtomicInteger();
        // a machine with three times more work than cores for the first five looks at the load, then calm
        java.util.function.DoubleSupplier loadPerCore = () -> looks.incrementAndGet() <= 5 ? 3.0 : 0.2;
        Duration budget = Duration.ofMillis(300);
        Path file = Files.write(folder.resolve("stor-rapport.pdf"), new byte[] {'%', 'P', 'D', 'F'});
        try (TikaDocumentParser tika = new TikaDocumentParser(new ExtractionLimits(1_000_000, 2_000_000, budget), slow, loadPerCore)) {
            assertThatThrownBy(() -> tika.parse(file, MediaType.application("pdf")))
                    .isInstanceOfSatisfying(ExtractionException.class, failure -> {
                        assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
                        assertThat(failure.getMessage()).isEqualTo("reading the document took too long (stopped after 300 ms and again after 600 ms)");
                    });
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(slow.ended).hasSize(2));
        assertThat(slow.runningAtStart).as("parses running when each attempt began").containsExactly(0, 0);
        assertThat(looks.get()).as("looks at the load while backing off").isEqualTo(6);
        long pause = slow.startedAt.get(1) - slow.ended.get(0);
        long secondRan = slow.ended.get(1) - slow.startedAt.get(1);
        assertThat(pause).as("back-off while the machine was busy: five steps of 100 ms, ns").isGreaterThanOrEqualTo(Duration.ofMillis(500).toNanos());
        // the budget runs from the hand-over to the worker thread, so the parser itself may start a little later
        assertThat(secondRan).as("second attempt ran longer than the first budget, ns").isGreaterThan(budget.multipliedBy(3).dividedBy(2).toNanos());
    }

    /** A parser that writes text without end, like PDFBox on a huge document, and never looks at interrupts. */
    private static final class SlowParser implements Parser {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();
        final java.util.List<Integer> runningAtStart = new java.util.concurrent.CopyOnWriteArrayList<>();
        final java.util.List<Long> startedAt = new java.util.concurrent.CopyOnWriteArrayList<>();
        final java.util.List<Long> ended = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public Set<MediaType> getSupportedTypes(ParseContext context) {
            return Set.of(MediaType.application("pdf"));
        }

        @Override
        public void parse(java.io.InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context) {
            startedAt.add(System.nanoTime());
            runningAtStart.add(running.get());
            started.incrementAndGet();
            running.incrementAndGet();
            try {
                char[] line = "Side etter side med tekst. ".toCharArray();
                while (true) {
                    try {
                        handler.characters(line, 0, line.length);
                        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                    } catch (org.xml.sax.SAXException ignored) {
                        // like a parser that catches its own per-page errors and goes on
                    }
                }
            } finally {
                running.decrementAndGet();
                ended.add(System.nanoTime());
            }
        }
    }

    private static byte[] docx(String title, String text) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(title);
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] zip(String name, String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(name));
            zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
