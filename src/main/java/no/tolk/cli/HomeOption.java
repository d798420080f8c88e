package no.tolk.cli;

import java.nio.file.Path;
import no.tolk.config.Settings;
import picocli.CommandLine.Option;

/** {@code --home DIR}; without it TOLK_HOME, else the current directory. */
public class HomeOption {

    @Option(names = "--home", paramLabel = "DIR", description = "Tolk home folder (default: $TOLK_HOME or the current directory)")
    Path home;

    Path resolve() {
        return Settings.resolveHome(home);
    }
}
