package no.tolk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import no.tolk.cli.TolkCommand;
import no.tolk.ops.NightlyRuns;
import no.tolk.store.Database;
import no.tolk.store.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One publishing run at a time in a cluster: while an instance runs one (it holds the run lock on PostgreSQL),
 * {@code tolk publish-now} on another instance refuses in plain words, naming the run going on; once that run has
 * ended, publish-now runs.
 */
class ClusterPublishNowTest {

    @Test
    void publishNowRefusesWhileAnotherInstanceRunsAndRunsAfterwards(@TempDir Path home) throws Exception {
        Optional<Path> installation = LocalPostgres.installation();
        if (installation.isEmpty() && "required".equals(System.getenv("TOLK_TEST_POSTGRES"))) {
            fail("PostgreSQL is not installed (apt-get install postgresql)");
        }
        assumeTrue(installation.isPresent(), "PostgreSQL is not installed");
        try (LocalPostgres postgres = LocalPostgres.start(installation.get())) {
            DataSource database = Database.open(postgres.url(), LocalPostgres.USER, "");
            NightlyRuns otherInstance = new NightlyRuns(() -> database, Clock.systemUTC(), "node-9");
            System.setProperty("tolk.store.url", postgres.url());
            System.setProperty("tolk.store.user", LocalPostgres.USER);
            // set by any command run before in this JVM, see below
            System.clearProperty(no.tolk.store.InstanceIdentity.LOG_PROPERTY);
            try {
                NightlyRuns.RunLock running = otherInstance.tryLock().orElseThrow();
                long runId = otherInstance.started();
                assertThat(otherInstance.tryLock()).as("a second run in the cluster").isEmpty();

                Result refused = publishNow(home);
                assertThat(refused.code()).as(refused.err()).isEqualTo(1);
                assertThat(refused.err()).contains("A publishing run is going on in the cluster (started ")
                        .contains("on instance node-9").contains("this one was not started");

                otherInstance.finished(runId, false);
                running.close();
                // the first command announced its instance id for the log layout (a JVM property the next command,
                // run in this same JVM, would take for an unknown setting; a real CLI call is a JVM of its own)
                System.clearProperty(no.tolk.store.InstanceIdentity.LOG_PROPERTY);
                Result after = publishNow(home);
                assertThat(after.code()).as(after.err()).isZero();
                assertThat(after.out()).contains("Published 0 article(s)");
                assertThat(otherInstance.last()).hasValueSatisfying(run -> assertThat(run.outcome()).isEqualTo("completed"));
            } finally {
                System.clearProperty("tolk.store.url");
                System.clearProperty("tolk.store.user");
                System.clearProperty(no.tolk.store.InstanceIdentity.LOG_PROPERTY);
                ((AutoCloseable) database).close();
            }
        }
    }

    record Result(int code, String out, String err) {
    }

    private static Result publishNow(Path home) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = TolkCommand.commandLine().execute("publish-now", "--home", home.toString());
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
