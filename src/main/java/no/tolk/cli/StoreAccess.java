package no.tolk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import no.tolk.config.ConfigurationException;
import no.tolk.config.Settings;
import no.tolk.store.Database;

/** The same database the pipeline uses, opened from the command line (shared with a running service). */
final class StoreAccess {

    private StoreAccess() {
    }

    /**
     * Opens the store of an existing home. With the embedded database, a home that does not exist or holds no
     * {@code data/tolk.mv.db} is refused ({@link ConfigurationException}, exit 2) before anything is created:
     * a typo in {@code --home} must not start an empty home that reports "no articles".
     */
    static DataSource open(Settings settings) {
        String configured = settings.get("tolk.store.url", "");
        if (configured.isBlank()) {
            Path home = settings.home();
            if (!Files.isDirectory(home)) {
                throw new ConfigurationException("there is no Tolk home at " + home + " (check --home or TOLK_HOME)");
            }
            if (!Files.isRegularFile(home.resolve("data").resolve("tolk.mv.db"))) {
                throw new ConfigurationException(home + " holds no Tolk database (data/tolk.mv.db): check --home or TOLK_HOME,"
                        + " or start this home with 'tolk once --home " + home + "' or 'tolk run --home " + home + "'");
            }
        }
        String url = configured.isBlank() ? Database.defaultUrl(settings.home()) : configured;
        return Database.open(url, settings.get("tolk.store.user", ""), settings.get("tolk.store.password", ""));
    }

    /**
     * Opens the store of a home, creating the embedded database when the home folder exists but holds none yet:
     * for commands that set a home up before its first run ({@code tolk tm import} of the organisation's translation
     * memory). A home folder that does not exist is still refused ({@link ConfigurationException}, exit 2), so a typo
     * in {@code --home} creates nothing.
     */
    static DataSource openOrCreate(Settings settings) {
        if (settings.get("tolk.store.url", "").isBlank() && !Files.isDirectory(settings.home())) {
            throw new ConfigurationException("there is no Tolk home at " + settings.home() + " (check --home or TOLK_HOME,"
                    + " or create the folder first)");
        }
        String configured = settings.get("tolk.store.url", "");
        String url = configured.isBlank() ? Database.defaultUrl(settings.home()) : configured;
        return Database.open(url, settings.get("tolk.store.user", ""), settings.get("tolk.store.password", ""));
    }
}
