package no.tolk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import no.tolk.article.Article;
import no.tolk.article.ArticleJson;
import no.tolk.config.Settings;
import no.tolk.store.JdbcArticleStore;
import no.tolk.store.JdbcTranslationStore;
import no.tolk.translate.QaFinding;
import no.tolk.translate.Translation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Print a stored article (or its translation, with quality findings and cost) as JSON.")
public class ShowCommand implements Callable<Integer> {

    @Mixin
    HomeOption home;

    @Parameters(paramLabel = "ID", description = "Article id, as listed by 'tolk status'")
    String id;

    @Option(names = "--lang", paramLabel = "LANG", description = "Show the translation into LANG (e.g. en) of the current revision")
    String language;

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.load(home.resolve());
        DataSource dataSource = StoreAccess.open(settings);
        Optional<Article> article = new JdbcArticleStore(dataSource).findArticle(id);
        if (article.isEmpty()) {
            System.err.println("tolk show: no article with id " + id);
            return 1;
        }
        if (language == null || language.equalsIgnoreCase(article.get().language())) {
            print(ArticleJson.mapper().valueToTree(article.get()));
            return 0;
        }
        JdbcTranslationStore translations = new JdbcTranslationStore(dataSource, Clock.systemUTC());
        Optional<Translation> translation = translations.find(id, article.get().revision(), language.toLowerCase());
        if (translation.isEmpty()) {
            System.err.println("tolk show: article " + id + " revision " + article.get().revision() + " has no '" + language
                    + "' translation yet; 'tolk status' shows its state and last error");
            return 1;
        }
        print(document(translation.get()));
        return 0;
    }

    static ObjectNode document(Translation translation) {
        ObjectNode document = ArticleJson.mapper().valueToTree(translation.article());
        ArrayNode qa = document.putArray("qa");
        for (QaFinding finding : translation.qa()) {
            qa.addObject().put("level", finding.level()).put("check", finding.check()).put("message", finding.message());
        }
        document.putObject("usage")
                .put("engine", translation.usage().engine())
                .put("billedCharacters", translation.usage().billedCharacters())
                .put("requests", translation.usage().requests());
        return document;
    }

    private static void print(ObjectNode document) throws Exception {
        System.out.println(ArticleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document));
    }
}
