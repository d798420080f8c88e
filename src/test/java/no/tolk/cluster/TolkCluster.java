package no.tolk.cluster;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tolk.ExternalProcess;
import no.tolk.store.LocalPostgres;

/**
 * Tolk instances as separate JVMs ({@code tolk run}) on one PostgreSQL started for the test, each with its own
 * home whose {@code inbox} is a link to one shared folder (as an NFS mount would be on separate machines).
 */
final class TolkCluster implements AutoCloseable {

    private final Path folder;
    private final LocalPostgres postgres;
    private final Path sharedInbox;
    private final Map<String, String> environment;
    private final Map<String, ExternalProcess> instances = new LinkedHashMap<>();
    private final List<ExternalProcess> ended = new ArrayList<>();

    private TolkCluster(Path folder, LocalPostgres postgres, Map<String, String> environment) throws IOException {
        this.folder = folder;
        this.postgres = postgres;
        this.sharedInbox = Files.createDirectories(folder.resolve("shared-inbox"));
        this.environment = environment;
    }

    /** Starts PostgreSQL; skips the test where it is not installed (fails where CI requires it). */
    static TolkCluster start(Path folder, Map<String, String> environment) throws Exception {
        Optional<Path> installation = LocalPostgres.installation();
        if (installation.isEmpty() && "required".equals(System.getenv("TOLK_TEST_POSTGRES"))) {
            fail("PostgreSQL is not installed (apt-get install postgresql)");
        }
        assumeTrue(installation.isPresent(), "PostgreSQL is not installed");
        return new TolkCluster(folder, LocalPostgres.start(installation.get()), environment);
    }

    Path sharedInbox() {
        return sharedInbox;
    }

    /** Starts instance {@code id} (its home is {@code <folder>/<id>}, kept across restarts) without waiting. */
    ExternalProcess launch(String id) throws IOException {
        Path home = Files.createDirectories(folder.resolve(id));
        Path inbox = home.resolve("inbox");
        if (!Files.exists(inbox, java.nio.file.LinkOption.NOFOLLOW_LINKS)) Files.createSymbolicLink(inbox, sharedInbox);
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("TOLK_STORE_URL", postgres.url());
        env.put("TOLK_STORE_USER", LocalPostgres.USER);
        env.put("TOLK_INSTANCE_ID", id);
        env.put("TOLK_HTTP_PORT", "0");
        env.put("TOLK_DESK_PORT", "0");
        ExternalProcess process = ExternalProcess.start(home, env, List.of("-Xmx512m"), "run", "--home", home.toString());
        instances.put(id, process);
        return process;
    }

    /** Starts the instances, the first alone (it creates the schema), the others together; waits until all are ready. */
    void startAll(String... ids) throws IOException {
        launch(ids[0]).awaitOutput("Tolk ready", Duration.ofSeconds(300));
        for (int i = 1; i < ids.length; i++) launch(ids[i]);
        for (String id : ids) instances.get(id).awaitOutput("Tolk ready", Duration.ofSeconds(300));
    }

    /** SIGKILL. */
    void kill(String id) throws InterruptedException {
        ExternalProcess process = instances.remove(id);
        process.kill();
        ended.add(process);
    }

    Map<String, ExternalProcess> running() {
        return instances;
    }

    /** Everything every instance printed, for failure messages. */
    String output() {
        StringBuilder all = new StringBuilder();
        ended.forEach(process -> all.append("--- killed instance ---\n").append(process.output()));
        instances.forEach((id, process) -> all.append("--- ").append(id).append(" ---\n").append(process.output()));
        return all.toString();
    }

    long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.url(), LocalPostgres.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) return 0; // no tables yet
            throw e;
        }
    }

    List<String> strings(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.url(), LocalPostgres.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) rows.add(rs.getString(1));
            return rows;
        }
    }

    long filesInInbox() throws IOException {
        try (var files = Files.list(sharedInbox)) {
            return files.count();
        }
    }

    void awaitInboxEmpty(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> filesInInbox() == 0);
    }

    @Override
    public void close() throws Exception {
        try {
            for (ExternalProcess process : instances.values()) process.kill();
        } finally {
            postgres.close();
        }
    }
}
