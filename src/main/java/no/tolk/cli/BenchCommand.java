package no.tolk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import no.tolk.ops.BenchmarkCorpus;
import no.tolk.ops.ExtractionBenchmark;
import no.tolk.ops.ExtractionBenchmark.Phase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Benchmark extraction: the pipeline through the inbox versus bare Tika, same files, same JVM.")
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--articles", defaultValue = "500", description = "Corpus size (default ${DEFAULT-VALUE})")
    int articles;

    @Option(names = "--warm-up", defaultValue = "500", description = "Further articles each phase processes first, untimed,"
            + " so both are measured with the JIT compiler done (default ${DEFAULT-VALUE})")
    int warmUp;

    @Option(names = "--samples", defaultValue = "samples/inbox", description = "Articles the corpus is made from (default ${DEFAULT-VALUE})")
    Path samples;

    @Option(names = "--concurrency", defaultValue = "2", description = "Files extracted at once by the pipeline (default ${DEFAULT-VALUE}; bare Tika runs on one thread)")
    int concurrency;

    @Option(names = "--work", description = "Working folder (default: a new temporary folder)")
    Path work;

    @Override
    public Integer call() throws Exception {
        Path folder = work != null ? Files.createDirectories(work) : Files.createTempDirectory("tolk-bench");
        List<Path> generated = BenchmarkCorpus.generate(samples, folder.resolve("corpus"), articles + warmUp);
        List<Path> corpus = generated.subList(0, articles);
        System.out.printf("Corpus: %d articles (+%d for warm-up) made from %s in %s%n", articles, warmUp, samples, folder);
        ExtractionBenchmark benchmark = new ExtractionBenchmark(corpus, generated.subList(articles, generated.size()), folder);
        Phase bare = benchmark.bareTika();
        System.out.println(bare);
        Phase pipeline = benchmark.pipeline(concurrency);
        System.out.println(pipeline);
        System.out.printf("Pipeline throughput is %.0f%% of bare Tika%n",
                100 * pipeline.articlesPerSecond() / bare.articlesPerSecond());
        return 0;
    }
}
