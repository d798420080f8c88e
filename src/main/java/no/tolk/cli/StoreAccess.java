package no.tolk.cli;

import javax.sql.DataSource;
import no.tolk.config.Settings;
import no.tolk.store.Database;

/** The same database the pipeline uses, opened from the command line (shared with a running service). */
final class StoreAccess {

    private StoreAccess() {
    }

    static DataSource open(Settings settings) {
        String url = settings.get("tolk.store.url", Database.defaultUrl(settings.home()));
        return Database.open(url, settings.get("tolk.store.user", ""), settings.get("tolk.store.password", ""));
    }
}
