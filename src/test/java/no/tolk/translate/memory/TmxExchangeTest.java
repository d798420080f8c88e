package no.tolk.translate.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import no.tolk.store.Database;
import no.tolk.store.JdbcTranslationStore;
import no.tolk.translate.TranslationStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TmxExchangeTest {

    static final String TMX = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4">
            <header creationtool="OmegaT" creationtoolversion="3.6" segtype="paragraph" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="nb" datatype="plaintext"/>
            <body>
            <tu><tuv xml:lang="nb"><seg>Kommunen åpner nytt bibliotek</seg></tuv><tuv xml:lang="en-GB"><seg>Municipality opens new library</seg></tuv></tu>
            <tu><tuv xml:lang="nb"><seg><ph x="1">&lt;x id="1"/&gt;</ph> støtter klyngen.</seg></tuv><tuv xml:lang="en"><seg><ph x="1">&lt;x id="1"/&gt;</ph> supports the cluster.</seg></tuv></tu>
            <tu><tuv xml:lang="nb"><seg>Bare norsk</seg></tuv></tu>
            </body>
            </tmx>
            """;

    @TempDir
    Path folder;

    static DataSource database() {
        return Database.open("jdbc:h2:mem:tmx-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
    }

    static Map<String, String> memory(DataSource dataSource) throws Exception {
        Map<String, String> rows = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select source_text, target_text, source_hash from translation_memory")) {
            while (rs.next()) {
                assertThat(rs.getString(3)).isEqualTo(TranslationStage.hash(rs.getString(1)));
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        return rows;
    }

    @Test
    void importExportImportGivesTheSameMemory() throws Exception {
        Path tmx = folder.resolve("agency.tmx");
        Files.writeString(tmx, TMX, StandardCharsets.UTF_8);
        DataSource first = database();
        TmxExchange exchange = new TmxExchange(first, Clock.systemUTC());

        assertThat(exchange.importTmx(tmx, "nb", "en")).isEqualTo(new TmxExchange.ImportResult(3, 2, 0, 0, 1));
        assertThat(exchange.importTmx(tmx, "nb", "en")).isEqualTo(new TmxExchange.ImportResult(3, 0, 0, 2, 1));
        Map<String, String> imported = memory(first);
        assertThat(imported).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "Kommunen åpner nytt bibliotek", "Municipality opens new library",
                "<x id=\"1\"/> støtter klyngen.", "<x id=\"1\"/> supports the cluster.")));
        // an exact match for the translation stage, at no cost
        assertThat(new JdbcTranslationStore(first, Clock.systemUTC()).remembered(
                List.of(TranslationStage.hash("<x id=\"1\"/> støtter klyngen.")), "nb", "en"))
                .containsValue("<x id=\"1\"/> supports the cluster.");

        Path exported = folder.resolve("export.tmx");
        assertThat(exchange.exportTmx(exported, "nb", "en")).isEqualTo(2);
        assertThat(Files.readString(exported, StandardCharsets.UTF_8)).contains("<tmx version=\"1.4\">")
                .contains("<ph x=\"1\" type=\"x\">&lt;x id=&quot;1&quot;/&gt;</ph> supports the cluster.");

        DataSource second = database();
        assertThat(new TmxExchange(second, Clock.systemUTC()).importTmx(exported, "nb", "en").added()).isEqualTo(2);
        assertThat(memory(second)).isEqualTo(imported);
    }

    @Test
    void malformedTmxChangesNothing() throws Exception {
        Path good = folder.resolve("good.tmx");
        Files.writeString(good, TMX, StandardCharsets.UTF_8);
        DataSource dataSource = database();
        TmxExchange exchange = new TmxExchange(dataSource, Clock.systemUTC());
        exchange.importTmx(good, "nb", "en");
        Map<String, String> before = memory(dataSource);

        Path broken = folder.resolve("broken.tmx");
        Files.writeString(broken, TMX.replace("Kommunen åpner nytt bibliotek", "Kommunen endrer seg")
                .replace("</body>", ""), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> exchange.importTmx(broken, "nb", "en"))
                .isInstanceOf(TmxExchange.UnusableTmxException.class)
                .hasMessageStartingWith("broken.tmx is not a TMX file Tolk can read, so nothing was imported");
        assertThat(memory(dataSource)).isEqualTo(before);
    }
}
