package no.tolk.review;

import static no.tolk.review.DeskFixture.paragraph;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.tolk.article.Article;
import no.tolk.publish.ReviewDesk;
import no.tolk.translate.Translation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review defects of issue 12, each of its kind: a dropped date, an approval over errors, a rejection, local links. */
class ReviewDefectsTest {

    static final String DATE_SOURCE = "Festivalen starter 13. mai i år og varer i tre dager.";
    static final String DATE_DROPPED = "The festival starts this year and lasts three days.";

    @TempDir
    Path home;
    DeskFixture fixture;
    Article article;

    @BeforeEach
    void setUp() {
        fixture = new DeskFixture(home, "https://news.example");
        fixture.dictionary.put("Festivalen flyttes", "The festival moves");
        fixture.dictionary.put("Arrangørene har bestemt en ny dato for sommerens festival.", "The organisers have set a new date for the summer festival.");
        fixture.dictionary.put(DATE_SOURCE, DATE_DROPPED);
        fixture.dictionary.put("Programmet er det samme som i fjor, og alle billetter gjelder fortsatt.",
                "The programme is the same as last year, and all tickets are still valid.");
        article = fixture.extracted("festival.docx", "Festivalen flyttes", "Arrangørene har bestemt en ny dato for sommerens festival.",
                List.of(paragraph(DATE_SOURCE), paragraph("Programmet er det samme som i fjor, og alle billetter gjelder fortsatt.")));
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void anArticleWhoseQualityCheckFoundAnErrorGetsAReviewPageWithTheErrorOnItsRow() throws Exception {
        fixture.translateAndReview();

        assertThat(fixture.state(article.id())).isEqualTo("in_review");
        assertThat(fixture.lastError(article.id())).isEqualTo("en: quality checks found errors: b0: the number 13 is missing from the translation;"
                + " b0: the date '13. mai' has no 'may' in the translation");
        Path page = home.resolve("site/review/" + article.id() + ".html");
        Document html = Jsoup.parse(page.toFile(), "UTF-8");
        assertThat(html.selectFirst("h1").text()).isEqualTo("The festival moves");
        assertThat(html.selectFirst("section.approval").text()).contains("tolk approve " + article.id())
                .contains("tolk reject " + article.id() + " --reason");
        assertThat(html.selectFirst("section.approval").elementSiblingIndex())
                .isLessThan(html.selectFirst("section.pair").elementSiblingIndex());
        Element row = html.getElementById("b0");
        assertThat(row.className()).isEqualTo("level-error");
        assertThat(row.selectFirst("td.kind").text()).isEqualTo("1 paragraph");
        assertThat(row.select("li.error").eachText()).containsExactly(
                "error · number: the number 13 is missing from the translation",
                "error · date: the date '13. mai' has no 'may' in the translation");
        assertThat(html.getElementById("b1").className()).isEmpty();
        assertThat(html.select("section.article-notes")).isEmpty();
    }

    @Test
    void approvalOverRemainingErrorsNeedsAnExplicitConfirmationAndThenTheDecidedPageMovesToDone() {
        fixture.translateAndReview();

        ReviewDesk.Answer refused = fixture.desk.approve(article.id(), false, "cli:test");
        assertThat(refused.done()).isFalse();
        assertThat(refused.message()).isEqualTo("Article " + article.id() + " still has 2 quality-check error(s):"
                + " b0: the number 13 is missing from the translation; b0: the date '13. mai' has no 'may' in the translation."
                + " Correct them on the review desk, or approve anyway with 'tolk approve " + article.id() + " --despite-errors'"
                + " (JMX: approveDespiteErrors).");
        assertThat(fixture.state(article.id())).isEqualTo("in_review");

        ReviewDesk.Answer approved = fixture.desk.approve(article.id(), true, "cli:test");
        assertThat(approved.done()).isTrue();
        assertThat(fixture.state(article.id())).isEqualTo("approved");
        assertThat(fixture.articles.history(article.id()).get(fixture.articles.history(article.id()).size() - 1))
                .startsWith("IN_REVIEW -> APPROVED: approved by cli:test (revision 1) despite 2 quality-check error(s)");

        fixture.gate.reviewTranslated();
        assertThat(home.resolve("site/review/" + article.id() + ".html")).doesNotExist();
        assertThat(home.resolve("site/review/" + article.id() + ".approve")).doesNotExist();
        assertThat(home.resolve("site/review/done/" + article.id() + ".html")).isRegularFile();
    }

    @Test
    void aRejectedMachineTranslationNeverComesBackUnchangedAndItsReasonIsKept() throws Exception {
        fixture.translateAndReview();
        int callsBefore = fixture.engineCalls.get();

        ReviewDesk.Answer rejected = fixture.desk.reject(article.id(), "the date is missing", false, "rita");
        assertThat(rejected.done()).isTrue();
        assertThat(fixture.translations.rejection(article.id(), 1).orElseThrow().reason()).isEqualTo("the date is missing");

        fixture.translateAndReview();

        // the engine was called again for every segment (no translation memory), gave the same text, so people translate it
        assertThat(fixture.engineCalls.get()).isEqualTo(callsBefore + 1);
        assertThat(fixture.state(article.id())).isEqualTo("awaiting_translation");
        assertThat(fixture.translations.find(article.id(), 1, "en")).isEmpty();
        try (var files = Files.list(home.resolve("translations/outbox"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).anyMatch(n -> n.startsWith(article.id() + "-r1"));
        }
        assertThat(String.join("\n", fixture.articles.history(article.id()))).contains("rejected by rita: the date is missing");
    }

    @Test
    void withoutAPublicSiteAddressSocialPostsWaitWithAClearReasonInsteadOfAnnouncingAFileLink() throws Exception {
        fixture.close();
        fixture = new DeskFixture(home, "");
        fixture.dictionary.put("Kort melding", "Short notice");
        fixture.dictionary.put("Møtet er flyttet til neste uke, og sakslisten er den samme.", "The meeting has moved to next week, and the agenda is the same.");
        Article notice = fixture.extracted("notice.txt", "Kort melding", null, List.of(paragraph("Møtet er flyttet til neste uke, og sakslisten er den samme.")));
        fixture.translateAndReview();
        assertThat(fixture.desk.approve(notice.id(), false, "ada").done()).isTrue();

        fixture.publishing.publishApproved();

        assertThat(home.resolve("outbox/social/mastodon")).doesNotExist();
        assertThat(fixture.state(notice.id())).isEqualTo("failed");
        assertThat(fixture.ledger.failed()).extracting(p -> p.target() + "/" + p.language() + ": " + p.lastError()).containsExactlyInAnyOrder(
                "outbox-mastodon/nb: waits for a public address of the site: set tolk.cms.static.base-url (the address the built site is served at), then 'tolk retry " + notice.id() + "'",
                "outbox-mastodon/en: waits for a public address of the site: set tolk.cms.static.base-url (the address the built site is served at), then 'tolk retry " + notice.id() + "'");
    }

    static Translation english(DeskFixture fixture, String id) {
        return fixture.translations.find(id, 1, "en").orElseThrow();
    }
}
