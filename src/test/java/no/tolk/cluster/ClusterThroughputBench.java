package no.tolk.cluster;

import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.tolk.Samples;
import no.tolk.ops.BenchmarkCorpus;

/**
 * Hand-run benchmark (not a test): articles/s through the shared inbox for 1, 2 and 3 instances (separate JVMs) on
 * one PostgreSQL, from the moment the files are dropped until every one is stored as an article. Prints the machine's
 * load average and the CPU time the instances used (from /proc, Linux), since on one machine the instances share its
 * cores. Run with
 * {@code mvn -B -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=no.tolk.cluster.ClusterThroughputBench -Dexec.args="300"}
 * or from the IDE; the argument is the number of files (default 300).
 */
public final class ClusterThroughputBench {

    private ClusterThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Map<String, String> environment = Map.of(
                "TOLK_INGEST_POLL_DELAY", "200",
                "TOLK_INGEST_READ_LOCK_CHECK_INTERVAL", "100",
                "TOLK_INGEST_READ_LOCK_MIN_AGE", "200",
                "TOLK_INGEST_MAX_FILES_PER_POLL", "20",
                "TOLK_TRANSLATE_INITIAL_DELAY", "3600000",
                "TOLK_TRANSLATE_POLL_DELAY", "3600000");
        for (int instances = 1; instances <= 3; instances++) {
            Path folder = Files.createTempDirectory("tolk-cluster-bench");
            Path corpus = Files.createDirectories(folder.resolve("corpus"));
            List<Path> generated = BenchmarkCorpus.generate(Samples.INBOX, corpus, files);
            try (TolkCluster cluster = TolkCluster.start(folder.resolve("cluster"), environment)) {
                String[] ids = new String[instances];
                for (int i = 0; i < instances; i++) ids[i] = "node-" + (i + 1);
                cluster.startAll(ids);
                double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                long cpuBefore = cpuTicks(cluster);
                long start = System.nanoTime();
                for (Path file : generated) {
                    Files.move(file, cluster.sharedInbox().resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
                await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(100))
                        .until(() -> cluster.count("select count(*) from article") >= files);
                double seconds = (System.nanoTime() - start) / 1e9;
                long cpu = cpuTicks(cluster) - cpuBefore;
                System.out.printf("%d instance(s): %d articles in %.1f s = %.1f articles/s; instances' CPU %.1f s"
                                + " (%.1f ms per article); load average %.1f before, %.1f after%n",
                        instances, files, seconds, files / seconds, cpu / 100.0, cpu * 10.0 / files,
                        loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }

    /** utime + stime of every running instance, in clock ticks (1/100 s on Linux). */
    private static long cpuTicks(TolkCluster cluster) {
        long ticks = 0;
        for (var process : cluster.running().values()) {
            try {
                String[] stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat")).replaceFirst(".*\\) ", "").split(" ");
                ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
            } catch (Exception e) {
                // not Linux, or the process ended
            }
        }
        return ticks;
    }
}
