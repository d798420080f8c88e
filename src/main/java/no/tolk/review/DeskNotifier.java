package no.tolk.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import no.tolk.article.ArticleJson;
import no.tolk.store.ArticleStore;
import no.tolk.store.ArticleSummary;
import no.tolk.store.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people when an article needs one: a JSON {@code {"text": "..."}} POST to an incoming webhook (the body
 * Slack, Mattermost and Microsoft Teams incoming webhooks all accept), with a link to the article on the desk.
 * At most one message per article, revision and state, also across restarts: the {@code desk_notification} row
 * is claimed before the call (its primary key stops a second process too) and released when the call fails, so
 * the next poll tries again.
 */
public class DeskNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(DeskNotifier.class);

    private final ArticleStore articles;
    private final Sql database;
    private final URI webhook;
    private final String deskUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    /** @param webhook null or blank: nothing is sent */
    public DeskNotifier(ArticleStore articles, DataSource dataSource, String webhook, String deskUrl, Duration timeout, Clock clock) {
        this.articles = articles;
        this.database = new Sql(dataSource, "desk notifications");
        this.webhook = webhook == null || webhook.isBlank() ? null : URI.create(webhook.strip());
        this.deskUrl = deskUrl == null ? "" : deskUrl.strip().replaceAll("/+$", "");
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Sends what is due; returns how many messages were sent. */
    public int notifyPending() {
        if (webhook == null) return 0;
        int sent = 0;
        for (ArticleSummary article : articles.listArticles()) {
            if (!DeskService.ATTENTION.contains(article.state())) continue;
            if (!claim(article)) continue;
            try {
                send(text(article));
                sent++;
            } catch (IOException | RuntimeException e) {
                release(article);
                LOG.warn("Webhook message about article {} not sent (tried again at the next poll): {}", article.id(), e.getMessage());
            } catch (InterruptedException e) {
                release(article);
                Thread.currentThread().interrupt();
                return sent;
            }
        }
        return sent;
    }

    String text(ArticleSummary article) {
        String link = article.state().equals("quarantined") ? deskUrl + "/"
                : deskUrl + "/article/" + URLEncoder.encode(article.id(), StandardCharsets.UTF_8);
        String why = article.lastError() == null || article.lastError().isBlank() ? "" : ": " + clip(article.lastError(), 300);
        return "Tolk: \"" + clip(article.title() == null ? article.id() : article.title(), 120) + "\" (" + article.id() + ") is "
                + DeskService.stateLabel(article.state()) + why + ". " + link;
    }

    private void send(String text) throws IOException, InterruptedException {
        String body;
        try {
            body = ArticleJson.mapper().writeValueAsString(Map.of("text", text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(webhook).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the webhook answered HTTP " + response.statusCode());
        }
    }

    private boolean claim(ArticleSummary article) {
        if (!database.query("select 1 from desk_notification where article_id = ? and revision = ? and state = ?",
                rs -> 1, article.id(), article.revision(), article.state()).isEmpty()) {
            return false;
        }
        try {
            database.update("insert into desk_notification (article_id, revision, state, sent_at) values (?, ?, ?, ?)",
                    article.id(), article.revision(), article.state(), Timestamp.from(clock.instant()));
            return true;
        } catch (RuntimeException e) {
            return false; // another process claimed it
        }
    }

    private void release(ArticleSummary article) {
        database.update("delete from desk_notification where article_id = ? and revision = ? and state = ?",
                article.id(), article.revision(), article.state());
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
