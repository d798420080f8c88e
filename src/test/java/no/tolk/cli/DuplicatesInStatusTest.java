package no.tolk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import no.tolk.Samples;
import no.tolk.article.ArticleJson;
import no.tolk.store.HomeDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: a second copy of known bytes under another name leaves the inbox unprocessed, and status says where it went. */
class DuplicatesInStatusTest {

    @TempDir
    Path home;

    @AfterEach
    void closeTheHomeDatabase() throws Exception {
        HomeDatabase.shutDown(home);
    }

    @Test
    void aCopyUnderAnotherNameIsListedAsADuplicateOfTheFirstFilesArticle() throws Exception {
        Path inbox = home.resolve("inbox");
        java.nio.file.Files.createDirectories(inbox);
        Samples.drop(Samples.good("docx"), inbox, "tom.docx");
        assertThat(TolkCommand.commandLine().execute("once", "--home", home.toString())).isZero();
        Samples.drop(Samples.good("docx"), inbox, "tom.txt");
        assertThat(TolkCommand.commandLine().execute("once", "--home", home.toString())).isZero();
        Samples.drop(Samples.good("docx"), inbox, "tom.txt");
        assertThat(TolkCommand.commandLine().execute("once", "--home", home.toString())).isZero();
        assertThat(inbox).isEmptyDirectory();

        JsonNode status = ArticleJson.mapper().readTree(run("status", "--json", "--home", home.toString()));
        assertThat(status.get("articles")).hasSize(1);
        String id = status.get("articles").get(0).get("id").asText();
        JsonNode duplicates = status.get("duplicates");
        assertThat(duplicates).hasSize(1);
        assertThat(duplicates.get(0).get("sourceName").asText()).isEqualTo("tom.txt");
        assertThat(duplicates.get(0).get("firstSource").asText()).isEqualTo("tom.docx");
        assertThat(duplicates.get(0).get("articleId").asText()).isEqualTo(id);
        assertThat(duplicates.get(0).get("times").asInt()).isEqualTo(2);

        String table = run("status", "--home", home.toString());
        assertThat(table).contains("Duplicates (same bytes as a file received before; not processed again):")
                .containsPattern("tom\\.txt +\\Q= tom.docx, article " + id + " (\\E[a-z_]+\\), 2 times");
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(TolkCommand.commandLine().execute(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
