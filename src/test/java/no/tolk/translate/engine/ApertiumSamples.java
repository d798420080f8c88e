package no.tolk.translate.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import no.tolk.Samples;
import no.tolk.article.Article;
import no.tolk.extract.ArticleExtractor;
import no.tolk.extract.ExtractionLimits;
import no.tolk.extract.LanguageIdentifier;
import no.tolk.translate.ProtectedSegment;
import no.tolk.translate.Segmenter;

/** The good samples (samples/inbox) extracted and cut into segments as the translation stage does. */
final class ApertiumSamples {

    record SampleArticle(String file, List<ProtectedSegment> segments) {
        long words() {
            return segments.stream().mapToLong(s -> s.text().replaceAll("<x\\s+id=\"[^\"]*\"\\s*/>", " ").split("[^\\p{L}\\p{N}]+").length).sum();
        }
    }

    private ApertiumSamples() {
    }

    static List<SampleArticle> load() throws IOException {
        List<SampleArticle> articles = new ArrayList<>();
        try (ArticleExtractor extractor = new ArticleExtractor(ExtractionLimits.defaults(), new LanguageIdentifier());
             Stream<Path> files = Files.list(Samples.INBOX)) {
            for (Path file : files.sorted().toList()) {
                Article article = extractor.extract(file);
                articles.add(new SampleArticle(file.getFileName().toString(),
                        Segmenter.segments(article, Segmenter.protectedTerms(article, Set.of()), java.util.Map.of())));
            }
        } catch (Exception e) {
            throw new IOException("cannot extract the samples: " + e.getMessage(), e);
        }
        return articles;
    }
}
