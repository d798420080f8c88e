package no.tolk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import no.tolk.Samples;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenDocument paragraph styles, which Tika's XHTML drops, decide title, lead and quotes. */
class OpenDocumentStylesTest {

    private static final Path SAMPLE = Samples.INBOX.resolve("bioraffineri-orkanger.odt");
    private static final String METADATA_TITLE = "Skognæringen i Trøndelag vil bygge bioraffineri på Orkanger";

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
    void theTitleStyledParagraphWinsOverAStaleTitleInTheDocumentProperties() throws Exception {
        Path edited = rewriteContent("retittel.odt", xml -> xml.replace(
                "<text:p text:style-name=\"Title\">" + METADATA_TITLE + "</text:p>",
                "<text:p text:style-name=\"Title\">Bioraffineri på Orkanger får grønt lys</text:p>"));

        Article article = extractor.extract(edited);

        assertThat(article.title()).isEqualTo("Bioraffineri på Orkanger får grønt lys");
        assertThat(article.lead()).startsWith("Et konsortium av skogeiere");
        assertThat(article.blocks()).extracting(Block::text).noneMatch(text -> text.contains("grønt lys"));
    }

    @Test
    void automaticStylesCountAsTheNamedStyleTheyAreBasedOn() throws Exception {
        // what LibreOffice writes when a Title paragraph is also made italic: a generated style P1 based on Title
        Path edited = rewriteContent("automatisk-stil.odt", xml -> xml
                .replace("<office:automatic-styles>", "<office:automatic-styles>"
                        + "<style:style style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"Title\"/>"
                        + "<style:style style:name=\"P2\" style:family=\"paragraph\" style:parent-style-name=\"Quotations\"/>")
                .replace("<text:p text:style-name=\"Title\">" + METADATA_TITLE,
                        "<text:p text:style-name=\"P1\">Skogen blir til biokull på Orkanger")
                .replaceFirst("<text:p text:style-name=\"Text_20_body\">(Bak planene)", "<text:p text:style-name=\"P2\">$1"));

        Article article = extractor.extract(edited);

        assertThat(article.title()).isEqualTo("Skogen blir til biokull på Orkanger");
        assertThat(article.blocks()).filteredOn(block -> block.type() == BlockType.QUOTE)
                .extracting(Block::text).anyMatch(text -> text.startsWith("Bak planene står"));
    }

    private Path rewriteContent(String name, UnaryOperator<String> edit) throws IOException {
        Path copy = folder.resolve(name);
        boolean changed = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(SAMPLE));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("content.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    String edited = edit.apply(xml);
                    changed = !edited.equals(xml);
                    bytes = edited.getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copied = new ZipEntry(entry.getName());
                if (entry.getMethod() == ZipEntry.STORED) {
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    copied.setMethod(ZipEntry.STORED);
                    copied.setSize(bytes.length);
                    copied.setCrc(crc.getValue());
                }
                out.putNextEntry(copied);
                out.write(bytes);
                out.closeEntry();
            }
        }
        assertThat(changed).as("the sample's content.xml has the text this test edits").isTrue();
        return copy;
    }
}
