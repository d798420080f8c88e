package no.tolk.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Pipeline commands also log to {@code <home>/logs/tolk.log}; set before the first logger is created. */
final class LogFolder {

    private LogFolder() {
    }

    static void useHome(Path home) {
        if (System.getProperty("tolk.log.dir") == null) {
            System.setProperty("tolk.log.dir", home.resolve("logs").toString());
        }
    }

    /** {@code --quiet} and {@code --verbose} for commands that run the pipeline; read by log4j2.xml at start. */
    static class Verbosity {

        @Option(names = {"-q", "--quiet"}, description = "Log only warnings and errors (the summary is still printed)")
        boolean quiet;

        @Option(names = {"-v", "--verbose"}, description = "Log details: Tolk's debug lines and Camel's start and stop")
        boolean verbose;

        void apply() {
            if (quiet) {
                setIfAbsent("tolk.log.level", "WARN");
                setIfAbsent("tolk.camel.log.level", "WARN");
            } else if (verbose) {
                setIfAbsent("tolk.log.level", "DEBUG");
                setIfAbsent("tolk.camel.main.log.level", "INFO");
                setIfAbsent("tolk.detail.log.level", "INFO");
            }
        }

        boolean quiet() {
            return quiet;
        }

        private static void setIfAbsent(String key, String value) {
            if (System.getProperty(key) == null) System.setProperty(key, value);
        }
    }
}
