package no.tolk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import no.tolk.RunningPipeline;
import no.tolk.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stopped pipeline leaves its embedded H2 database closed: no session, no lock, no H2 thread writing into the home
 * (issue 14's connection leak; CI's "Failed to delete temp directory" after PipelineOperationsTest: H2's lock watchdog
 * recreated {@code data/tolk.lock.db} in the deleted home). The check that matters is another process opening the file
 * without AUTO_SERVER, which H2 refuses (90020, "already in use") while any process holds it.
 */
class StoreClosedAtStopTest {

    @TempDir
    Path home;

    @Test
    void afterTheStopAnotherProcessOpensTheDatabaseAloneAndNoH2ThreadIsLeft() throws Exception {
        try (RunningPipeline running = RunningPipeline.start(home)) {
            ArticleStore store = running.bean("articleStore", ArticleStore.class);
            Samples.drop(Samples.good("md"), home.resolve("inbox"));
            await().atMost(Duration.ofSeconds(30)).until(() -> store.countByState().getOrDefault("extracted", 0) == 1);
            assertThat(home.resolve("data/tolk.lock.db")).as("H2's AUTO_SERVER lock while running").exists();
        }

        assertThat(home.resolve("data/tolk.lock.db")).as("H2 removes its lock file when the database closes").doesNotExist();
        assertThat(h2ThreadsFor(home)).isEmpty();
        assertThat(openAloneInAnotherProcess(home)).as("the other process's answer").contains("1");
    }

    @Test
    void aConnectionNeverGivenBackKeepsTheDatabaseOpenAndIsReported() throws Exception {
        Connection leaked;
        try (RunningPipeline running = RunningPipeline.start(home)) {
            leaked = running.bean("dataSource", DataSource.class).getConnection();
        }
        try {
            assertThat(home.resolve("data/tolk.lock.db")).as("the leaked session keeps the file").exists();
            assertThat(openAloneInAnotherProcess(home)).contains("90020");
        } finally {
            try (Statement statement = leaked.createStatement()) {
                statement.execute("SHUTDOWN");
            }
            leaked.close();
        }
        assertThat(home.resolve("data/tolk.lock.db")).doesNotExist();
    }

    /** Names of live H2 threads working on this home's database (lock watchdog, MVStore writer). */
    private static List<String> h2ThreadsFor(Path home) {
        String database = home.resolve("data").toAbsolutePath().toString();
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.contains(database)).toList();
    }

    /** Runs H2's shell in a new JVM on the file with AUTO_SERVER off: prints a count, or the error H2 gave. */
    private static String openAloneInAnotherProcess(Path home) throws IOException, InterruptedException {
        String url = "jdbc:h2:file:" + home.resolve("data/tolk").toAbsolutePath() + ";AUTO_SERVER=FALSE;IFEXISTS=TRUE";
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.h2.tools.Shell", "-url", url,
                "-sql", "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("H2 shell finished").isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
