package no.tolk.ops;

import org.junit.jupiter.api.AfterEach;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.tolk.ExternalProcess;
import no.tolk.store.ArticleSummary;
import no.tolk.store.Database;
import no.tolk.store.JdbcArticleStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a run, twice, then a restart: every dropped file is processed exactly once,
 * none is lost or stranded, and the ledger holds one extraction per file.
 */
class CrashRecoveryTest {

    private static final int FILES = 60;
    private static final Map<String, String> FAST_POLLING = Map.of(
            "TOLK_INGEST_POLL_DELAY", "50",
            "TOLK_INGEST_READ_LOCK_MIN_AGE", "0",
            "TOLK_INGEST_READ_LOCK_CHECK_INTERVAL", "50",
            "TOLK_INGEST_MAX_FILES_PER_POLL", "5",
            "TOLK_DEBUG", "1");

    @TempDir
    Path home;

    @AfterEach
    void closeTheHomeDatabase() throws Exception {
        no.tolk.store.HomeDatabase.shutDown(home);
    }
    /**
     * Large groups that wait long for their commit (tolk.ingest.group-commit-delay), and kills at a moment when
     * at least one extracted article is waiting in a group: more files are archived than have left the inbox,
     * by more than the two being extracted.
     */
    private static final Map<String, String> SLOW_GROUPS = Map.of(
            "TOLK_INGEST_POLL_DELAY", "50",
            "TOLK_INGEST_READ_LOCK_MIN_AGE", "0",
            "TOLK_INGEST_READ_LOCK_CHECK_INTERVAL", "50",
            "TOLK_INGEST_MAX_FILES_PER_POLL", "20",
            "TOLK_INGEST_GROUP_COMMIT_DELAY", "1500",
            "TOLK_INGEST_GROUP_COMMIT_MAX", "50",
            "TOLK_DEBUG", "1");

    @Test
    void everyFileIsProcessedOnceAcrossKills() throws Exception {
        dropFiles();

        killWhenInboxFallsTo(FILES * 2 / 3);
        killWhenInboxFallsTo(FILES / 3);
        assertThat(inboxCount()).as("the kills left work for the restart").isGreaterThan(0);
        restartAndCheckEveryFileIsOneArticle();
    }

    @Test
    void filesOfAGroupKilledBeforeItsCommitStayInTheInboxAndAreProcessedOnce() throws Exception {
        dropFiles();

        try (ExternalProcess tolk = ExternalProcess.start(home, SLOW_GROUPS, List.of("-Xmx512m"), "run", "--home", home.toString())) {
            try {
                // some files stored already, and at least one extracted article waiting in a group
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
                        .until(() -> inboxCount() < FILES && archivedCount() - (FILES - inboxCount()) >= 3);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("no group was waiting for its commit; Tolk's output:\n" + tolk.output(), e);
            }
            tolk.kill();
        }
        // No count after the kill: a group may still commit (and its files leave the inbox) in the milliseconds
        // between the check above and the SIGKILL. Waiting articles were seen 5 ms before it; the restart proves the rest.
        assertThat(inboxCount()).as("the kill left work for the restart").isGreaterThan(0);
        restartAndCheckEveryFileIsOneArticle();
    }

    private void dropFiles() throws IOException {
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        for (int i = 0; i < FILES; i++) {
            Files.writeString(inbox.resolve("sak-" + i + ".txt"), article(i));
        }
    }

    private long archivedCount() throws IOException {
        Path archive = home.resolve("archive");
        if (!Files.isDirectory(archive)) return 0;
        try (Stream<Path> months = Files.list(archive)) {
            return months.flatMap(CrashRecoveryTest::files).filter(path -> !path.getFileName().toString().startsWith(".")).count();
        }
    }

    private void restartAndCheckEveryFileIsOneArticle() throws Exception {
        int exit;
        try (ExternalProcess once = ExternalProcess.start(home, FAST_POLLING, List.of("-Xmx512m"), "once", "--home", home.toString())) {
            exit = once.awaitExit(Duration.ofSeconds(120));
        }

        assertThat(exit).isZero();
        assertThat(inboxCount()).isZero();
        assertThat(Files.list(home.resolve("archive")).flatMap(CrashRecoveryTest::files).count()).isEqualTo(FILES);
        JdbcArticleStore store = new JdbcArticleStore(Database.open(Database.defaultUrl(home), "", ""));
        List<ArticleSummary> articles = store.listArticles();
        assertThat(articles).hasSize(FILES).allSatisfy(article -> {
            // 'once' also runs the translation stage, which sends each article to the default engine (xliff)
            assertThat(article.state()).isIn("extracted", "awaiting_translation");
            assertThat(article.revision()).isEqualTo(1);
            assertThat(store.history(article.id())).filteredOn(entry -> entry.contains("-> EXTRACTED"))
                    .as("one extraction per file").hasSize(1);
        });
    }

    private void killWhenInboxFallsTo(int remaining) throws Exception {
        try (ExternalProcess tolk = ExternalProcess.start(home, FAST_POLLING, List.of("-Xmx512m"), "run", "--home", home.toString())) {
            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> inboxCount() <= remaining);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("Tolk did not get through the inbox; its output:\n" + tolk.output(), e);
            }
            tolk.kill();
        }
    }

    private long inboxCount() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("inbox"))) {
            return files.filter(path -> !path.getFileName().toString().startsWith(".")).count();
        }
    }

    private static Stream<Path> files(Path folder) {
        try {
            return Files.list(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String article(int number) {
        return """
                Sak nummer %d om klyngesamarbeid i Innlandet

                Dette er ingressen til sak nummer %d, som handler om hvordan bedrifter samarbeider om innovasjon og grønn omstilling.

                Publisert 2. februar 2025

                Bedriftene i klyngen har i flere år samarbeidet om forskning, kompetanse og nye markeder i Norge og Europa.

                – Vi ser at samarbeidet gir resultater, sier daglig leder i sak %d.
                """.formatted(number, number, number);
    }
}
