package no.tolk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.article.Received;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcArticleStoreTest {

    @TempDir
    Path home;

    @Test
    void concurrentRevisionsOfOneArticleAreNumberedOneAfterAnotherWithoutConflicts() throws Exception {
        JdbcArticleStore store = new JdbcArticleStore(open());
        int writers = 6;
        int revisionsEach = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Article>> saves = new ArrayList<>();
            for (int i = 0; i < writers * revisionsEach; i++) {
                int version = i;
                saves.add(() -> store.saveExtracted(received("klyngemote.docx", "klyngemote", "hash-" + version),
                        article("Klyngemøte på Hamar", "Versjon " + version)));
            }
            List<Integer> revisions = new ArrayList<>();
            String id = null;
            for (Future<Article> saved : pool.invokeAll(saves)) {
                revisions.add(saved.get().revision());
                id = saved.get().id();
            }

            assertThat(revisions).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, writers * revisionsEach).boxed().toList());
            assertThat(store.listArticles()).singleElement()
                    .satisfies(summary -> assertThat(summary.revision()).isEqualTo(writers * revisionsEach));
            assertThat(store.history(id)).hasSize(writers * revisionsEach);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void filesWithTheSameTitleArrivingTogetherBecomeRevisionsOfOneArticle() throws Exception {
        JdbcArticleStore store = new JdbcArticleStore(open());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Article>> saves = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int copy = i;
                saves.add(() -> store.saveExtracted(received("kopi-" + copy + ".txt", "kopi-" + copy, "hash-" + copy),
                        article("Tare fra Helgeland kan bli ny eksportvare", "Utkast " + copy)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Article> saved : pool.invokeAll(saves)) ids.add(saved.get().id());

            assertThat(ids).hasSize(4).containsOnly(ids.get(0));
            assertThat(store.listArticles()).singleElement()
                    .satisfies(summary -> assertThat(summary.revision()).isEqualTo(4));
        } finally {
            pool.shutdownNow();
        }
    }

    private DataSource open() {
        return Database.open(Database.defaultUrl(home), "", "");
    }

    private static Received received(String name, String sourceKey, String hash) {
        return new Received(name, sourceKey, hash, null);
    }

    private static Article article(String title, String paragraph) {
        return new Article(null, 0, "kilde.txt", "nb", title, null, null, null, null, List.of(), List.of(),
                List.of(new Block(BlockType.PARAGRAPH, paragraph)));
    }
}
