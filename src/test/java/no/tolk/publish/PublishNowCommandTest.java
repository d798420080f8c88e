package no.tolk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.cli.TolkCommand;
import no.tolk.ops.HomeLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishNowCommandTest {

    @TempDir
    Path home;

    @Test
    void refusesClearlyWhileAServiceHoldsTheHome() throws Exception {
        PublishFixture fixture = new PublishFixture(home);
        Article article = fixture.article("blabaer", "Rekordår for blåbær", "Record year for blueberries", ArticleState.APPROVED);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int code;
        try (HomeLock running = HomeLock.acquire(home)) {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = TolkCommand.commandLine().execute("publish-now", "--home", home.toString());
        } finally {
            System.setErr(original);
        }

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("A 'run' service is working on").contains("nothing was published");
        assertThat(fixture.state(article.id())).isEqualTo("approved");
        fixture.close();
    }

    @Test
    void withoutAServiceItRunsTheJobWithoutStartingTheInboxAndExits() throws Exception {
        new PublishFixture(home).close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = TolkCommand.commandLine().execute("publish-now", "--home", home.toString());
        } finally {
            System.setOut(original);
        }

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Published 0 article(s)");
        javax.sql.DataSource database = no.tolk.store.Database.open(no.tolk.store.Database.defaultUrl(home), "", "");
        assertThat(new no.tolk.ops.NightlyRuns(() -> database, java.time.Clock.systemUTC()).last())
                .as("the run is in the journal that JMX LastNightlyRun reads")
                .hasValueSatisfying(run -> assertThat(run.outcome()).isEqualTo("completed"));
        PublishFixture.shutDown(database);
    }
}
