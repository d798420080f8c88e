package no.tolk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tolk.ExternalProcess;
import no.tolk.store.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly trigger with three Tolk instances (separate JVMs) on one PostgreSQL: camel-quartz on Quartz's
 * clustered JDBC job store fires each scheduled run on one instance only, and keeps firing when the instance that
 * ran the last one is killed (SIGKILL). The trigger is made to fire every 3 seconds instead of nightly; the
 * journal (publishing_run: instance and scheduled fire time of each run) is the record of what fired where.
 */
class ClusterNightlyRunTest {

    private static final int EVERY_SECONDS = 3;

    record RunRow(String instance, Instant scheduledFor, Instant started) {
    }

    @Test
    void theNightlyTriggerFiresOnceAcrossTheClusterAlsoWhenTheLastRunnerDies(@TempDir Path folder) throws Exception {
        Optional<Path> installation = LocalPostgres.installation();
        if (installation.isEmpty() && "required".equals(System.getenv("TOLK_TEST_POSTGRES"))) {
            fail("PostgreSQL is not installed (apt-get install postgresql)");
        }
        assumeTrue(installation.isPresent(), "PostgreSQL is not installed");
        try (LocalPostgres postgres = LocalPostgres.start(installation.get())) {
            Map<String, ExternalProcess> instances = new HashMap<>();
            try {
                // the first one creates the schema and the trigger; the other two join the cluster together
                instances.put("node-1", start(folder.resolve("node-1"), postgres, "node-1").awaitOutput("Tolk ready", Duration.ofSeconds(240)));
                for (String id : List.of("node-2", "node-3")) {
                    instances.put(id, start(folder.resolve(id), postgres, id));
                }
                instances.values().forEach(instance -> instance.awaitOutput("Tolk ready", Duration.ofSeconds(240)));

                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> scheduledRuns(postgres).size() >= 3);
                RunRow last = scheduledRuns(postgres).get(scheduledRuns(postgres).size() - 1);
                instances.remove(last.instance()).kill();
                Instant killedAt = Instant.now();

                // the survivors take over: runs keep coming, by the other two only
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> scheduledRuns(postgres).stream().filter(run -> run.started().isAfter(killedAt)).count() >= 3);
                List<RunRow> runs = scheduledRuns(postgres);
                List<RunRow> afterKill = runs.stream().filter(run -> run.started().isAfter(killedAt)).toList();
                assertThat(afterKill).extracting(RunRow::instance).doesNotContain(last.instance())
                        .allMatch(instances::containsKey);
                // one run per scheduled fire time, never two
                assertThat(runs).extracting(RunRow::scheduledFor).doesNotHaveDuplicates();
                // and no instance was ever turned away because another was running the same trigger
                instances.values().forEach(instance ->
                        assertThat(instance.output()).doesNotContain("A publishing run is already going on"));
                // each scheduled time fired at most once and the cron kept its rhythm (fire times on the 3 s grid)
                assertThat(runs).allMatch(run -> run.scheduledFor().getEpochSecond() % EVERY_SECONDS == 0);
            } finally {
                for (ExternalProcess instance : instances.values()) instance.kill();
            }
        }
    }

    private static ExternalProcess start(Path home, LocalPostgres postgres, String id) {
        Map<String, String> environment = new HashMap<>();
        environment.put("TOLK_STORE_URL", postgres.url());
        environment.put("TOLK_STORE_USER", LocalPostgres.USER);
        environment.put("TOLK_INSTANCE_ID", id);
        environment.put("TOLK_PUBLISH_CRON", "0/" + EVERY_SECONDS + " * * * * ?");
        environment.put("TOLK_PUBLISH_TIME_ZONE", "UTC");
        environment.put("TOLK_CLUSTER_CHECKIN_INTERVAL", "2000");
        environment.put("TOLK_HTTP_PORT", "0");
        environment.put("TOLK_DESK_PORT", "0");
        return ExternalProcess.start(home, environment, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), "run", "--home", home.toString());
    }

    private static List<RunRow> scheduledRuns(LocalPostgres postgres) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.url(), LocalPostgres.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select instance_id, scheduled_for, started_at from publishing_run"
                     + " where scheduled_for is not null order by scheduled_for")) {
            List<RunRow> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new RunRow(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()));
            }
            return rows;
        } catch (SQLException noTablesYet) {
            if ("42P01".equals(noTablesYet.getSQLState())) return List.of();
            throw noTablesYet;
        }
    }
}
