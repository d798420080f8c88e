package no.tolk.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import no.tolk.article.ArticleJson;
import no.tolk.config.Settings;
import no.tolk.store.ArticleSummary;
import no.tolk.store.JdbcArticleStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", description = "List articles with their state and last error (works while 'run' is running).")
public class StatusCommand implements Callable<Integer> {

    @Mixin
    HomeOption home;

    @Option(names = "--json", description = "Print {\"articles\": [...]} for scripts")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.load(home.resolve());
        List<ArticleSummary> articles = new JdbcArticleStore(StoreAccess.open(settings)).listArticles();
        if (json) {
            List<Map<String, Object>> rows = articles.stream().map(StatusCommand::row).toList();
            System.out.println(ArticleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("articles", rows)));
        } else {
            printTable(articles);
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

    private static void printTable(List<ArticleSummary> articles) {
        if (articles.isEmpty()) {
            System.out.println("No articles yet. Drop files into the inbox and run 'tolk once' or 'tolk run'.");
            return;
        }
        Map<String, Integer> perState = new TreeMap<>();
        articles.forEach(article -> perState.merge(article.state(), 1, Integer::sum));
        String format = "%-10s  %-12s  %3s  %-50s  %s%n";
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
