package no.tolk.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import no.tolk.Samples;
import no.tolk.extract.ExtractionException.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken input gives a reason a person understands, never a crash, a hang or an empty article. */
class BadInputTest {

    private static final Map<String, Reason> EXPECTED = Map.of(
            "bare-bilde.docx", Reason.NO_TEXT,
            "halvskrevet.pdf", Reason.CORRUPT,
            "korrupt.docx", Reason.CORRUPT,
            "kryptert.pdf", Reason.ENCRYPTED,
            "soppel.pdf", Reason.CORRUPT,
            "tom.docx", Reason.EMPTY,
            "tom.txt", Reason.EMPTY,
            "zipbombe.docx", Reason.ZIP_BOMB);

    private static ArticleExtractor extractor;

    @BeforeAll
    static void createExtractor() {
        extractor = new ArticleExtractor(ExtractionLimits.defaults(), new LanguageIdentifier());
    }

    @AfterAll
    static void closeExtractor() {
        extractor.close();
    }

    static java.util.List<Path> badSamples() {
        return Samples.bad();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSamples")
    void eachBadSampleIsRefusedWithItsReason(Path sample) throws Exception {
        byte[] before = Files.readAllBytes(sample);
        Reason expected = EXPECTED.get(sample.getFileName().toString());
        assertThat(expected).as("every bad sample has an expected reason").isNotNull();

        assertThatThrownBy(() -> extractor.extract(sample))
                .isInstanceOfSatisfying(ExtractionException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(expected);
                    assertThat(failure.getMessage()).startsWith(expected.plainWords());
                });
        assertThat(Files.readAllBytes(sample)).as("the original is untouched").isEqualTo(before);
    }

    @Test
    void textInLatin1IsDecodedNotMangled() throws Exception {
        var article = extractor.extract(Samples.good().stream()
                .filter(path -> path.getFileName().toString().contains("latin1")).findFirst().orElseThrow());
        assertThat(article.fullText()).contains("æ").contains("ø").contains("å").doesNotContain("\uFFFD").doesNotContain("Ã");
    }

    @Test
    void binaryGarbageWithATextNameIsUnsupported(@TempDir Path folder) throws Exception {
        Path garbage = Files.write(folder.resolve("notat.bin"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 7, 9, 0, 0});
        assertThatThrownBy(() -> extractor.extract(garbage))
                .isInstanceOfSatisfying(ExtractionException.class, failure -> assertThat(failure.reason()).isEqualTo(Reason.UNSUPPORTED));
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeParsing(@TempDir Path folder) throws Exception {
        Path big = Files.write(folder.resolve("stor.txt"), "Ord og setninger. ".repeat(2000).getBytes());
        try (ArticleExtractor small = new ArticleExtractor(new ExtractionLimits(1000, 100_000, Duration.ofSeconds(10)), new LanguageIdentifier())) {
            assertThatThrownBy(() -> small.extract(big))
                    .isInstanceOfSatisfying(ExtractionException.class, failure -> assertThat(failure.reason()).isEqualTo(Reason.TOO_LARGE));
        }
    }

    @Test
    void aSpreadsheetNamedLikeAWordDocumentIsRefusedAsUnsupported(@TempDir Path folder) throws Exception {
        Path renamed = folder.resolve("budsjett.docx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.OutputStream out = Files.newOutputStream(renamed)) {
            workbook.createSheet("Budsjett").createRow(0).createCell(0).setCellValue("Reisestøtte for klyngen i Innlandet");
            workbook.write(out);
        }

        assertThatThrownBy(() -> extractor.extract(renamed))
                .isInstanceOfSatisfying(ExtractionException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(Reason.UNSUPPORTED);
                    assertThat(failure.getMessage()).contains("spreadsheetml");
                });
    }
}
