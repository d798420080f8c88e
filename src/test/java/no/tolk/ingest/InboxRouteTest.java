package no.tolk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import no.tolk.RunningPipeline;
import no.tolk.Samples;
import no.tolk.article.Article;
import no.tolk.store.ArticleStore;
import no.tolk.store.ArticleSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest and extract routes of the real application over a temporary home. */
class InboxRouteTest {

    @TempDir
    Path home;

    @Test
    void storesTheArticleArchivesTheOriginalAndEmptiesTheInbox() throws Exception {
        try (RunningPipeline pipeline = RunningPipeline.start(home)) {
            Path dropped = write("klyngeavtale.txt", Samples.SHORT_ARTICLE);
            byte[] original = Files.readAllBytes(dropped);

            ArticleStore store = pipeline.bean("articleStore", ArticleStore.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> store.listArticles().size() == 1 && inbox().isEmpty());

            ArticleSummary summary = store.listArticles().get(0);
            assertThat(summary.state()).isEqualTo("extracted");
            assertThat(summary.revision()).isEqualTo(1);
            Article article = store.findArticle(summary.id()).orElseThrow();
            assertThat(article.title()).isEqualTo("Ny klyngeavtale sikrer vekst i Innlandet");
            assertThat(article.author()).isEqualTo("Ingrid Berg");
            assertThat(archived()).singleElement().satisfies(copy -> assertThat(Files.readAllBytes(copy)).isEqualTo(original));
        }
    }

    @Test
    void aBrokenFileIsQuarantinedWithAReportAndThePipelineKeepsGoing() throws Exception {
        try (RunningPipeline pipeline = RunningPipeline.start(home)) {
            byte[] broken = "PK\u0003\u0004 not really a word document".getBytes(StandardCharsets.ISO_8859_1);
            Files.createDirectories(home.resolve("inbox"));
            Files.write(home.resolve("inbox/rapport.docx"), broken);
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("quarantine/rapport.docx.error.txt")));
            write("klyngeavtale.txt", Samples.SHORT_ARTICLE);

            ArticleStore store = pipeline.bean("articleStore", ArticleStore.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> store.listArticles().size() == 2 && inbox().isEmpty());

