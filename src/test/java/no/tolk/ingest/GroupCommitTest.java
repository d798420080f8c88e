package no.tolk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.article.Received;
import no.tolk.store.ArticleStore;
import no.tolk.store.Database;
import no.tolk.store.JdbcArticleStore;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The group commit of extracted articles on the embedded database: an exchange (and with it the inbox file)
 * completes only after the group holding its article is committed, many articles share one commit, and an
 * article the store refuses fails its own exchange only.
 */
class GroupCommitTest {

    @TempDir
    Path home;

    private final CamelContext camel = new DefaultCamelContext();
    private GroupCommit groups;

    @AfterEach
    void stop() throws Exception {
        if (groups != null) groups.stop();
    }

    @Test
    void exchangesCompleteOnlyAfterTheirGroupIsCommitted() throws Exception {
        JdbcArticleStore store = new JdbcArticleStore(Database.open(Database.defaultUrl(home), "", ""));
        CountDownLatch inCommit = new CountDownLatch(1);
        CountDownLatch diskDone = new CountDownLatch(1);
        List<Integer> groupSizes = new ArrayList<>();
        ArticleStore slowDisk = new DelegatingStore(store) {
            @Override
            public List<GroupOutcome> saveExtractedGroup(List<Extracted> group) {
                groupSizes.add(group.size());
                inCommit.countDown();
                awaitRelease(diskDone);
                return store.saveExtractedGroup(group);
            }
        };
        // a group closes when full (5) long before its delay (60 s) is up
        groups = new GroupCommit(slowDisk, 5, Duration.ofSeconds(60));
        groups.start();

        AtomicInteger completed = new AtomicInteger();
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < 5; i++) exchanges.add(exchange("sak-" + i + ".txt", "Sak nummer " + i + " om havbruk"));
        for (Exchange exchange : exchanges) {
            assertThat(groups.process(exchange, sync -> completed.incrementAndGet())).as("handed over, not done").isFalse();
        }

        assertThat(inCommit.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(completed).as("no exchange completes while its group is being written").hasValue(0);
        assertThat(store.listArticles()).isEmpty();
        diskDone.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> completed.get() == 5);
        assertThat(groupSizes).containsExactly(5);
        assertThat(exchanges).allSatisfy(exchange -> {
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getBody(Article.class).id()).isNotNull();
        });
        assertThat(store.listArticles()).hasSize(5);
    }

    @Test
    void anArticleTheStoreRefusesFailsOnlyItsOwnExchange() throws Exception {
        JdbcArticleStore store = new JdbcArticleStore(Database.open(Database.defaultUrl(home), "", ""));
        groups = new GroupCommit(store, 3, Duration.ofSeconds(60));
        groups.start();
        AtomicInteger completed = new AtomicInteger();

        Exchange first = exchange("ferje.txt", "Ny ferje til Lofoten");
        Exchange sameBytes = exchange("ferje-kopi.txt", "Ny ferje til Lofoten");
        Exchange other = exchange("tare.md", "Tare fra Helgeland");
        for (Exchange exchange : List.of(first, sameBytes, other)) groups.process(exchange, sync -> completed.incrementAndGet());

        await().atMost(Duration.ofSeconds(10)).until(() -> completed.get() == 3);
        assertThat(first.getException()).isNull();
        assertThat(other.getException()).isNull();
        assertThat(sameBytes.getException()).isNotNull();
        assertThat(store.listArticles()).extracting(summary -> summary.title())
                .containsExactlyInAnyOrder("Ny ferje til Lofoten", "Tare fra Helgeland");
    }

    private Exchange exchange(String name, String title) {
        Exchange exchange = new DefaultExchange(camel);
        // the content hash stands for the bytes: the same title means the same file here
        exchange.setVariable("received", new Received(name, "file:" + name.replaceAll("\\..*", ""), "hash-" + title.hashCode(), null));
        exchange.getMessage().setBody(new Article(null, 0, name, "nb", title, null, null, LocalDate.of(2025, 3, 3), null,
                List.of(), List.of(), List.of(new Block(BlockType.PARAGRAPH, title + ": en sak skrevet for testen."))));
        return exchange;
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every call to the given store, so a test can change one. */
    private static class DelegatingStore implements ArticleStore {
        private final ArticleStore store;

        DelegatingStore(ArticleStore store) {
            this.store = store;
        }

        @Override
        public java.util.Optional<no.tolk.store.ContentRecord> findContent(String contentHash) {
            return store.findContent(contentHash);
        }

        @Override
        public Article saveExtracted(Received received, Article extracted) {
            return store.saveExtracted(received, extracted);
        }

        @Override
        public no.tolk.store.ContentRecord saveQuarantined(Received received, String reason) {
            return store.saveQuarantined(received, reason);
        }

        @Override
        public no.tolk.store.ContentRecord saveSkipped(Received received, Article extracted, String reason) {
            return store.saveSkipped(received, extracted, reason);
        }

        @Override
        public void changeState(String articleId, no.tolk.article.ArticleState newState, String reason) {
            store.changeState(articleId, newState, reason);
        }

        @Override
        public java.util.Optional<Article> findArticle(String articleId) {
            return store.findArticle(articleId);
        }

        @Override
        public List<no.tolk.store.ArticleSummary> listArticles() {
            return store.listArticles();
        }

        @Override
        public java.util.Map<String, Integer> countByState() {
            return store.countByState();
        }

        @Override
        public java.util.Optional<no.tolk.store.ArticleSummary> findSummary(String articleId) {
            return store.findSummary(articleId);
        }

        @Override
        public List<no.tolk.store.ArticleSummary> listInState(no.tolk.article.ArticleState state) {
            return store.listInState(state);
        }

        @Override
        public no.tolk.store.WorkClaims claims() {
            return store.claims();
        }
    }
}
