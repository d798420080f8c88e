package no.tolk.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.cli.TolkCommand;
import no.tolk.publish.cms.ReviewPreview;
import no.tolk.translate.QaFinding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewGateTest {

    @TempDir
    Path home;
    private PublishFixture fixture;
    private ReviewPreview preview;

    @BeforeEach
    void open() {
        fixture = new PublishFixture(home);
        preview = new ReviewPreview(home.resolve("site"));
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws Exception {
        fixture.close();
    }

    private ReviewGate gate(boolean requireApproval) {
        return new ReviewGate(fixture.store, () -> fixture.translations, preview, requireApproval);
    }

    @Test
    void machineTranslationsWaitInReviewWithABilingualPageUntilTheMarkerIsMoved() throws Exception {
        Article article = fixture.article("blabaer", "Rekordår for blåbær", "Record year for blueberries", ArticleState.TRANSLATED);
        fixture.translations.put(fixture.translations.find(article.id(), 1, "en").orElseThrow().article(),
                new QaFinding(QaFinding.WARNING, "numbers", "the number 12 is missing in the translation"));
        ReviewGate gate = gate(true);

        assertThat(gate.reviewTranslated()).isEqualTo(1);

        assertThat(fixture.state(article.id())).isEqualTo("in_review");
        Path page = home.resolve("site/review/" + article.id() + ".html");
        assertThat(Files.readString(page)).contains("Rekordår for blåbær").contains("Record year for blueberries")
                .contains("the number 12 is missing");
        assertThat(gate.collectApprovals()).as("the marker has not moved").isZero();

        Files.move(home.resolve("site/review/" + article.id() + ".approve"),
                home.resolve("site/review/approved/" + article.id() + ".approve"));
        assertThat(gate.collectApprovals()).isEqualTo(1);
        assertThat(fixture.state(article.id())).isEqualTo("approved");
    }

    @Test
    void withoutRequiredApprovalTranslatedArticlesAreApprovedAtOnce() {
        Article article = fixture.article("blabaer", "Rekordår for blåbær", "Record year for blueberries", ArticleState.TRANSLATED);

        assertThat(gate(false).reviewTranslated()).isEqualTo(1);

        assertThat(fixture.state(article.id())).isEqualTo("approved");
        assertThat(home.resolve("site/review/" + article.id() + ".html")).doesNotExist();
    }

    @Test
    void approvalIsRequiredByDefaultForMachineEnginesButNotForXliff() {
        assertThat(PublishConfiguration.approvalRequired("", "deepl")).isTrue();
        assertThat(PublishConfiguration.approvalRequired("", "xliff")).isFalse();
        assertThat(PublishConfiguration.approvalRequired("true", "xliff")).isTrue();
        assertThat(PublishConfiguration.approvalRequired("false", "openai")).isFalse();
    }

    @Test
    void approveAndRejectFromTheCommandLineChangeTheStateAndSayWhatHappened() {
        Article approved = fixture.article("blabaer", "Rekordår for blåbær", "Record year for blueberries", ArticleState.IN_REVIEW);
        Article rejected = fixture.article("tare", "Tare på Helgeland", "Kelp in Helgeland", ArticleState.IN_REVIEW);

        Cli approve = Cli.run("approve", approved.id(), "--home", home.toString());
        Cli reject = Cli.run("reject", rejected.id(), "--reason", "the quote in paragraph 2 is mistranslated", "--home", home.toString());
        Cli again = Cli.run("approve", approved.id(), "--home", home.toString());
        Cli unknown = Cli.run("approve", "nosuchid00", "--home", home.toString());

        assertThat(approve.exitCode).isZero();
        assertThat(approve.out).contains("Approved article " + approved.id() + " revision 1");
        assertThat(fixture.state(approved.id())).isEqualTo("approved");
        assertThat(reject.exitCode).isZero();
        assertThat(reject.out).contains("it goes to human translators (XLIFF in translations/outbox/)").contains("mistranslated");
        assertThat(fixture.state(rejected.id())).isEqualTo("extracted");
        assertThat(fixture.store.history(rejected.id())).last().asString()
                .contains("IN_REVIEW -> EXTRACTED: rejected by cli:" + System.getProperty("user.name") + ": the quote in paragraph 2 is mistranslated");
        assertThat(again.exitCode).isEqualTo(1);
        // a refusal is an error: it goes to stderr (issue 14), an answer that did what was asked to stdout
        assertThat(again.err).contains("is approved; only a translated article or one in review can be approved");
        assertThat(again.out).isEmpty();
        assertThat(unknown.err).contains("No article with id nosuchid00");
    }

    @Test
    void retryFromTheCommandLineResetsFailedPublications() {
        Article article = fixture.article("blabaer", "Rekordår for blåbær", "Record year for blueberries", ArticleState.APPROVED);
        fixture.ledger.attemptStarted(article.id(), "mastodon", "nb", 1);
        fixture.ledger.attemptFailed(article.id(), "mastodon", "nb", "mastodon: HTTP 401 token revoked", true, true);
        fixture.store.changeState(article.id(), ArticleState.FAILED, "publishing failed: mastodon/nb");

        Cli status = Cli.run("status", "--home", home.toString());
        Cli json = Cli.run("status", "--json", "--home", home.toString());
        Cli retry = Cli.run("retry", article.id(), "--home", home.toString());

        assertThat(status.out).contains("Publications needing attention").contains("mastodon").contains("token revoked");
        assertThat(json.out).contains("\"failedPublications\"").contains("\"target\" : \"mastodon\"");
        assertThat(retry.exitCode).isZero();
        assertThat(retry.out).contains("1 failed publication(s) will be tried again");
        assertThat(fixture.state(article.id())).isEqualTo("approved");
        Publication reset = fixture.ledger.find(article.id(), "mastodon", "nb").orElseThrow();
        assertThat(reset.state()).isEqualTo(PublicationState.PENDING);
        assertThat(reset.attempts()).isZero();
    }

    @Test
    void retryAllFailedPicksArticlesByTheirCause() {
        Article revoked = fixture.article("blabaer", "Rekordår for blåbær", "Record year for blueberries", ArticleState.APPROVED);
        Article slow = fixture.article("tare", "Tare på Helgeland", "Kelp in Helgeland", ArticleState.APPROVED);
        fixture.ledger.attemptStarted(revoked.id(), "mastodon", "nb", 1);
        fixture.ledger.attemptFailed(revoked.id(), "mastodon", "nb", "mastodon: HTTP 401 token revoked", true, true);
        fixture.store.changeState(revoked.id(), ArticleState.FAILED, "publishing failed");
        fixture.ledger.attemptStarted(slow.id(), "x", "en", 1);
        fixture.ledger.attemptFailed(slow.id(), "x", "en", "x: HTTP 503", true, true);
        fixture.store.changeState(slow.id(), ArticleState.FAILED, "publishing failed");
        LedgerReviewDesk desk = new LedgerReviewDesk(fixture.store, fixture.ledger, "nightly");

        assertThat(desk.retryAllFailed("token revoked")).isEqualTo(1);

        assertThat(fixture.state(revoked.id())).isEqualTo("approved");
        assertThat(fixture.state(slow.id())).isEqualTo("failed");
        assertThat(desk.retryAllFailed("")).isEqualTo(1);
        assertThat(fixture.state(slow.id())).isEqualTo("approved");
    }

    private record Cli(int exitCode, String out, String err) {
        static Cli run(String... args) {
            PrintStream original = System.out;
            PrintStream originalErr = System.err;
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            try {
                int code = TolkCommand.commandLine().execute(args);
                return new Cli(code, buffer.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(original);
                System.setErr(originalErr);
            }
        }
    }
}
