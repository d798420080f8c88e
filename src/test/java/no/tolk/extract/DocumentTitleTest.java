package no.tolk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import no.tolk.Samples;
import no.tolk.article.Article;
import no.tolk.article.Block;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which title a document gets when its visible first line and the title in its properties disagree.
 * RTF is the test bed: Tika keeps neither its Title style nor its headings' styles, only bold text.
 */
class DocumentTitleTest {

    private static final Path SAMPLE = Samples.INBOX.resolve("matgrundere-valdres.rtf");
    private static final String TITLE_PARAGRAPH = "\\pard\\plain\\s15\\sa240\\b\\f1\\fs44 ";
    private static final String SAMPLE_TITLE_RTF = "Matgr\\'fcndere i Valdres f\\'e5r felles produksjonskj\\'f8kken";

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
    void anEditedTitleLineWinsOverTheOldTitleLeftInTheProperties() throws Exception {
        Path edited = rewrite("ny-tittel.rtf", TITLE_PARAGRAPH + SAMPLE_TITLE_RTF,
                TITLE_PARAGRAPH + "Meieriet p\\'e5 Fagernes blir felles matkj\\'f8kken");

        Article article = extractor.extract(edited);

        assertThat(article.title()).isEqualTo("Meieriet på Fagernes blir felles matkjøkken");
        assertThat(article.lead()).startsWith("Et nedlagt meieri på Fagernes");
        assertThat(article.blocks()).extracting(Block::text).doesNotContain("Meieriet på Fagernes blir felles matkjøkken");
    }

    @Test
    void aPropertiesTitleFoundInTheTextWinsOverAKickerAboveIt() throws Exception {
        Path withKicker = rewrite("med-stikktittel.rtf", TITLE_PARAGRAPH + SAMPLE_TITLE_RTF,
                "\\pard\\plain\\s0\\sa120\\b\\f1\\fs20 Nytt fra Valdres\\par\n" + TITLE_PARAGRAPH + SAMPLE_TITLE_RTF);

        Article article = extractor.extract(withKicker);

        assertThat(article.title()).isEqualTo("Matgründere i Valdres får felles produksjonskjøkken");
    }

    private Path rewrite(String name, String from, String to) throws Exception {
        String rtf = Files.readString(SAMPLE, StandardCharsets.ISO_8859_1);
        assertThat(rtf).as("the sample holds the text this test edits").contains(from);
        Path copy = folder.resolve(name);
        Files.writeString(copy, rtf.replace(from, to), StandardCharsets.ISO_8859_1);
        return copy;
    }
}
