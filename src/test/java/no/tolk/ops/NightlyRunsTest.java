package no.tolk.ops;

import org.junit.jupiter.api.AfterEach;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import no.tolk.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NightlyRunsTest {

    private static final Instant NIGHT = Instant.parse("2026-11-27T02:00:00Z");

    @TempDir
    Path home;

    @AfterEach
    void closeTheHomeDatabase() throws Exception {
        no.tolk.store.HomeDatabase.shutDown(home);
    }

    @Test
    void theLastRunIsStillKnownAfterARestart() {
        DataSource database = Database.open(Database.defaultUrl(home), "", "");
        NightlyRuns before = new NightlyRuns(() -> database, Clock.fixed(NIGHT, ZoneOffset.UTC));
        assertThat(before.last()).isEmpty();
        long run = before.started();
        assertThat(before.last()).hasValueSatisfying(running -> {
            assertThat(running.outcome()).isEqualTo("running");
            assertThat(running.end()).isNull();
        });
        before.finished(run, true);

        NightlyRuns afterRestart = new NightlyRuns(() -> database, Clock.fixed(NIGHT.plusSeconds(3600), ZoneOffset.UTC));

        assertThat(afterRestart.last()).hasValueSatisfying(last -> {
            assertThat(last.start()).isEqualTo(NIGHT);
            assertThat(last.end()).isEqualTo(NIGHT);
            assertThat(last.outcome()).isEqualTo("failed");
        });
    }

    @Test
    void aRunWhoseProcessDiedIsShownAsInterruptedNotAsRunningForever() {
        DataSource database = Database.open(Database.defaultUrl(home), "", "");
        new NightlyRuns(() -> database, Clock.fixed(NIGHT, ZoneOffset.UTC)).started();

        NightlyRuns afterRestart = new NightlyRuns(() -> database, Clock.fixed(NIGHT.plusSeconds(60), ZoneOffset.UTC));

        assertThat(afterRestart.last()).hasValueSatisfying(last -> {
            assertThat(last.outcome()).isEqualTo("interrupted");
            assertThat(last.end()).isEqualTo(NIGHT.plusSeconds(60));
        });
        long next = afterRestart.started();
        afterRestart.finished(next, false);
        assertThat(afterRestart.last()).hasValueSatisfying(last -> assertThat(last.outcome()).isEqualTo("completed"));
    }
}
