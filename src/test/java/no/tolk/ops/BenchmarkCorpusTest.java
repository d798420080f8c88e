package no.tolk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.tolk.Samples;
import no.tolk.article.Article;
import no.tolk.extract.ArticleExtractor;
import no.tolk.extract.ExtractionLimits;
import no.tolk.extract.LanguageIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkCorpusTest {

    @TempDir
    Path folder;

    @Test
    void everyCopyIsADistinctArticleTitledWithItsNumberInEveryFormat() throws Exception {
        List<Path> corpus = BenchmarkCorpus.generate(Samples.INBOX, folder, 16);

        List<String> titles = new ArrayList<>();
        try (ArticleExtractor extractor = new ArticleExtractor(ExtractionLimits.defaults(), new LanguageIdentifier())) {
            for (int i = 0; i < corpus.size(); i++) {
                Article article = extractor.extract(corpus.get(i));
                assertThat(article.title()).as(corpus.get(i).getFileName().toString()).endsWith("(nr. " + i + ")");
                assertThat(article.blocks()).as("body of " + corpus.get(i).getFileName()).isNotEmpty();
                titles.add(article.title());
            }
        }
        assertThat(titles).doesNotHaveDuplicates();
        assertThat(corpus).extracting(path -> path.getFileName().toString().replaceFirst(".*\\.", ""))
                .contains("docx", "odt", "pdf", "html", "md", "rtf", "txt");
    }
}
