package no.tolk;

import no.tolk.cli.TolkCommand;
import picocli.CommandLine;

/** Entry point of {@code tolk.jar}: the command line, which starts Camel Main for {@code run} and {@code once}. */
public final class Tolk {

    private Tolk() {
    }

    public static void main(String[] args) {
        System.exit(TolkCommand.commandLine().execute(args));
    }
}
