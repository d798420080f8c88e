package no.tolk.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import no.tolk.article.Article;
import no.tolk.article.BlockType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text files in the encodings staff's tools really write: Windows-1252 without a BOM, and UTF-8 saved twice. */
class PlainTextEncodingTest {

    private static ArticleExtractor extractor;

    @TempDir
    Path folder;

    @BeforeAll
    static void createExtractor() {
        extractor = new ArticleExtractor(ExtractionLimits.defaults(), new LanguageIdentifier());
    }

    @AfterAll
    static void closeExtractor() {
        extractor.close();
    }

    private static final String ARTICLE = """
            Skolen på Tjøme får ny gymsal

            Kommunestyret vedtok torsdag å bygge en ny gymsal ved skolen på Tjøme, og arbeidet starter til høsten.

            – Elevene har ventet lenge på dette, sier rektor Åse Bøe til lokalavisen etter møtet i rådhuset.

            Den gamle salen fra 1962 har vært stengt siden februar på grunn av fuktskader i gulvet og i veggene.
            Byggingen skal etter planen være ferdig før skolestart neste år, og prisen er anslått til 48 millioner kroner.
            """;

    @Test
    void windows1252WithoutADeclarationKeepsItsDashesAndLetters() throws Exception {
        Path file = folder.resolve("gymsal.txt");
        Files.write(file, ARTICLE.getBytes(Charset.forName("windows-1252")));

        Article article = extractor.extract(file);

        assertThat(article.title()).isEqualTo("Skolen på Tjøme får ny gymsal");
        assertThat(article.fullText()).doesNotContainPattern("[\\u0080-\\u009F]").contains("rektor Åse Bøe");
        assertThat(article.blocks()).anySatisfy(block -> {
            assertThat(block.type()).isEqualTo(BlockType.QUOTE);
            assertThat(block.text()).contains("Elevene har ventet lenge");
        });
    }

    @Test
    void utf8SavedTwiceIsRepaired() throws Exception {
        String twice = new String(ARTICLE.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));
        Path file = folder.resolve("gymsal-dobbel.txt");
        Files.writeString(file, twice, StandardCharsets.UTF_8);

        Article article = extractor.extract(file);

        assertThat(article.title()).isEqualTo("Skolen på Tjøme får ny gymsal");
        assertThat(Mojibake.score(article.fullText())).isZero();
    }

    @Test
    void garbledTextThatCannotBeRepairedIsRefusedInPlainWords() throws Exception {
        String twice = new String(ARTICLE.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));
        // a line typed in later with real letters: the double decoding can no longer be undone with certainty
        Path file = folder.resolve("gymsal-rot.md");
        Files.writeString(file, twice + "\nEn ekstra linje med pÃ¥ og Ã¸ og Ã¥ og en ærlig «å».\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> extractor.extract(file))
                .isInstanceOf(ExtractionException.class)
                .hasMessageContaining("garbled");
    }
}
