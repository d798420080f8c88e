package no.tolk.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import no.tolk.article.Article;
import no.tolk.article.Received;
import no.tolk.store.ArticleStore;
import no.tolk.store.ArticleStore.Extracted;
import no.tolk.store.ArticleStore.GroupOutcome;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores extracted articles in groups: the extract route hands each article over and moves on to the next
 * file, while one committer thread saves every article waiting (up to {@code maxGroup}) in one transaction
 * with one commit ({@link ArticleStore#saveExtractedGroup}). An exchange is completed only after the commit
 * of its group returned, so the inbox file (deleted when its exchange completes) is removed only once its
 * article is durable: a crash before the commit leaves the whole group's files in the inbox, and the content
 * ledger makes the second pass harmless (the per-file guarantee of the store, paid once per group).
 *
 * <p>The group is whatever waits when the committer comes round, gathered for at most {@code delay} after
 * the first article (PostgreSQL's {@code commit_delay} idea): zero adds no latency, a few milliseconds let a
 * burst of files share a commit.
 *
 * <p>In the route: the exchange's variable {@code received} ({@link Received}) and its body ({@link Article})
 * go in; the stored article (with id and revision) comes out as the body, or the store's failure as the
 * exchange's exception, which the route's error handler treats as any other.
 */
public class GroupCommit extends AsyncProcessorSupport implements AsyncProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private record Waiting(Extracted article, Exchange exchange, AsyncCallback callback) {
    }

    private final ArticleStore store;
    private final int maxGroup;
    private final long delayNanos;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    /**
     * Exchanges go on here, never on the committer thread: a failed exchange's redelivery delay (the route's error
     * handler) would otherwise sleep on the one thread that commits every group, and a node whose files fail (e.g.
     * content another instance stored at the same moment) would stop storing anything for seconds at a time.
     */
    private final java.util.concurrent.ExecutorService completions = java.util.concurrent.Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "group-commit-done");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Thread committer;
    private volatile boolean stopping;

    /**
     * @param maxGroup most articles in one transaction (at least 1)
     * @param delay    longest wait after the first article of a group for others to join (zero: none)
     */
    public GroupCommit(ArticleStore store, int maxGroup, Duration delay) {
        this.store = store;
        this.maxGroup = Math.max(1, maxGroup);
        this.delayNanos = Math.max(0, delay.toNanos());
    }

    @Override
    protected void doStart() {
        startCommitter();
    }

    /** Camel does not start a processor bean a route refers to by name, so the first article starts it too. */
    private synchronized void startCommitter() {
        if (committer != null && committer.isAlive()) return;
        stopping = false;
        committer = new Thread(this::commitGroups, "group-commit");
        committer.setDaemon(true);
        committer.start();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Received received = exchange.getVariable("received", Received.class);
        Article article = exchange.getMessage().getBody(Article.class);
        if (received == null || article == null) {
            exchange.setException(new IllegalStateException("group commit needs the variable 'received' and an Article body"));
            callback.done(true);
            return true;
        }
        if (committer == null || !committer.isAlive()) startCommitter();
        queue.add(new Waiting(new Extracted(received, article), exchange, callback));
        return false;
    }

    private void commitGroups() {
        List<Waiting> group = new ArrayList<>(maxGroup);
        while (!stopping || !queue.isEmpty()) {
            try {
                Waiting first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                group.add(first);
                long until = System.nanoTime() + delayNanos;
                while (group.size() < maxGroup) {
                    long left = until - System.nanoTime();
                    Waiting next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) break;
                    group.add(next);
                }
                commit(group);
            } catch (InterruptedException e) {
                if (!stopping) LOG.warn("Group commit interrupted; {} article(s) left unstored stay in the inbox", queue.size());
                return;
            } catch (RuntimeException | Error e) {
                // never lose the committer: fail the group, keep serving the others
                LOG.error("Group commit failed unexpectedly", e);
                for (Waiting waiting : group) {
                    waiting.exchange().setException(e);
                    completions.execute(() -> waiting.callback().done(false));
                }
            } finally {
                group.clear();
            }
        }
    }

    private void commit(List<Waiting> group) {
        List<GroupOutcome> outcomes = store.saveExtractedGroup(group.stream().map(Waiting::article).toList());
        for (int i = 0; i < group.size(); i++) {
            Waiting waiting = group.get(i);
            GroupOutcome outcome = outcomes.get(i);
            if (outcome.failure() != null) waiting.exchange().setException(outcome.failure());
            else waiting.exchange().getMessage().setBody(outcome.article());
        }
        // only now, with the group durable, do the exchanges go on (and their inbox files get deleted)
        for (Waiting waiting : group) {
            completions.execute(() -> {
                try {
                    waiting.callback().done(false);
                } catch (RuntimeException e) {
                    LOG.error("Completing a stored article's exchange failed", e);
                }
            });
        }
    }

    /** Commits what is waiting, then ends the committer thread (called when the Camel context stops). */
    @Override
    protected synchronized void doStop() throws Exception {
        stopping = true;
        if (committer != null) committer.join(30_000);
    }
}
