package no.tolk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import no.tolk.RunningPipeline;
import no.tolk.Samples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract on a real PostgreSQL (tolk.store.url = jdbc:postgresql://...), started for the test from
 * the installed postgresql package. CI installs it and sets TOLK_TEST_POSTGRES=required; elsewhere the test is
 * skipped when PostgreSQL is not installed.
 */
class StoresOnPostgresTest extends StoreContract {

    private static LocalPostgres server;
    /** The pool of the last fresh database, closed before the next one and at the end. */
    private static DataSource open;

    @BeforeAll
    static void startPostgres() throws Exception {
        Optional<Path> installation = LocalPostgres.installation();
        if (installation.isEmpty() && "required".equals(System.getenv("TOLK_TEST_POSTGRES"))) {
            fail("PostgreSQL is not installed (apt-get install postgresql)");
        }
        assumeTrue(installation.isPresent(), "PostgreSQL is not installed");
        server = LocalPostgres.start(installation.get());
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (open instanceof AutoCloseable pool) pool.close();
        if (server != null) server.close();
    }

    @Override
    DataSource freshDatabase() throws Exception {
        if (open instanceof AutoCloseable pool) pool.close();
        try (Connection connection = java.sql.DriverManager.getConnection(server.url(), LocalPostgres.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("drop schema public cascade");
            statement.execute("create schema public");
        }
        open = Database.open(server.url(), LocalPostgres.USER, "");
        return open;
    }

    @Test
    void thePipelineStoresDroppedArticlesInPostgres(@TempDir Path home) throws Exception {
        freshDatabase();
        try (RunningPipeline pipeline = RunningPipeline.start(home, Map.of(
                "tolk.store.url", server.url(), "tolk.store.user", LocalPostgres.USER))) {
            Files.writeString(home.resolve("inbox/klyngeavtale.txt"), Samples.SHORT_ARTICLE, StandardCharsets.UTF_8);
            ArticleStore store = pipeline.bean("articleStore", ArticleStore.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> store.listArticles().size() == 1);

            assertThat(store.listArticles().get(0).title()).isEqualTo("Ny klyngeavtale sikrer vekst i Innlandet");
            assertThat(home.resolve("data")).isEmptyDirectory();
        }
        try (Connection connection = java.sql.DriverManager.getConnection(server.url(), LocalPostgres.USER, "");
             Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("select count(*) from content_hash")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }
}
