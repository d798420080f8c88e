package no.tolk.ops;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import no.tolk.config.PipelineApplication;
import no.tolk.config.Settings;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Extraction throughput: (b) bare Tika parsing of a corpus and (a) the full pipeline taking the same
 * files through the inbox into the store, in one JVM, with the peak heap of each phase.
 */
public final class ExtractionBenchmark {

    /** {@code cpu}: processor time of the whole JVM in the phase (all threads, JIT and GC included). */
    public record Phase(String name, int articles, Duration elapsed, Duration cpu, long peakHeapBytes) {
        public double articlesPerSecond() {
            return articles / (elapsed.toNanos() / 1e9);
        }

        public double cpuMillisPerArticle() {
            return cpu.toNanos() / 1e6 / articles;
        }

        @Override
        public String toString() {
            return String.format("%-28s %5d articles in %6.2f s = %7.1f articles/s, CPU %5.1f ms/article, peak heap %4d MB",
                    name, articles, elapsed.toNanos() / 1e9, articlesPerSecond(), cpuMillisPerArticle(),
                    peakHeapBytes / (1024 * 1024));
        }
    }

    private final List<Path> corpus;
    private final List<Path> warmUp;
    private final Path work;

    /** {@code warmUp}: other articles each phase processes first, untimed, so both are measured warm. */
    public ExtractionBenchmark(List<Path> corpus, List<Path> warmUp, Path work) {
        this.corpus = corpus;
        this.warmUp = warmUp;
        this.work = work;
    }

    public Phase bareTika() throws Exception {
        AutoDetectParser parser;
        try (InputStream xml = ExtractionBenchmark.class.getResourceAsStream("/tika-config.xml")) {
            parser = new AutoDetectParser(new TikaConfig(xml));
        }
        parseAll(parser, warmUp);
        try (HeapSampler heap = HeapSampler.start()) {
            long started = System.nanoTime();
            long cpuAtStart = processCpuNanos();
            int parsed = parseAll(parser, corpus);
            return new Phase("bare Tika (text only)", parsed, Duration.ofNanos(System.nanoTime() - started),
                    Duration.ofNanos(processCpuNanos() - cpuAtStart), heap.peak());
        }
    }

    private static int parseAll(AutoDetectParser parser, List<Path> files) {
        int parsed = 0;
        for (Path file : files) {
            try (TikaInputStream stream = TikaInputStream.get(file)) {
                parser.parse(stream, new BodyContentHandler(-1), new Metadata(), new ParseContext());
                parsed++;
            } catch (Exception e) {
                // counted as not parsed; the pipeline would quarantine it
            }
        }
        return parsed;
    }

    public Phase pipeline(int concurrency) throws Exception {
        Path home = work.resolve("home");
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        drop(warmUp, inbox);
        Settings settings = Settings.load(home, Map.of());
        Main main = PipelineApplication.create(settings);
        main.getOverrideProperties().putAll(Map.of(
                "tolk.ingest.poll-delay", "20",
                "tolk.ingest.read-lock-min-age", "100",
                "tolk.ingest.read-lock-check-interval", "10",
                "tolk.ingest.max-files-per-poll", "1000",
                "tolk.ingest.concurrency", String.valueOf(concurrency),
                "camel.main.jmx-enabled", "false",
                // extraction is measured: the translate poller would otherwise start translating mid-run
                "tolk.translate.initial-delay", "3600000",
                "tolk.http.port", "0"));
        CountDownLatch started = new CountDownLatch(1);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport running) {
                started.countDown();
            }
        });
        Thread runner = new Thread(() -> {
            try {
                main.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "bench-pipeline");
        try (HeapSampler heap = HeapSampler.start()) {
            runner.start();
            if (!started.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("pipeline did not start");
            awaitDrained(main, inbox);
            long timedFrom = System.nanoTime();
            long cpuAtStart = processCpuNanos();
            drop(corpus, inbox);
            awaitDrained(main, inbox);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - timedFrom);
            Duration cpu = Duration.ofNanos(processCpuNanos() - cpuAtStart);
            main.completed();
            runner.join(60_000);
            return new Phase("pipeline inbox -> store (" + concurrency + "x)", corpus.size(), elapsed, cpu, heap.peak());
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void awaitDrained(Main main, Path inbox) throws IOException, InterruptedException {
        while (remaining(inbox) > 0 || main.getCamelContext().getInflightRepository().size() > 0) {
            Thread.sleep(10);
        }
    }

    /** Moved in whole (copy beside, then rename), as a careful person or a sync tool would drop them. */
    private static void drop(List<Path> files, Path inbox) throws IOException {
        Path staging = Files.createDirectories(inbox.resolveSibling("staging"));
        for (Path file : files) {
            Path staged = Files.copy(file, staging.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Files.move(staged, inbox.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static long remaining(Path inbox) throws IOException {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.count();
        }
    }

    /** Samples heap use every 10 ms after a GC at the start; peak() is the highest value seen. */
    static final class HeapSampler implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        private HeapSampler() {
            System.gc();
            thread = new Thread(() -> {
                while (running) {
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    peak.accumulateAndGet(used, Math::max);
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        static HeapSampler start() {
            return new HeapSampler();
        }

        long peak() {
            return peak.get();
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
