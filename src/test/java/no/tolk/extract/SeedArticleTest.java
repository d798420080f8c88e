package no.tolk.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import no.tolk.Samples;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real web-page dump from ../shared/seed, when it is there. */
class SeedArticleTest {

    private static ArticleExtractor extractor;

    @BeforeAll
    static void createExtractor() {
        extractor = new ArticleExtractor(ExtractionLimits.defaults(), new LanguageIdentifier());
    }

    @AfterAll
    static void closeExtractor() {
        extractor.close();
    }

    @Test
    void seedArticleIsUnderstood() throws Exception {
        assumeTrue(Samples.seed().isPresent(), "../shared/seed is not present");
        Path seed = Samples.seed().orElseThrow();

        Article article = extractor.extract(seed);

        assertThat(article.title()).isEqualTo("NCE Heidner Biocluster deltok på European Cluster Conference 2024");
        assertThat(article.lead()).startsWith("Linn Dybdahl, EU-rådgiver i NCE Heidner Biocluster");
        assertThat(article.author()).isEqualTo("linda-theres");
        assertThat(article.published()).isEqualTo(LocalDate.of(2024, 5, 13));
        assertThat(article.revised()).isEqualTo(LocalDate.of(2024, 5, 13));
        assertThat(article.language()).isEqualTo("nb");
        assertThat(texts(article, BlockType.HEADING))
                .containsExactly("Klynger er relevante", "Behov for en god forretningsmodell", "Konkurransekraft");
        assertThat(texts(article, BlockType.QUOTE)).hasSize(6).allMatch(text -> text.startsWith("– "));
        assertThat(article.blocks()).map(Block::text)
                .noneMatch(text -> text.contains("Meld deg på"))
                .noneMatch(text -> text.contains("Holsetgata"))
                .noneMatch(text -> text.contains("post@heidner.no"))
                .noneMatch(text -> text.contains("cookies"));
        assertThat(article.images()).first()
                .satisfies(image -> assertThat(image.credit()).isEqualTo("NCE Heidner Biocluster"))
                .satisfies(image -> assertThat(image.caption()).startsWith("Konferansen arrangeres annethvert år"));
        assertThat(article.images()).element(1)
                .as("a paragraph repeated behind the picture's alt text is that picture's caption")
                .satisfies(image -> assertThat(image.alt()).isEqualTo("Linn Dybdahl"))
                .satisfies(image -> assertThat(image.caption()).startsWith("NCE Heidner Biocluster var representert for å bygge"));
        assertThat(article.blocks()).map(Block::text)
                .as("the title is not repeated in the body")
                .doesNotContain(article.title());
        long repeatedParagraphs = article.blocks().stream()
                .filter(block -> block.type() == BlockType.PARAGRAPH)
                .map(Block::text).distinct().count();
        assertThat(repeatedParagraphs).isEqualTo(texts(article, BlockType.PARAGRAPH).size());
    }

    private static List<String> texts(Article article, BlockType type) {
        return article.blocks().stream().filter(block -> block.type() == type).map(Block::text).toList();
    }
}
