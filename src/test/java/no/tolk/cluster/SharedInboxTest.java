package no.tolk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.tolk.Samples;
import no.tolk.ops.BenchmarkCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three Tolk instances (separate JVMs) on one PostgreSQL and one shared inbox: 300 distinct articles in every
 * sample format dropped at once; one instance is killed with SIGKILL while files are being read and started again.
 * At the end every file is exactly one article, the inbox is empty and no claim is left in the inbox's claim table.
 * (Translation and publishing are left out here: the stages' own work claims are tested with the store.)
 */
class SharedInboxTest {

    private static final int FILES = 300;

    @Test
    void threeInstancesReadEveryFileOfASharedInboxOnceAlsoWhenOneIsKilled(@TempDir Path folder) throws Exception {
        Path corpus = Files.createDirectories(folder.resolve("corpus"));
        List<Path> files = BenchmarkCorpus.generate(Samples.INBOX, corpus, FILES);
        Map<String, String> environment = Map.of(
                "TOLK_INGEST_POLL_DELAY", "200",
                "TOLK_INGEST_READ_LOCK_CHECK_INTERVAL", "100",
                "TOLK_INGEST_READ_LOCK_MIN_AGE", "200",
                "TOLK_INGEST_MAX_FILES_PER_POLL", "20",
                "TOLK_INGEST_CLAIM_KEEP_ALIVE", "1000",
                "TOLK_INGEST_CLAIM_MAX_AGE", "5000",
                "TOLK_INGEST_CLAIM_RELEASE_DELAY", "3000",
                // extraction only: the translation poller waits past the end of the test
                "TOLK_TRANSLATE_INITIAL_DELAY", "3600000",
                "TOLK_TRANSLATE_POLL_DELAY", "3600000");
        try (TolkCluster cluster = TolkCluster.start(folder.resolve("cluster"), environment)) {
            cluster.startAll("node-1", "node-2", "node-3");
            long dropped = System.nanoTime();
            for (Path file : files) {
                Files.move(file, cluster.sharedInbox().resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> cluster.count("select count(*) from article") >= FILES / 5);
            cluster.kill("node-2");
            long killed = System.nanoTime();
            cluster.launch("node-2").awaitOutput("Tolk ready", Duration.ofSeconds(300));

            await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500))
                    .until(() -> cluster.filesInInbox() == 0 && cluster.count("select count(*) from article") >= FILES);
            long done = System.nanoTime();
            String output = cluster.output();
            assertThat(cluster.count("select count(*) from article")).as(output).isEqualTo(FILES);
            assertThat(cluster.count("select count(*) from content_hash")).as(output).isEqualTo(FILES);
            assertThat(cluster.count("select count(*) from article where state <> 'extracted'"))
                    .as("every file extracted:\n" + cluster.strings("select state || ' ' || coalesce(last_error, '') from article where state <> 'extracted'"))
                    .isZero();
            assertThat(cluster.strings("select title from article")).doesNotHaveDuplicates().hasSize(FILES);
            // no claim left behind, once the release delay after the last file has passed
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> cluster.count("select count(*) from camel_messageprocessed") == 0);
            System.out.printf("SharedInboxTest: %d files read by 3 instances in %.1f s (kill after %.1f s), %.1f articles/s%n",
                    FILES, (done - dropped) / 1e9, (killed - dropped) / 1e9, FILES / ((done - dropped) / 1e9));
        }
    }
}
