package no.tolk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import net.dankito.readability4j.Readability4J;
import no.tolk.article.Article;
import org.junit.jupiter.api.Test;

/**
 * Main-text benchmark (see {@link MainTextPages} for how the pages are made): snippet-level precision,
 * recall and F1 as in the ScrapingHub article-extraction benchmark and trafilatura's evaluation. A snippet
 * that must appear and does is a true positive, one that is missing a false negative; a chrome snippet that
 * appears is a false positive. A refused page finds nothing. Prints Tolk's figures next to Readability4J's
 * (Mozilla Readability ported to the JVM) on the same pages, and fails when Tolk's F1 is below 0.95.
 */
class MainTextBenchmarkTest {

    private static final Path DIR = MainTextPages.DIR;

    record Score(int truePositives, int falseNegatives, int falsePositives, int refused) {
        double precision() {
            return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 0 : (double) truePositives / (truePositives + falseNegatives);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Score plus(Score other) {
            return new Score(truePositives + other.truePositives, falseNegatives + other.falseNegatives,
                    falsePositives + other.falsePositives, refused + other.refused);
        }

        @Override
        public String toString() {
            return String.format("precision %.3f  recall %.3f  F1 %.3f  (tp %d, fn %d, fp %d, refused %d)",
                    precision(), recall(), f1(), truePositives, falseNegatives, falsePositives, refused);
        }
    }

    @Test
    void tolkFindsTheMainTextOfPagesInManyShapes() throws Exception {
        Map<String, List<String[]>> snippets = snippets();
        assertThat(snippets).as("pages in the benchmark").hasSizeGreaterThanOrEqualTo(100);
        List<String> misses = new ArrayList<>();
        Score tolk;
        try (ArticleExtractor extractor = new ArticleExtractor(ExtractionLimits.defaults(), new LanguageIdentifier())) {
            tolk = run("Tolk", snippets, misses, file -> {
                try {
                    Article article = extractor.extract(DIR.resolve(file));
                    return article.fullText();
                } catch (ExtractionException e) {
                    return null;
                }
            });
        }
        Score readability = run("Readability4J", snippets, new ArrayList<>(), file -> {
            try {
                String html = Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
                net.dankito.readability4j.Article article = new Readability4J("https://example.org/" + file, html).parse();
                String text = article.getTextContent();
                return text == null || text.isBlank() ? null : article.getTitle() + "\n" + text;
            } catch (Exception | LinkageError e) {
                return null;
            }
        });
        System.out.printf("Main-text benchmark, %d pages:%n  Tolk          %s%n  Readability4J %s%n", snippets.size(), tolk, readability);
        misses.stream().limit(60).forEach(miss -> System.out.println("  miss " + miss));
        assertThat(tolk.f1()).as("Tolk's main-text F1; misses: " + misses).isGreaterThanOrEqualTo(0.95);
    }

    private static Score run(String label, Map<String, List<String[]>> snippets, List<String> misses, Function<String, String> extract) {
        Score total = new Score(0, 0, 0, 0);
        Map<String, Score> byShape = new TreeMap<>();
        for (Map.Entry<String, List<String[]>> page : snippets.entrySet()) {
            String text = extract.apply(page.getKey());
            int tp = 0;
            int fn = 0;
            int fp = 0;
            for (String[] snippet : page.getValue()) {
                boolean found = text != null && normalise(text).contains(normalise(snippet[1]));
                if (snippet[0].equals("+")) {
                    if (found) tp++;
                    else {
                        fn++;
                        misses.add(page.getKey() + " lost: " + snippet[1]);
                    }
                } else if (found) {
                    fp++;
                    misses.add(page.getKey() + " kept: " + snippet[1]);
                }
            }
            Score score = new Score(tp, fn, fp, text == null ? 1 : 0);
            total = total.plus(score);
            byShape.merge(page.getKey().replaceAll("^\\d+-|-[a-z]{2}\\.html$", ""), score, Score::plus);
        }
        System.out.println("  " + label + " by shape:");
        byShape.forEach((shape, score) -> System.out.printf("    %-18s %s%n", shape, score));
        return total;
    }

    private static String normalise(String text) {
        return Text.clean(text).replaceAll("\\s+", " ");
    }

    private static Map<String, List<String[]>> snippets() throws Exception {
        Map<String, List<String[]>> snippets = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("snippets.tsv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] parts = line.split("\t", 3);
            snippets.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(new String[] {parts[1], parts[2]});
        }
        return snippets;
    }
}
