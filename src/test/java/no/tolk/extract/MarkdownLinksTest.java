package no.tolk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import no.tolk.article.Article;
import no.tolk.article.Block;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links in Markdown keep their addresses in the article's text (issue 13: "Markdown link URLs are dropped"). */
class MarkdownLinksTest {

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

    @Test
    void inlineReferenceAndAutolinksKeepTheirAddressesAndOtherSchemesDoNot() throws Exception {
        Article article = extractor.extract(Files.writeString(folder.resolve("rapport.md"), """
                ---
                title: Flere eldre bor alene
                ---

                Statistisk sentralbyrå har lagt fram [den nye rapporten](https://www.ssb.no/rapport?år=2024&del=2) om eldre,
                og tallene viser at stadig flere bor alene i egen bolig etter at de har fylt åtti år.

                Kommunene får en egen [veileder][1], og spørsmål kan sendes til <https://www.helsedirektoratet.no/kontakt>
                eller [e-post](mailto:post@example.no) til direktoratet, som svarer innen to uker.

                [1]: https://www.regjeringen.no/veileder "Veilederen"
                """));

        // the first paragraph is the lead (no ingress in the front matter)
        assertThat(article.lead()).isEqualTo(
                "Statistisk sentralbyrå har lagt fram den nye rapporten (https://www.ssb.no/rapport?år=2024&del=2) om eldre,"
                        + " og tallene viser at stadig flere bor alene i egen bolig etter at de har fylt åtti år.");
        assertThat(article.blocks()).extracting(Block::text).containsExactly(
                "Kommunene får en egen veileder (https://www.regjeringen.no/veileder), og spørsmål kan sendes til"
                        + " https://www.helsedirektoratet.no/kontakt eller e-post til direktoratet, som svarer innen to uker.");
    }
}