            assertThat(Files.readAllBytes(home.resolve("quarantine/rapport.docx"))).isEqualTo(broken);
            assertThat(archived()).anySatisfy(copy -> assertThat(Files.readAllBytes(copy)).isEqualTo(broken));
            assertThat(Files.readString(home.resolve("quarantine/rapport.docx.error.txt")))
                    .contains("rapport.docx").contains("damaged").contains("What to do");
            assertThat(store.listArticles()).extracting(ArticleSummary::state)
                    .containsExactlyInAnyOrder("quarantined", "extracted");
        }
    }

    @Test
    void theQuarantineReportAndTheLastErrorOfADamagedWordFileAreInPlainWords() throws Exception {
        byte[] good;
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("Ny ferjekai på Lavik");
            doc.createParagraph().createRun().setText("Fylket bygger ny ferjekai på Lavik, og ferja får landstrøm fra 2026.");
            doc.write(bytes);
            good = bytes.toByteArray();
        }
        try (RunningPipeline pipeline = RunningPipeline.start(home)) {
            Files.createDirectories(home.resolve("inbox"));
            Files.write(home.resolve("inbox/avkuttet.docx"), java.util.Arrays.copyOf(good, good.length / 2));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("quarantine/avkuttet.docx.error.txt")));
            ArticleStore store = pipeline.bean("articleStore", ArticleStore.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> store.listArticles().size() == 1 && inbox().isEmpty());

            String report = Files.readString(home.resolve("quarantine/avkuttet.docx.error.txt"));
            String lastError = store.listArticles().get(0).lastError();
            for (String words : List.of(report, lastError)) {
                assertThat(words).contains("damaged or incomplete").contains("part of it is missing")
                        .doesNotContainPattern("(?i)exception|tika|sax|eof|zip entry|core part|org\\.apache");
            }
        }
    }

    @Test
    void aFileStillBeingWrittenIsNotPickedUpEarly() throws Exception {
        Files.createDirectories(home.resolve("inbox"));
        try (RunningPipeline pipeline = RunningPipeline.start(home, java.util.Map.of("tolk.ingest.read-lock-min-age", "1000"))) {
            ArticleStore store = pipeline.bean("articleStore", ArticleStore.class);
            Path target = home.resolve("inbox/sakte.txt");
            byte[] content = Samples.SHORT_ARTICLE.getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = Files.newOutputStream(target)) {
                int chunk = content.length / 8;
                for (int offset = 0; offset < content.length; offset += chunk) {
                    out.write(content, offset, Math.min(chunk, content.length - offset));
                    out.flush();
                    long until = System.nanoTime() + Duration.ofMillis(250).toNanos();
                    await().pollInterval(Duration.ofMillis(50)).until(() -> System.nanoTime() >= until);
                    assertThat(store.listArticles()).as("nothing is read while the writer is busy").isEmpty();
                    assertThat(archived()).isEmpty();
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> store.listArticles().size() == 1);
            Article article = store.findArticle(store.listArticles().get(0).id()).orElseThrow();
            assertThat(article.blocks().get(article.blocks().size() - 1).text())
                    .startsWith("Bedriftene skal nå evaluere avtalen");
        }
    }

    @Test
    void theSameBytesDroppedTwiceAreProcessedOnce() throws Exception {
        try (RunningPipeline pipeline = RunningPipeline.start(home)) {
            ArticleStore store = pipeline.bean("articleStore", ArticleStore.class);
            write("klyngeavtale.txt", Samples.SHORT_ARTICLE);
            await().atMost(Duration.ofSeconds(30)).until(() -> store.listArticles().size() == 1 && inbox().isEmpty());
            write("klyngeavtale.txt", Samples.SHORT_ARTICLE);
            write("kopi-av-klyngeavtale.txt", Samples.SHORT_ARTICLE);
            await().atMost(Duration.ofSeconds(30)).until(() -> inbox().isEmpty());

            assertThat(store.listArticles()).singleElement().satisfies(article -> assertThat(article.revision()).isEqualTo(1));
            assertThat(archived()).hasSize(2);
        }
    }

    @Test
    void aChangedFileWithTheSameNameBecomesTheNextRevision() throws Exception {
        try (RunningPipeline pipeline = RunningPipeline.start(home)) {
            ArticleStore store = pipeline.bean("articleStore", ArticleStore.class);
            write("klyngeavtale.txt", Samples.SHORT_ARTICLE);
            await().atMost(Duration.ofSeconds(30)).until(() -> store.listArticles().size() == 1 && inbox().isEmpty());
            write("klyngeavtale.txt", Samples.SHORT_ARTICLE.replace("Tolv bedrifter", "Tretten bedrifter"));
            await().atMost(Duration.ofSeconds(30)).until(() -> store.listArticles().get(0).revision() == 2);

            ArticleSummary summary = store.listArticles().get(0);
            assertThat(store.listArticles()).hasSize(1);
            assertThat(store.findArticle(summary.id()).orElseThrow().lead()).startsWith("Tretten bedrifter");
        }
    }

    @Test
    void aRenamedFileWithTheSameTitleIsARevisionOfTheSameArticle() throws Exception {
        try (RunningPipeline pipeline = RunningPipeline.start(home)) {
            ArticleStore store = pipeline.bean("articleStore", ArticleStore.class);
            write("klyngeavtale.txt", Samples.SHORT_ARTICLE);
            await().atMost(Duration.ofSeconds(30)).until(() -> store.listArticles().size() == 1 && inbox().isEmpty());
            write("klyngeavtale-v2.txt", Samples.SHORT_ARTICLE + "\nAvtalen gjelder fra 1. juni.\n");
            await().atMost(Duration.ofSeconds(30)).until(() -> store.listArticles().get(0).revision() == 2);
            assertThat(store.listArticles()).hasSize(1);
        }
    }

    @Test
    void stateSurvivesARestart() throws Exception {
        String id;
        try (RunningPipeline pipeline = RunningPipeline.start(home)) {
            ArticleStore store = pipeline.bean("articleStore", ArticleStore.class);
            write("klyngeavtale.txt", Samples.SHORT_ARTICLE);
            await().atMost(Duration.ofSeconds(30)).until(() -> store.listArticles().size() == 1 && inbox().isEmpty());
            id = store.listArticles().get(0).id();
        }
        try (RunningPipeline pipeline = RunningPipeline.start(home)) {
            ArticleStore store = pipeline.bean("articleStore", ArticleStore.class);
            assertThat(store.listArticles()).singleElement().satisfies(article -> assertThat(article.id()).isEqualTo(id));
            write("klyngeavtale.txt", Samples.SHORT_ARTICLE);
            await().atMost(Duration.ofSeconds(30)).until(() -> inbox().isEmpty());
            assertThat(store.listArticles()).singleElement().satisfies(article -> assertThat(article.revision()).isEqualTo(1));
        }
    }

    @Test
    void temporaryAndHiddenFilesAreLeftAlone() throws Exception {
        try (RunningPipeline pipeline = RunningPipeline.start(home)) {
            ArticleStore store = pipeline.bean("articleStore", ArticleStore.class);
            Files.createDirectories(home.resolve("inbox"));
            for (String name : List.of("~$klyngeavtale.docx", ".skjult.txt", "halvferdig.txt.part", "lagres.tmp")) {
                Files.writeString(home.resolve("inbox").resolve(name), Samples.SHORT_ARTICLE);
            }
            write("klyngeavtale.txt", Samples.SHORT_ARTICLE);
            await().atMost(Duration.ofSeconds(30)).until(() -> store.listArticles().size() == 1 && !Files.exists(home.resolve("inbox/klyngeavtale.txt")));

            assertThat(inbox()).extracting(path -> path.getFileName().toString())
                    .containsExactlyInAnyOrder("~$klyngeavtale.docx", ".skjult.txt", "halvferdig.txt.part", "lagres.tmp");
        }
    }

    private Path write(String name, String text) throws IOException {
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        Path partial = Files.writeString(Files.createTempFile(home, "drop", ".tmp"), text);
        return Files.move(partial, inbox.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private List<Path> inbox() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("inbox"))) {
            return files.toList();
        }
    }

    private List<Path> archived() throws IOException {
        if (!Files.isDirectory(home.resolve("archive"))) return List.of();
        try (Stream<Path> files = Files.walk(home.resolve("archive"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
