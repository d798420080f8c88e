package no.tolk.translate.xliff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.okapi.lib.xliff2.core.Segment;
import net.sf.okapi.lib.xliff2.core.Unit;
import net.sf.okapi.lib.xliff2.reader.Event;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import no.tolk.translate.EngineRejectedException;
import no.tolk.translate.TranslationPendingException;
import no.tolk.translate.TranslationRequest;
import no.tolk.translate.TranslationResult;
import no.tolk.translate.Usage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XliffTranslatorTest {

    static final String ARTICLE = "3fa9c01b22";
    static final String REQUEST_FILE = ARTICLE + "-r2-nb-en.xlf";

    @TempDir
    Path root;
    XliffTranslator translator;

    @BeforeEach
    void setUp() {
        translator = new XliffTranslator(root, XliffVersion.V2_0);
    }

    static List<no.tolk.translate.Segment> segments() {
        return List.of(
                new no.tolk.translate.Segment("title", "Kommunen åpner nytt bibliotek"),
                new no.tolk.translate.Segment("lead", "Biblioteket på Grünerløkka åpner <x id=\"1\"/>i dag<x id=\"2\"/>."),
                new no.tolk.translate.Segment("b0", "Les mer på <x id=\"3\"/> & se «kart» over <x id=\"4\"/> <Grünerløkka>"),
                new no.tolk.translate.Segment("b1", "Åpningstider:\nmandag–fredag 10–18\nlørdag 10–16"));
    }

    static TranslationRequest request(int revision) {
        return new TranslationRequest("nb", "en", segments(), Map.of("bibliotek", "library"), Set.of("Grünerløkka"))
                .forDocument(ARTICLE, revision);
    }

    static List<no.tolk.translate.Segment> expectedEnglish() {
        return segments().stream()
                .map(segment -> new no.tolk.translate.Segment(segment.id(), CatTool.translate(segment.text())))
                .toList();
    }

    Path outbox(String name) {
        return root.resolve("outbox").resolve(name);
    }

    Path inbox(String name) {
        return root.resolve("inbox").resolve(name);
    }

    Path requestTranslation(int revision) {
        TranslationPendingException pending = catchThrowableOfType(TranslationPendingException.class,
                () -> translator.translate(request(revision)));
        assertThat(pending).as("translation is pending").isNotNull();
        return outbox(ARTICLE + "-r" + revision + "-nb-en.xlf");
    }

    /** The translation, or a failure that shows the error reports Tolk wrote. */
    TranslationResult translated(TranslationRequest request) throws Exception {
        try {
            return translator.translate(request);
        } catch (TranslationPendingException e) {
            StringBuilder reports = new StringBuilder(e.getMessage());
            try (var files = Files.list(root.resolve("inbox"))) {
                for (Path report : files.filter(path -> path.toString().endsWith(".error.txt")).toList()) {
                    reports.append("\n").append(Files.readString(report, StandardCharsets.UTF_8));
                }
            }
            throw new AssertionError(reports.toString(), e);
        }
    }

    @Test
    void writesAnXliffRequestAndReportsThePendingTranslation() throws Exception {
        TranslationPendingException pending = catchThrowableOfType(TranslationPendingException.class,
                () -> translator.translate(request(2)));

        Path file = outbox(REQUEST_FILE);
        assertThat(pending.getMessage()).contains(file.toString()).contains(root.resolve("inbox").toString())
                .contains("article " + ARTICLE + " revision 2");
        XLIFFReader.validate(file.toFile());
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(xml)
                .contains("version=\"2.0\"").contains("srcLang=\"nb\"").contains("trgLang=\"en\"")
                .contains("<file id=\"" + ARTICLE + "-r2\"")
                .contains("original=\"tolk/article/" + ARTICLE + "/revision/2\"")
                .contains("<mda:meta type=\"article-id\">" + ARTICLE + "</mda:meta>")
                .contains("<mda:meta type=\"revision\">2</mda:meta>")
                .contains("Biblioteket på Grünerløkka åpner <ph id=\"1\" canDelete=\"no\"/>i dag<ph id=\"2\" canDelete=\"no\"/>.")
                .contains("Les mer på <ph id=\"3\" canDelete=\"no\"/> &amp; se «kart» over <ph id=\"4\" canDelete=\"no\"/> &lt;Grünerløkka&gt;")
                .contains("<note category=\"glossary\">Glossary: translate \"bibliotek\" as \"library\"</note>")
                .contains("<note category=\"do-not-translate\">Do not translate: keep \"Grünerløkka\" as it is</note>")
                .doesNotContain("<x id=");

        List<String> unitIds = new ArrayList<>();
        List<String> unitNotes = new ArrayList<>();
        try (XLIFFReader reader = new XLIFFReader()) {
            reader.open(file.toFile());
            while (reader.hasNext()) {
                Event event = reader.next();
                if (event.isUnit()) {
                    Unit unit = event.getUnit();
                    unitIds.add(unit.getId());
                    unit.getNotes().forEach(note -> unitNotes.add(unit.getId() + ": " + note.getText()));
                    assertThat(unit.getPart(0).getPreserveWS()).isTrue();
                }
            }
        }
        assertThat(unitIds).containsExactly("title", "lead", "b0", "b1");
        assertThat(unitNotes).containsExactlyInAnyOrder(
                "title: Glossary: translate \"bibliotek\" as \"library\"",
                "lead: Glossary: translate \"bibliotek\" as \"library\"",
                "lead: Do not translate: keep \"Grünerløkka\" as it is",
                "b0: Do not translate: keep \"Grünerløkka\" as it is");
    }

    @Test
    void returnsTheTranslationMadeWithOkapiAndFilesItAsDone() throws Exception {
        Path request = requestTranslation(2);
        Path returned = inbox(REQUEST_FILE);
        new CatTool().translate(request, returned);
        XLIFFReader.validate(returned.toFile());

        TranslationResult result = translated(request(2));

        assertThat(result.segments()).containsExactlyElementsOf(expectedEnglish());
        assertThat(result.segments().get(1).text())
                .isEqualTo("The library at Grünerløkka opens <x id=\"1\"/>today<x id=\"2\"/>.");
        assertThat(result.segments().get(3).text()).isEqualTo("Opening hours:\nMonday–Friday 10–18\nSaturday 10–16");
        assertThat(result.usage()).isEqualTo(new Usage("xliff", null, 0, 0));
        assertThat(returned).doesNotExist();
        assertThat(root.resolve("done").resolve(REQUEST_FILE)).exists();
        assertThat(request).as("the request is no longer outstanding").doesNotExist();
    }

    @Test
    void acceptsAFileTranslatedByEditingTheXmlByHand() throws Exception {
        Path request = requestTranslation(2);
        String xml = Files.readString(request, StandardCharsets.UTF_8);
        // what a translator with a text editor does: add a <target> after each <source> and mark it translated
        Matcher segment = Pattern.compile("<segment([^>]*)>(\\s*)(<source[^>]*>)(.*?)</source>", Pattern.DOTALL).matcher(xml);
        StringBuilder edited = new StringBuilder();
        while (segment.find()) {
            String source = segment.group(4);
            String target = CatTool.translateXml(source);
            segment.appendReplacement(edited, Matcher.quoteReplacement("<segment" + segment.group(1)
                    + " state=\"translated\">" + segment.group(2)
                    + segment.group(3) + source + "</source>" + segment.group(2)
                    + "<target xml:space=\"preserve\">" + target + "</target>"));
        }
        segment.appendTail(edited);
        Path returned = inbox("oversatt av Kari.xlf");
        Files.writeString(returned, edited.toString(), StandardCharsets.UTF_8);

        TranslationResult result = translated(request(2));

        assertThat(result.segments()).containsExactlyElementsOf(expectedEnglish());
        assertThat(root.resolve("done").resolve("oversatt av Kari.xlf")).exists();
    }

    @Test
    void anEmptyBlockNeedsNoTranslation() throws Exception {
        List<no.tolk.translate.Segment> withEmpty = new ArrayList<>(segments());
        withEmpty.add(new no.tolk.translate.Segment("b2", ""));
        TranslationRequest request = new TranslationRequest("nb", "en", withEmpty, Map.of(), Set.of()).forDocument(ARTICLE, 2);
        assertThatThrownBy(() -> translator.translate(request)).isInstanceOf(TranslationPendingException.class);
        new CatTool().editing(unit -> {
            if (unit.getId().equals("b2")) unit.getSegment(0).setState(net.sf.okapi.lib.xliff2.core.TargetState.INITIAL);
        }).translate(outbox(REQUEST_FILE), inbox(REQUEST_FILE));

        TranslationResult result = translated(request);

        assertThat(result.segments()).hasSize(5).last().isEqualTo(new no.tolk.translate.Segment("b2", ""));
    }

    @Test
    void doesNotRewriteTheRequestWhileWaiting() throws Exception {
        Path request = requestTranslation(2);
        FileTime written = FileTime.from(Instant.parse("2026-01-01T10:00:00Z"));
        Files.setLastModifiedTime(request, written);
        String content = Files.readString(request, StandardCharsets.UTF_8);

        TranslationPendingException pending = catchThrowableOfType(TranslationPendingException.class,
                () -> translator.translate(request(2)));

        assertThat(pending).isNotNull();
        assertThat(Files.getLastModifiedTime(request)).isEqualTo(written);
        assertThat(Files.readString(request, StandardCharsets.UTF_8)).isEqualTo(content);
        assertThat(root.resolve("outbox")).isDirectoryContaining(path -> path.equals(request));
        try (var files = Files.list(root.resolve("outbox"))) {
            assertThat(files).containsExactly(request);
        }
    }

    @Test
    void aNewRevisionReplacesTheOutstandingRequestOfTheOldOne() {
        Path first = requestTranslation(1);
        Path second = requestTranslation(2);

        assertThat(first).doesNotExist();
        assertThat(second).exists();
    }

    @Test
    void refusesARequestWithoutArticleRevision() {
        TranslationRequest anonymous = new TranslationRequest("nb", "en", segments(), Map.of(), Set.of());

        assertThatThrownBy(() -> translator.translate(anonymous))
                .isInstanceOf(EngineRejectedException.class).hasMessageContaining("article id and revision");
    }

    @Test
    void refusesAnArticleIdThatCannotNameAFile() {
        assertThatThrownBy(() -> translator.translate("../etc", 1, request(1)))
                .isInstanceOf(EngineRejectedException.class).hasMessageContaining("../etc");
        assertThat(root.resolve("outbox")).doesNotExist();
    }

    @Test
    void declaresNoBatchLimitsSoAnArticleStaysOneFile() {
        assertThat(translator.name()).isEqualTo("xliff");
        assertThat(translator.capabilities().maxSegmentsPerRequest()).isEqualTo(Integer.MAX_VALUE);
        assertThat(translator.capabilities().maxBytesPerRequest()).isEqualTo(Integer.MAX_VALUE);
    }
}
