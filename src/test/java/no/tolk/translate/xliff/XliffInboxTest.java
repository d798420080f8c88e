package no.tolk.translate.xliff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import no.tolk.translate.TranslationPendingException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Polling the inbox: valid translations are listed for resuming, invalid ones get their report. */
class XliffInboxTest {

    @TempDir
    Path root;
    XliffTranslator translator;
    Path request;

    @BeforeEach
    void requestTranslation() {
        translator = new XliffTranslator(root, XliffVersion.V2_0);
        assertThatThrownBy(() -> translator.translate(XliffTranslatorTest.request(2)))
                .isInstanceOf(TranslationPendingException.class);
        request = root.resolve("outbox").resolve(XliffTranslatorTest.REQUEST_FILE);
    }

    Path inbox(String name) {
        return root.resolve("inbox").resolve(name);
    }

    static String report(Path file) throws Exception {
        return Files.readString(file.resolveSibling(file.getFileName() + ".error.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void listsAValidTranslationOnceWithoutTakingIt() throws Exception {
        Path first = inbox("first.xlf");
        Path second = inbox("second.xliff");
        new CatTool().translate(request, first);
        new CatTool().translate(request, second);

        List<ReturnedTranslation> waiting = translator.waitingTranslations();

        assertThat(waiting).hasSize(1);
        ReturnedTranslation translation = waiting.get(0);
        assertThat(translation.articleId()).isEqualTo(XliffTranslatorTest.ARTICLE);
        assertThat(translation.revision()).isEqualTo(2);
        assertThat(translation.targetLanguage()).isEqualTo("en");
        assertThat(translation.file()).isIn(first, second);
        assertThat(first).exists();
        assertThat(second).exists();
        assertThat(root.resolve("inbox")).isDirectoryNotContaining("glob:**.error.txt");
    }

    @Test
    void reportsInvalidFilesAndListsOnlyTheValidOnes() throws Exception {
        Path incomplete = inbox("incomplete.xlf");
        new CatTool().skipping(Set.of("lead")).translate(request, incomplete);
        Path broken = inbox("broken.xlf");
        Files.writeString(broken, "<xliff version=\"2.0\"><file>", StandardCharsets.UTF_8);
        Path notes = inbox("notes.txt");
        Files.writeString(notes, "not a translation", StandardCharsets.UTF_8);

        assertThat(translator.waitingTranslations()).isEmpty();

        assertThat(report(incomplete)).contains("Unit \"lead\": The unit is missing from the file.");
        assertThat(report(broken)).contains("The file is not well-formed XML");
        assertThat(notes.resolveSibling("notes.txt.error.txt")).doesNotExist();
        assertThat(incomplete).exists();
        assertThat(broken).exists();
    }

    @Test
    void reportsAFileNoRequestIsWaitingFor() throws Exception {
        Path translated = inbox("translated.xlf");
        new CatTool().translate(request, translated);
        Path copy = inbox("copy.xlf");
        Files.copy(translated, copy);
        // the newest file wins; the older copy is left over
        Files.setLastModifiedTime(copy, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(translated).toMillis() - 60_000));
        translator.translate(XliffTranslatorTest.request(2));
        assertThat(translated).doesNotExist();

        assertThat(translator.waitingTranslations()).isEmpty();

        assertThat(report(copy)).contains("Tolk is not waiting for a translation of article "
                + XliffTranslatorTest.ARTICLE + " revision 2").contains("translations/done");
    }

    @Test
    void reportsAFileThatDoesNotSayWhichArticleItIsFor() throws Exception {
        Path anonymous = inbox("anonymous.xlf");
        new CatTool().translate(request, anonymous);
        String xml = Files.readString(anonymous, StandardCharsets.UTF_8)
                .replaceAll("(?s)<mda:metadata.*</mda:metadata>", "")
                .replaceAll(" original=\"[^\"]*\"", "")
                .replace("<file id=\"" + XliffTranslatorTest.ARTICLE + "-r2\"", "<file id=\"f1\"");
        Files.writeString(anonymous, xml, StandardCharsets.UTF_8);

        assertThat(translator.waitingTranslations()).isEmpty();

        assertThat(report(anonymous)).contains("does not say which article it belongs to");
    }

    @Test
    void recognisesTheArticleByItsFileAttributesWhenAToolDropsTheMetadata() throws Exception {
        Path stripped = inbox("stripped.xlf");
        new CatTool().translate(request, stripped);
        String xml = Files.readString(stripped, StandardCharsets.UTF_8).replaceAll("(?s)<mda:metadata.*</mda:metadata>", "");
        Files.writeString(stripped, xml, StandardCharsets.UTF_8);

        assertThat(translator.waitingTranslations())
                .containsExactly(new ReturnedTranslation(XliffTranslatorTest.ARTICLE, 2, "en", stripped));
    }

    @Test
    void removesTheReportOnceTheFileIsFixed() throws Exception {
        Path file = inbox("fixed.xlf");
        new CatTool().skipping(Set.of("b0")).translate(request, file);
        assertThat(translator.waitingTranslations()).isEmpty();
        assertThat(file.resolveSibling("fixed.xlf.error.txt")).exists();

        new CatTool().translate(request, file);

        assertThat(translator.waitingTranslations())
                .containsExactly(new ReturnedTranslation(XliffTranslatorTest.ARTICLE, 2, "en", file));
        assertThat(file.resolveSibling("fixed.xlf.error.txt")).doesNotExist();
    }
}
