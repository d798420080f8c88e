package no.tolk.ingest.feed;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import no.tolk.article.Article;

/** What one round over the configured feeds did: per feed whether it worked, per item outcome counts. */
public record PollReport(int feedsPolled, int feedsFailed, int feedsWaiting, Map<ItemOutcome, Integer> items, List<Article> stored) {

    public int count(ItemOutcome outcome) {
        return items.getOrDefault(outcome, 0);
    }

    public int newArticles() {
        return count(ItemOutcome.NEW);
    }

    public int itemsSeen() {
        return items.values().stream().mapToInt(Integer::intValue).sum();
    }

    static final class Tally {
        int polled;
        int failed;
        int waiting;
        final Map<ItemOutcome, Integer> items = new EnumMap<>(ItemOutcome.class);
        final List<Article> stored = new ArrayList<>();

        void add(FeedItemImporter.Imported imported) {
            items.merge(imported.outcome(), 1, Integer::sum);
            if (imported.article() != null) stored.add(imported.article());
        }

        PollReport report() {
            return new PollReport(polled, failed, waiting, Map.copyOf(items), List.copyOf(stored));
        }
    }

    @Override
    public String toString() {
        return feedsPolled + " feeds polled (" + feedsFailed + " failing, " + feedsWaiting + " waiting), items " + items;
    }
}
