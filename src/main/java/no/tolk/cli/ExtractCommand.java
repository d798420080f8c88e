package no.tolk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import no.tolk.article.ArticleJson;
import no.tolk.extract.ArticleExtractor;
import no.tolk.extract.ExtractionException;
import no.tolk.extract.ExtractionLimits;
import no.tolk.extract.LanguageIdentifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "extract", description = "Print the article extracted from FILE as JSON (nothing is stored).")
public class ExtractCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            System.err.println("tolk extract: " + file + ": no such file");
            return 1;
        }
        try (ArticleExtractor extractor = new ArticleExtractor(ExtractionLimits.defaults(), new LanguageIdentifier())) {
            System.out.println(ArticleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(extractor.extract(file)));
            return 0;
        } catch (ExtractionException e) {
            System.err.println("tolk extract: " + file.getFileName() + ": " + e.getMessage());
            return 1;
        }
    }
}
