package no.tolk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import no.tolk.Samples;
import no.tolk.article.Article;
import no.tolk.article.ArticleJson;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every good sample against the facts written down in samples/expected/<file>.json. */
class SampleArticlesTest {

    private static ArticleExtractor extractor;

    @BeforeAll
    static void createExtractor() {
        extractor = new ArticleExtractor(ExtractionLimits.defaults(), new LanguageIdentifier());
    }

    @AfterAll
    static void closeExtractor() {
        extractor.close();
    }

    static Stream<Path> samples() {
        return Samples.good().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleMatchesItsExpectedFacts(Path sample) throws Exception {
        JsonNode expected = ArticleJson.mapper().readTree(
                Samples.EXPECTED.resolve(sample.getFileName() + ".json").toFile());

        Article article = extractor.extract(sample);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(article.title()).as("title").isEqualTo(expected.get("title").asText());
        soft.assertThat(article.lead()).as("lead").startsWith(expected.get("leadStartsWith").asText());
        soft.assertThat(article.author()).as("author").isEqualTo(expected.get("author").asText());
        soft.assertThat(String.valueOf(article.published())).as("published").isEqualTo(expected.get("published").asText());
        soft.assertThat(article.revised() == null ? "null" : article.revised().toString()).as("revised")
                .isEqualTo(expected.get("revised").isNull() ? "null" : expected.get("revised").asText());
        soft.assertThat(article.language()).as("language").isEqualTo(expected.get("language").asText());
        soft.assertThat(texts(article, BlockType.HEADING)).as("headings").containsExactlyElementsOf(strings(expected.get("headings")));
        soft.assertThat(texts(article, BlockType.QUOTE)).as("quotes").hasSize(expected.get("quoteCount").asInt());
        if (expected.hasNonNull("listItems")) {
            soft.assertThat(texts(article, BlockType.LIST)).as("list items").containsExactlyElementsOf(strings(expected.get("listItems")));
        }
        if (expected.hasNonNull("tags") && !expected.get("tags").isEmpty()) {
            soft.assertThat(article.tags()).as("tags").containsExactlyInAnyOrderElementsOf(strings(expected.get("tags")));
        }
        if (expected.hasNonNull("photoCredit")) {
            String photographer = expected.get("photoCredit").asText().replaceFirst("^(Foto|Fotograf|Photo):\\s*", "");
            soft.assertThat(article.images()).as("photo credit")
                    .anySatisfy(image -> assertThat(image.credit()).isEqualTo(photographer));
        }
        String text = article.fullText();
        for (String mustContain : strings(expected.get("mustContain"))) {
            soft.assertThat(text).as("must contain").contains(mustContain);
        }
        for (String mustNotContain : strings(expected.get("mustNotContain"))) {
            soft.assertThat(article.blocks()).map(Block::text).as("must not contain").noneMatch(block -> block.contains(mustNotContain));
        }
        soft.assertThat(article.blocks()).map(Block::text).as("no block repeats the title").doesNotContain(article.title());
        soft.assertAll();
    }

    private static List<String> texts(Article article, BlockType type) {
        return article.blocks().stream().filter(block -> block.type() == type).map(Block::text).toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
