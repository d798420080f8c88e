package no.tolk.translate.xliff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tolk.translate.TranslationPendingException;
import no.tolk.translate.TranslationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files as translators' tools and hands really return them, starting from Tolk's XLIFF 1.2 request:
 * BOM and CRLF, a regional target language, any file name, SDLXLIFF (Trados) and MQXLIFF (memoQ)
 * shapes with split segments, a comment added, one unit left untranslated, re-saved as XLIFF 2.0/2.1.
 */
class XliffReturnShapesTest {

    @TempDir
    Path root;
    XliffTranslator translator;
    Path request;

    @BeforeEach
    void setUp() {
        translator = new XliffTranslator(root);
        assertThatThrownBy(() -> translator.translate(XliffTranslatorTest.request(2)))
                .isInstanceOf(TranslationPendingException.class);
        request = root.resolve("outbox/" + XliffTranslatorTest.ARTICLE + "-r2-nb-en.xlf");
    }

    /** The request with every target's Norwegian replaced by English, as OmegaT or a person with an editor does. */
    String translated12() throws Exception {
        return inTargets(Files.readString(request, StandardCharsets.UTF_8), CatTool::translateXml);
    }

    static String inTargets(String xml, UnaryOperator<String> edit) {
        Matcher target = Pattern.compile("(<target[^>]*>)(.*?)</target>", Pattern.DOTALL).matcher(xml);
        StringBuilder out = new StringBuilder();
        while (target.find()) {
            target.appendReplacement(out, Matcher.quoteReplacement(target.group(1) + edit.apply(target.group(2)) + "</target>"));
        }
        target.appendTail(out);
        return out.toString();
    }

    TranslationResult accepted(String name, String content) throws Exception {
        Files.write(root.resolve("inbox").resolve(name), content.getBytes(StandardCharsets.UTF_8));
        assertThat(translator.waitingTranslations()).hasSize(1);
        TranslationResult result = translator.translate(XliffTranslatorTest.request(2));
        assertThat(result.segments()).isEqualTo(XliffTranslatorTest.expectedEnglish());
        assertThat(root.resolve("done").resolve(name)).exists();
        return result;
    }

    String rejected(String name, String content) throws Exception {
        Path file = root.resolve("inbox").resolve(name);
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        assertThat(translator.waitingTranslations()).isEmpty();
        assertThat(file).exists();
        return Files.readString(file.resolveSibling(name + ".error.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void requestIsXliff12WithReadableCodesContextAndTargetsOmegaTCanLoad() throws Exception {
        String xml = Files.readString(request, StandardCharsets.UTF_8);
        assertThat(xml).contains("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">")
                .contains("original=\"tolk/article/" + XliffTranslatorTest.ARTICLE + "/revision/2\"")
                .contains("source-language=\"nb\" target-language=\"en\"")
                .contains("<trans-unit id=\"title\" resname=\"title\" xml:space=\"preserve\">")
                .contains("<source>Kommunen åpner nytt bibliotek</source>")
                .contains("<target>Kommunen åpner nytt bibliotek</target>")
                .contains("<note from=\"tolk-glossary\" annotates=\"source\">Glossary: translate \"bibliotek\" as \"library\"</note>");
        assertThat(xml.split("<trans-unit ", -1)).hasSize(5);
    }

    @Test
    void untouchedRequestComesBackUntranslated() throws Exception {
        assertThat(rejected("same.xlf", Files.readString(request, StandardCharsets.UTF_8)))
                .contains("Unit \"title\": The unit has no translation: its target is still the Norwegian source text.");
    }

    @Test
    void bomCrlfRegionalTargetAndAnyName() throws Exception {
        String xml = "\uFEFF" + translated12().replace("target-language=\"en\"", "target-language=\"en-GB\"")
                .replace("\n", "\r\n");
        accepted("Prosjekt 7 (endelig).XLF", xml);
    }

    @Test
    void translatorCommentIsKept() throws Exception {
        String xml = translated12().replaceFirst("</target>",
                "</target>\n    <note from=\"Kari\">Kept the Norwegian place name.</note>");
        TranslationResult result = accepted("with-note.xlf", xml);
        assertThat(result.notes()).containsEntry("title", List.of("Kari: Kept the Norwegian place name."));
    }

    @Test
    void oneUnitUntranslatedNamesTheUnit() throws Exception {
        String xml = translated12().replace("<target>Opening hours", "<target state=\"needs-translation\">Opening hours");
        assertThat(rejected("partial.xlf", xml)).contains("Unit \"b1\": The translation is not confirmed");
    }

    @Test
    void trados_sdlxliffWithSegmentsSplitIntoSentences() throws Exception {
        String xml = translated12()
                .replace("xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"",
                        "xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" xmlns:sdl=\"http://sdl.com/FileTypes/SdlXliff/1.0\"")
                .replace("<source>Kommunen åpner nytt bibliotek</source>",
                        "<source>Kommunen åpner nytt bibliotek</source><seg-source><mrk mtype=\"seg\" mid=\"1\">Kommunen åpner</mrk>"
                                + "<mrk mtype=\"seg\" mid=\"2\"> nytt bibliotek</mrk></seg-source>")
                .replace("<target>Municipality opens new library</target>",
                        "<target><mrk mtype=\"seg\" mid=\"1\">Municipality opens</mrk><mrk mtype=\"seg\" mid=\"2\"> new library</mrk></target>"
                                + "<sdl:seg-defs><sdl:seg id=\"1\" conf=\"Translated\"/><sdl:seg id=\"2\" conf=\"ApprovedTranslation\"/></sdl:seg-defs>");
        accepted("article.xlf.sdlxliff", xml);
    }

    @Test
    void memoq_mqxliff() throws Exception {
        String xml = translated12()
                .replace("xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"",
                        "xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" xmlns:mq=\"MQXliff\"")
                .replace("<trans-unit ", "<trans-unit mq:status=\"ManuallyConfirmed\" ");
        accepted("article.mqxliff", xml);
    }

    @Test
    void resavedAsXliff21() throws Exception {
        XliffTranslator version2 = new XliffTranslator(root.resolveSibling(root.getFileName() + "-v2"), XliffVersion.V2_0);
        assertThatThrownBy(() -> version2.translate(XliffTranslatorTest.request(2))).isInstanceOf(TranslationPendingException.class);
        Path twoPointZero = root.resolveSibling(root.getFileName() + "-v2").resolve("outbox/" + XliffTranslatorTest.ARTICLE + "-r2-nb-en.xlf");
        Path translated = root.resolve("resaved.xlf");
        new CatTool().translate(twoPointZero, translated);
        String xml = Files.readString(translated, StandardCharsets.UTF_8).replace("version=\"2.0\"", "version=\"2.1\"")
                .replace("trgLang=\"en\"", "trgLang=\"en-US\"");
        Files.delete(translated);
        accepted("resaved-2.1.xlf", xml);
    }

    @Test
    void notXliffAtAll() throws Exception {
        assertThat(rejected("article.xml", "<?xml version=\"1.0\"?><html><body>Hello</body></html>"))
                .contains("This is not an XLIFF file: it is XML whose top element is <html>");
    }
}
