package no.tolk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded default database, as configured for a home folder. */
class StoresOnH2Test extends StoreContract {

    @TempDir
    Path folder;

    @Override
    DataSource freshDatabase() throws Exception {
        return Database.open(Database.defaultUrl(Files.createTempDirectory(folder, "home")), "", "");
    }
}
