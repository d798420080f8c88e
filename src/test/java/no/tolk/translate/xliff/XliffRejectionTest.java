package no.tolk.translate.xliff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.UnaryOperator;
import no.tolk.translate.TranslationPendingException;
import no.tolk.translate.TranslationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Returned files that must not be used: each stays where it is, with a report that says what to fix. */
class XliffRejectionTest {

    @TempDir
    Path root;
    XliffTranslator translator;
    Path request;
    Path returned;

    @BeforeEach
    void requestTranslation() {
        translator = new XliffTranslator(root, XliffVersion.V2_0);
        assertThatThrownBy(() -> translator.translate(XliffTranslatorTest.request(2)))
                .isInstanceOf(TranslationPendingException.class);
        request = root.resolve("outbox").resolve(XliffTranslatorTest.REQUEST_FILE);
        returned = root.resolve("inbox").resolve(XliffTranslatorTest.REQUEST_FILE);
    }

    /** Translates with the CAT tool, then applies a hand edit to the XML. */
    void returnEdited(CatTool tool, UnaryOperator<String> edit) throws Exception {
        tool.translate(request, returned);
        Files.writeString(returned, edit.apply(Files.readString(returned, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** Asserts the article is still pending, the file is still in the inbox and returns its error report. */
    String rejection() throws Exception {
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> translator.translate(XliffTranslatorTest.request(2)))
                    .isInstanceOf(TranslationPendingException.class)
                    .hasMessageContaining(returned.getFileName() + ".error.txt");
        }
        assertThat(returned).exists();
        assertThat(root.resolve("done")).isEmptyDirectory();
        Path report = returned.resolveSibling(returned.getFileName() + ".error.txt");
        assertThat(report).exists();
        return Files.readString(report, StandardCharsets.UTF_8);
    }

    @Test
    void malformedXml() throws Exception {
        returnEdited(new CatTool(), xml -> xml.replaceFirst("</target>", "</targt>"));

        assertThat(rejection())
                .contains("Whole file: The file is not well-formed XML")
                .contains("Unexpected close tag </targt>; expected </target>")
                .contains("What to do: If you edited it by hand, undo the edit that broke it");
    }

    @Test
    void emptyFileStillBeingCopied() throws Exception {
        Files.writeString(returned, "");

        assertThat(rejection()).contains("not well-formed XML").contains("still being copied");
    }

    @Test
    void translationOfAnOlderRevision() throws Exception {
        assertThatThrownBy(() -> translator.translate(XliffTranslatorTest.request(1)))
                .isInstanceOf(TranslationPendingException.class);
        Path older = root.resolve("outbox").resolve(XliffTranslatorTest.ARTICLE + "-r1-nb-en.xlf");
        new CatTool().translate(older, returned);

        assertThat(rejection())
                .contains("This file is for article " + XliffTranslatorTest.ARTICLE + " revision 1")
                .contains("Tolk now needs revision 2")
                .contains("translations/outbox/" + XliffTranslatorTest.REQUEST_FILE);
    }

    @Test
    void missingUnit() throws Exception {
        new CatTool().skipping(Set.of("b1")).translate(request, returned);

        assertThat(rejection())
                .contains("1 problem:")
                .contains("Unit \"b1\": The unit is missing from the file.")
                .contains("do not add, remove or rename units");
    }

    @Test
    void emptyTarget() throws Exception {
        new CatTool().editing(unit -> {
            if (unit.getId().equals("title")) unit.getSegment(0).setTarget("");
        }).translate(request, returned);

        assertThat(rejection()).contains("Unit \"title\": The unit has no translation (the target is empty).");
    }

    @Test
    void unconfirmedTranslation() throws Exception {
        // an explicit state="initial" blocks; no state at all (what OmegaT writes) does not
        returnEdited(new CatTool(), xml -> xml.replaceFirst("<segment([^>]*?)(?: state=\"[a-z]+\")?([^>]*)>", "<segment$1 state=\"initial\"$2>"));

        assertThat(rejection()).contains("Unit \"title\": The translation is not confirmed")
                .contains("<segment state=\"translated\">");
    }

    @Test
    void deletedInlineCode() throws Exception {
        returnEdited(new CatTool(), xml -> {
            int inTarget = xml.lastIndexOf("<ph id=\"2\"");
            return xml.substring(0, inTarget) + xml.substring(xml.indexOf("/>", inTarget) + 2);
        });

        assertThat(rejection()).contains("Unit \"lead\": The translation lacks the inline code <ph id=\"2\"/>")
                .contains("Put every inline code (tag) of the source into the translation");
    }

    @Test
    void inlineCodeThatIsNotInTheSource() throws Exception {
        returnEdited(new CatTool(), xml -> {
            int inTarget = xml.lastIndexOf("<ph id=\"4\"");
            return xml.substring(0, inTarget) + "<ph id=\"9\"/>" + xml.substring(inTarget);
        });

        assertThat(rejection()).contains("Unit \"b0\": The translation has inline code(s) <ph id=\"9\"/> that are not in the source");
    }

    @Test
    void wrongTargetLanguage() throws Exception {
        returnEdited(new CatTool(), xml -> xml.replace("trgLang=\"en\"", "trgLang=\"de\""));

        assertThat(rejection()).contains("Whole file: The file's target language is \"de\", but Tolk asked for a translation into \"en\"");
    }

    @Test
    void aCorrectedFileIsAcceptedAndItsReportRemoved() throws Exception {
        new CatTool().skipping(Set.of("title")).translate(request, returned);
        rejection();

        new CatTool().translate(request, returned);
        TranslationResult result = translator.translate(XliffTranslatorTest.request(2));

        assertThat(result.segments()).containsExactlyElementsOf(XliffTranslatorTest.expectedEnglish());
        assertThat(returned.resolveSibling(returned.getFileName() + ".error.txt")).doesNotExist();
        assertThat(root.resolve("done").resolve(returned.getFileName())).exists();
    }
}
