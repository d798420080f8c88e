package no.tolk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import no.tolk.article.Article;
import no.tolk.article.ArticleJson;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import org.junit.jupiter.api.Test;

/**
 * The labelled extraction corpus: documents of many shapes that nobody wrote for Tolk's own rules, each
 * with the facts a person reads off it. Layout: {@code src/test/resources/corpus/<shape>/<name>.<ext>}
 * next to {@code <name>.<ext>.expected.json} holding {@code title}, {@code published} (ISO date or null),
 * {@code author} (or null), {@code leadStart} (the first words of the lead, or null when there is none),
 * {@code headings} (every heading block, in order) and {@code language}; optionally {@code revised} (ISO date or
 * null) and {@code firstParagraph} (the exact text of the first body paragraph), scored only where given. An
 * expected file may instead hold
 * {@code "refused": "<words the refusal message contains>"} for a document that is not an article.
 *
 * <p>Prints per-field accuracy and fails when any field is below 95 %, or when the corpus is smaller than
 * 40 documents in 12 shapes (skip that size check with {@code -Dtolk.corpus.partial=true} while a branch
 * holds only part of it).
 */
class ExtractionCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/corpus");
    static final List<String> FIELDS = List.of("title", "published", "author", "leadStart", "headings", "language", "refused",
            "revised", "firstParagraph");

    @Test
    void perFieldAccuracyOnTheLabelledCorpus() throws Exception {
        List<Path> documents = documents();
        Map<String, int[]> score = new LinkedHashMap<>();
        FIELDS.forEach(field -> score.put(field, new int[2]));
        List<String> misses = new ArrayList<>();
        TreeSet<String> shapes = new TreeSet<>();
        try (ArticleExtractor extractor = new ArticleExtractor(ExtractionLimits.defaults(), new LanguageIdentifier())) {
            for (Path document : documents) {
                shapes.add(CORPUS.relativize(document).getName(0).toString());
                JsonNode expected = ArticleJson.mapper().readTree(expectedFile(document).toFile());
                String name = CORPUS.relativize(document).toString();
                Article article = null;
                String refusal = null;
                try {
                    article = extractor.extract(document);
                } catch (ExtractionException e) {
                    refusal = e.getMessage();
                }
                if (expected.has("refused")) {
                    boolean right = refusal != null && refusal.toLowerCase().contains(expected.get("refused").asText().toLowerCase());
                    count(score, "refused", right, misses, name, expected.get("refused").asText(), refusal);
                    continue;
                }
                if (article == null) {
                    for (String field : FIELDS.subList(0, 6)) count(score, field, false, misses, name, "an article", refusal);
                    continue;
                }
                count(score, "title", Objects.equals(text(expected, "title"), article.title()), misses, name, text(expected, "title"), article.title());
                count(score, "published", Objects.equals(text(expected, "published"), article.published() == null ? null : article.published().toString()),
                        misses, name, text(expected, "published"), article.published());
                count(score, "author", Objects.equals(text(expected, "author"), article.author()), misses, name, text(expected, "author"), article.author());
                String leadStart = text(expected, "leadStart");
                boolean leadRight = leadStart == null ? article.lead() == null : article.lead() != null && article.lead().startsWith(leadStart);
                count(score, "leadStart", leadRight, misses, name, leadStart, article.lead());
                List<String> headings = new ArrayList<>();
                expected.path("headings").forEach(h -> headings.add(h.asText()));
                List<String> actualHeadings = article.blocks().stream().filter(b -> b.type() == BlockType.HEADING).map(Block::text).toList();
                count(score, "headings", headings.equals(actualHeadings), misses, name, headings, actualHeadings);
                count(score, "language", Objects.equals(text(expected, "language"), article.language()), misses, name, text(expected, "language"), article.language());
                if (expected.has("revised")) {
                    String revised = article.revised() == null ? null : article.revised().toString();
                    count(score, "revised", Objects.equals(text(expected, "revised"), revised), misses, name, text(expected, "revised"), revised);
                }
                if (expected.has("firstParagraph")) {
                    String first = article.blocks().stream().filter(b -> b.type() == BlockType.PARAGRAPH).map(Block::text).findFirst().orElse(null);
                    count(score, "firstParagraph", Objects.equals(text(expected, "firstParagraph"), first), misses, name, text(expected, "firstParagraph"), first);
                }
            }
        }
        System.out.printf("Extraction corpus: %d documents in %d shapes %s%n", documents.size(), shapes.size(), shapes);
        score.forEach((field, s) -> {
            if (s[1] > 0) System.out.printf("  %-10s %5.1f %% (%d/%d)%n", field, 100.0 * s[0] / s[1], s[0], s[1]);
        });
        misses.forEach(miss -> System.out.println("  miss " + miss));

        if (!Boolean.getBoolean("tolk.corpus.partial")) {
            assertThat(documents).as("documents in the corpus").hasSizeGreaterThanOrEqualTo(40);
            assertThat(shapes).as("shapes in the corpus").hasSizeGreaterThanOrEqualTo(12);
        }
        score.forEach((field, s) -> {
            if (s[1] > 0) assertThat(100.0 * s[0] / s[1]).as("accuracy of " + field + ", misses: " + misses).isGreaterThanOrEqualTo(95.0);
        });
    }

    static List<Path> documents() throws IOException {
        if (!Files.isDirectory(CORPUS)) return List.of();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith(".expected.json"))
                    .filter(f -> !f.getFileName().toString().equals("README.md"))
                    .filter(f -> Files.exists(expectedFile(f)))
                    .sorted().toList();
        }
    }

    static Path expectedFile(Path document) {
        return document.resolveSibling(document.getFileName() + ".expected.json");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void count(Map<String, int[]> score, String field, boolean right, List<String> misses,
                              String document, Object expected, Object actual) {
        int[] s = score.get(field);
        s[1]++;
        if (right) s[0]++;
        else misses.add(document + " " + field + ": expected <" + expected + "> but was <" + actual + ">");
    }
}
