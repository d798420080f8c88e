package no.tolk.cli;

import java.nio.file.Path;

/** Pipeline commands also log to {@code <home>/logs/tolk.log}; set before the first logger is created. */
final class LogFolder {

    private LogFolder() {
    }

    static void useHome(Path home) {
        if (System.getProperty("tolk.log.dir") == null) {
            System.setProperty("tolk.log.dir", home.resolve("logs").toString());
        }
    }
}
