package no.tolk.cli;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import no.tolk.article.ArticleJson;
import javax.sql.DataSource;
import no.tolk.config.Settings;
import no.tolk.ingest.feed.FeedConfiguration;
import no.tolk.ingest.feed.FeedSource;
import no.tolk.ingest.feed.JdbcFeedLedger;
import no.tolk.store.ArticleSummary;
import no.tolk.store.InstanceRegistry;
import no.tolk.store.WorkClaims;
import no.tolk.store.JdbcArticleStore;
import no.tolk.store.JdbcTranslationStore;
import no.tolk.translate.Translation;
import no.tolk.store.JdbcPublicationLedger;
import no.tolk.publish.Publication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", description = "List articles with their state and last error, failed publications, and the feeds' health (works while 'run' is running).")
public class StatusCommand implements Callable<Integer> {

    @Mixin
    HomeOption home;

    @Option(names = "--json", description = "Print {\"articles\": [...], \"feeds\": [...]} for scripts")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.load(home.resolve());
        DataSource dataSource = StoreAccess.open(settings);
        JdbcArticleStore store = new JdbcArticleStore(dataSource);
        List<ArticleSummary> articles = store.listArticles();
        Map<String, Integer> counts = new TreeMap<>(store.countByState());
        List<FeedSource> feeds = feedSources(settings, new JdbcFeedLedger(dataSource));
        List<Publication> failedPublications = new JdbcPublicationLedger(dataSource, java.time.Clock.systemUTC()).failed();
        List<InstanceRegistry.Instance> instances = new InstanceRegistry(dataSource, "status",
                java.time.Duration.ofMillis(Long.parseLong(settings.get("tolk.instance.heartbeat-interval", "10000").strip())),
                java.time.Clock.systemUTC()).instances();
        List<WorkClaims.Claim> claims = store.claims().current();
        List<no.tolk.store.DuplicateLedger.Duplicate> duplicates = new no.tolk.store.DuplicateLedger(dataSource,
                java.time.Clock.systemUTC()).recent(MAX_DUPLICATES_SHOWN);
        if (json) {
            JdbcTranslationStore translations = new JdbcTranslationStore(dataSource, java.time.Clock.systemUTC());
            List<Map<String, Object>> rows = articles.stream().map(article -> {
                Map<String, Object> row = row(article);
                row.put("translations", translations.findAll(article.id()).stream().map(StatusCommand::translationRow).toList());
                return row;
            }).toList();
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("articles", rows);
            document.put("counts", counts);
            document.put("attention", articles.stream().filter(article -> action(article) != null).map(article -> {
                Map<String, Object> row = row(article);
                row.put("action", action(article));
                return row;
            }).toList());
            document.put("feeds", feeds.stream().map(StatusCommand::feedRow).toList());
            document.put("failedPublications", failedPublications);
            document.put("instances", instances);
            document.put("claims", claims);
            document.put("duplicates", duplicates);
            System.out.println(ArticleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document));
        } else {
            printTable(articles);
            printAttention(articles);
            printFeeds(feeds);
            printPublications(failedPublications);
            printCluster(instances, claims);
            printDuplicates(duplicates);
        }
        return 0;
    }

    private static Map<String, Object> row(ArticleSummary article) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", article.id());
        row.put("title", article.title());
        row.put("state", article.state());
        row.put("revision", article.revision());
        row.put("lastError", article.lastError());
        return row;
    }

    /** A stored translation of the current revision: "translated", or "in_review" when quality checks found errors. */
    private static Map<String, Object> translationRow(Translation translation) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("language", translation.language());
        row.put("state", translation.hasErrors() ? "in_review" : "translated");
        row.put("engine", translation.engine());
        return row;
    }

    private static final int MAX_DUPLICATES_SHOWN = 50;

    /** Files taken from the inbox without processing because their exact bytes came before, most recent first. */
    private static void printDuplicates(List<no.tolk.store.DuplicateLedger.Duplicate> duplicates) {
        if (duplicates.isEmpty()) return;
        System.out.println();
        System.out.println("Duplicates (same bytes as a file received before; not processed again"
                + (duplicates.size() == MAX_DUPLICATES_SHOWN ? ", the latest " + MAX_DUPLICATES_SHOWN : "") + "):");
        for (no.tolk.store.DuplicateLedger.Duplicate duplicate : duplicates) {
            String first = duplicate.articleId() == null ? duplicate.outcome()
                    : "article " + duplicate.articleId() + " (" + duplicate.outcome() + ")";
            System.out.printf("  %s  = %s%s%s%n", clip(duplicate.sourceName(), 60),
                    duplicate.firstSource() == null || duplicate.firstSource().equals(duplicate.sourceName()) ? ""
                            : duplicate.firstSource() + ", ", first,
                    duplicate.times() > 1 ? ", " + duplicate.times() + " times" : "");
        }
    }

    /** What staff should do about an article, or null when it needs nobody. */
    static String action(ArticleSummary article) {
        return switch (article.state()) {
            case "failed" -> "fix the cause in the last error, then: tolk retry " + article.id();
            case "quarantined" -> "fix the file in quarantine/ (its .error.txt says why) and drop it into inbox/ again";
            case "waiting_for_quota" -> "retried when the engine's quota or budget allows; after raising it: tolk retry " + article.id();
            case "awaiting_translation" -> "translate translations/outbox/" + article.id()
                    + "-r*.xlf in a CAT tool and drop the result into translations/inbox/";
            case "in_review" -> "tolk approve " + article.id() + "   or   tolk reject " + article.id() + " --reason \"what is wrong\"";
            default -> null;
        };
    }

    private static void printAttention(List<ArticleSummary> articles) {
        List<ArticleSummary> attention = articles.stream().filter(article -> action(article) != null).toList();
        if (attention.isEmpty()) return;
        System.out.println();
        System.out.println("Needs attention (" + attention.size() + "):");
        for (ArticleSummary article : attention) {
            System.out.printf("  %-10s  %-17s  %s%n", article.id(), article.state(), clip(article.title(), 60));
            if (article.lastError() != null) System.out.println("      last error: " + clip(article.lastError(), 160));
            System.out.println("      to act:     " + action(article));
        }
    }

    /** Configured feeds first (also those never polled), then any others still remembered. */
    private static List<FeedSource> feedSources(Settings settings, JdbcFeedLedger ledger) {
        Map<String, FeedSource> known = new LinkedHashMap<>();
        FeedConfiguration.feedList(settings.get("tolk.ingest.feeds")).forEach(url -> known.put(url, FeedSource.unseen(url)));
        ledger.listSources().stream().filter(source -> known.containsKey(source.url())).forEach(source -> known.put(source.url(), source));
        return List.copyOf(known.values());
    }

    private static Map<String, Object> feedRow(FeedSource feed) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("url", feed.url());
        row.put("lastSuccess", feed.lastSuccessAt());
        row.put("lastError", feed.failing() ? feed.lastError() : null);
        row.put("failures", feed.consecutiveFailures());
        row.put("nextPoll", feed.nextPollAt());
        return row;
    }

    private static void printFeeds(List<FeedSource> feeds) {
        if (feeds.isEmpty()) return;
        System.out.println();
        System.out.println("Feeds:");
        String format = "%-60s  %-20s  %s%n";
        System.out.printf(format, "URL", "LAST SUCCESS", "LAST ERROR");
        for (FeedSource feed : feeds) {
            String success = feed.lastSuccessAt() == null ? "never" : feed.lastSuccessAt().truncatedTo(ChronoUnit.SECONDS).toString();
            String error = feed.failing() ? feed.consecutiveFailures() + "x: " + clip(feed.lastError(), 80) : "";
            System.out.printf(format, clip(feed.url(), 60), success, error);
        }
    }

    private static void printPublications(List<Publication> failed) {
        if (failed.isEmpty()) return;
        System.out.println();
        System.out.println("Publications needing attention (fix the cause, then 'tolk retry ID'):");
        String format = "%-10s  %-20s  %-4s  %8s  %s%n";
        System.out.printf(format, "ID", "TARGET", "LANG", "ATTEMPTS", "CAUSE");
        for (Publication publication : failed) {
            System.out.printf(format, publication.articleId(), clip(publication.target(), 20), publication.language(),
                    publication.attempts(), clip(publication.lastError(), 100));
        }
    }

    /** The instances working on this store (heartbeats) and which articles each holds now. */
    private static void printCluster(List<InstanceRegistry.Instance> instances, List<WorkClaims.Claim> claims) {
        if (instances.isEmpty() && claims.isEmpty()) return;
        System.out.println();
        System.out.println("Instances (tolk.instance.id; alive = heartbeat within three intervals):");
        String format = "%-40s  %-5s  %-20s  %s%n";
        System.out.printf(format, "INSTANCE", "ALIVE", "LAST HEARTBEAT", "WORKING ON");
        for (InstanceRegistry.Instance instance : instances) {
            String held = claims.stream().filter(claim -> claim.owner().equals(instance.id()))
                    .map(claim -> claim.articleId() + " (" + claim.stage() + ")").reduce((a, b) -> a + ", " + b).orElse("");
            System.out.printf(format, clip(instance.id(), 40), instance.alive() ? "yes" : "no",
                    instance.lastHeartbeat().truncatedTo(ChronoUnit.SECONDS), clip(held, 100));
        }
        claims.stream().filter(claim -> instances.stream().noneMatch(instance -> instance.id().equals(claim.owner())))
                .forEach(claim -> System.out.printf(format, clip(claim.owner(), 40), "?", "never",
                        claim.articleId() + " (" + claim.stage() + ")"));
    }

    private static void printTable(List<ArticleSummary> articles) {
        if (articles.isEmpty()) {
            System.out.println("No articles yet. Drop files into the inbox and run 'tolk once' or 'tolk run'.");
            return;
        }
        Map<String, Integer> perState = new TreeMap<>();
        articles.forEach(article -> perState.merge(article.state(), 1, Integer::sum));
        String format = "%-10s  %-20s  %3s  %-50s  %s%n";
        System.out.printf(format, "ID", "STATE", "REV", "TITLE", "LAST ERROR");
        for (ArticleSummary article : articles) {
            System.out.printf(format, article.id(), article.state(), article.revision(),
                    clip(article.title(), 50), article.lastError() == null ? "" : clip(article.lastError(), 80));
        }
        System.out.println();
        System.out.println(articles.size() + " articles: " + perState.entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey()).reduce((a, b) -> a + ", " + b).orElse(""));
        if (perState.containsKey("quarantined")) {
            System.out.println("Quarantined files are in quarantine/ with a .error.txt report; fix them and drop them into inbox/ again.");
        }
    }

    private static String clip(String text, int width) {
        if (text == null) return "";
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
