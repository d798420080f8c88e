package no.tolk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "bench", description = "Benchmark extraction: pipeline through the inbox versus bare Tika.")
public class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UnsupportedOperationException("bench is being written");
    }
}
