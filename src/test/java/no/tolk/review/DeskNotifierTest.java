package no.tolk.review;

import static no.tolk.review.DeskFixture.paragraph;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import no.tolk.article.Article;
import no.tolk.article.ArticleJson;
import no.tolk.article.ArticleState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook against a local HTTP server that takes incoming-webhook JSON as Slack, Mattermost and Teams do. */
class DeskNotifierTest {

    @TempDir
    Path home;
    DeskFixture fixture;
    HttpServer hook;
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failNext = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        fixture = new DeskFixture(home, "https://news.example");
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hooks/abc", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                assertThat(exchange.getRequestHeaders().getFirst("Content-Type")).isEqualTo("application/json");
                received.add(ArticleJson.mapper().readTree(new String(body, StandardCharsets.UTF_8)));
                byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
            }
        });
        hook.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        hook.stop(0);
        fixture.close();
    }

    private DeskNotifier notifier() {
        return new DeskNotifier(fixture.articles, fixture.dataSource, "http://127.0.0.1:" + hook.getAddress().getPort() + "/hooks/abc",
                "https://desk.example.org/", Duration.ofSeconds(5), Clock.systemUTC());
    }

    @Test
    void oneMessagePerArticleNeedingAttentionAndNoneRepeatedAfterARestart() {
        fixture.dictionary.put("Festivalen flyttes", "The festival moves");
        fixture.dictionary.put(ReviewDefectsTest.DATE_SOURCE, ReviewDefectsTest.DATE_DROPPED);
        Article review = fixture.extracted("festival.docx", "Festivalen flyttes", null, List.of(paragraph(ReviewDefectsTest.DATE_SOURCE)));
        Article failed = fixture.extracted("other.docx", "Annen sak", null, List.of(paragraph("Noe helt annet skjedde i går kveld.")));
        Article fine = fixture.extracted("fine.docx", "Fin sak", null, List.of(paragraph("Alt gikk bra.")));
        fixture.translateAndReview();
        fixture.articles.changeState(failed.id(), ArticleState.FAILED, "publishing failed: mastodon/en: HTTP 401 token revoked");
        fixture.articles.changeState(fine.id(), ArticleState.PUBLISHED, "set by the test");

        failNext.set(1);
        int first = notifier().notifyPending();
        assertThat(first).as("the failed call is released and retried at the next poll").isEqualTo(1);
        assertThat(notifier().notifyPending()).isEqualTo(1);
        assertThat(received).extracting(node -> node.get("text").asText()).containsExactlyInAnyOrder(
                "Tolk: \"Festivalen flyttes\" (" + review.id() + ") is in review: en: quality checks found errors:"
                        + " b0: the number 13 is missing from the translation; b0: the date '13. mai' has no 'may' in the translation."
                        + " https://desk.example.org/article/" + review.id(),
                "Tolk: \"Annen sak\" (" + failed.id() + ") is failed: publishing failed: mastodon/en: HTTP 401 token revoked."
                        + " https://desk.example.org/article/" + failed.id());
        assertThat(received).allSatisfy(node -> assertThat(node.size()).isEqualTo(1));

        assertThat(notifier().notifyPending()).as("a new process over the same home").isZero();
        assertThat(received).hasSize(2);

        fixture.desk.reject(review.id(), "the date is missing", true, "rita");
        fixture.translateAndReview();
        assertThat(fixture.state(review.id())).isEqualTo("awaiting_translation");
        assertThat(notifier().notifyPending()).as("a new state is a new message").isEqualTo(1);
        assertThat(received.get(2).get("text").asText()).startsWith("Tolk: \"Festivalen flyttes\" (" + review.id() + ") is awaiting human translation");
    }
}
