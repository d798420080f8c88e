package no.tolk.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.article.Block;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CAT tool Debian ships: Tolk's XLIFF 1.2 request goes into an OmegaT project (omegat.project,
 * source/, a TMX in tm/enforce/), OmegaT translates it in console mode, and OmegaT's file from target/
 * dropped into translations/inbox/ makes the article translated. Skipped only when OmegaT is not
 * installed and TOLK_TEST_OMEGAT is not "required" (.ci/run installs it and requires it).
 */
class OmegaTRoundTripTest {

    static final Path OMEGAT_JAR = Path.of("/usr/share/omegat/OmegaT.jar");

    @TempDir
    Path home;
    @TempDir
    Path project;
    StageHarness harness;

    @BeforeEach
    void setUp() {
        if (!Files.isRegularFile(OMEGAT_JAR)) {
            if ("required".equals(System.getenv("TOLK_TEST_OMEGAT"))) {
                fail("OmegaT is required (TOLK_TEST_OMEGAT=required) but " + OMEGAT_JAR + " is missing: apt-get install omegat");
            }
            Assumptions.abort("OmegaT is not installed (apt-get install omegat)");
        }
        harness = new StageHarness(home);
    }

    @AfterEach
    void tearDown() {
        if (harness != null) harness.close();
    }

    @Test
    void omegatTranslatesTolksXliffAndTheArticleIsTranslated() throws Exception {
        Article article = harness.extracted(StageHarness.Articles.article());
        TranslationStage stage = harness.stage("xliff");
        assertThat(stage.runPending()).isEqualTo(1);
        Path request = home.resolve("translations/outbox/" + article.id() + "-r1-nb-en.xlf");
        int unitsWritten = count(Files.readString(request, StandardCharsets.UTF_8), "<trans-unit ");

        Files.createDirectories(project.resolve("source"));
        Files.createDirectories(project.resolve("tm/enforce"));
        for (String folder : List.of("target", "omegat", "glossary", "dictionary")) Files.createDirectories(project.resolve(folder));
        Files.copy(request, project.resolve("source").resolve(request.getFileName()));
        Files.writeString(project.resolve("omegat.project"), PROJECT, StandardCharsets.UTF_8);

        // the segments exactly as OmegaT sees them (its own tag shortcuts), from OmegaT itself
        Path pseudo = project.resolve("pseudo.tmx");
        omegat("--mode=console-createpseudotranslatetmx", "--pseudotranslatetmx=" + pseudo, "--pseudotranslatetype=equal");
        List<String> segments = new ArrayList<>();
        Matcher seg = Pattern.compile("<tuv lang=\"nb\">\\s*<seg>(.*?)</seg>", Pattern.DOTALL)
                .matcher(Files.readString(pseudo, StandardCharsets.UTF_8));
        while (seg.find()) segments.add(seg.group(1));
        assertThat(segments).isNotEmpty();
        StringBuilder tmx = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">"
                + "<header creationtool=\"tolk-test\" creationtoolversion=\"1\" segtype=\"paragraph\" o-tmf=\"tolk\""
                + " adminlang=\"en\" srclang=\"nb\" datatype=\"plaintext\"/>\n<body>\n");
        for (String source : segments) {
            // OmegaT leaves leading and trailing tags out of the segment; the phrase book's phrases after a name start with a space
            String english = harness.deepl.translate(source);
            if (english.equals(source)) english = harness.deepl.translate(" " + source).strip();
            tmx.append("<tu><tuv xml:lang=\"nb\"><seg>").append(source).append("</seg></tuv><tuv xml:lang=\"en\"><seg>")
                    .append(english).append("</seg></tuv></tu>\n");
        }
        tmx.append("</body>\n</tmx>\n");
        Files.writeString(project.resolve("tm/enforce/agency.tmx"), tmx, StandardCharsets.UTF_8);

        long started = System.nanoTime();
        String console = omegat("--mode=console-translate");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(console).contains("Translated document created");
        String stats = Files.readString(project.resolve("omegat/project_stats.txt"), StandardCharsets.UTF_8);
        Matcher total = Pattern.compile("Total:\\s+(\\d+)").matcher(stats);
        assertThat(total.find()).isTrue();
        int loaded = Integer.parseInt(total.group(1));
        Matcher remaining = Pattern.compile("Remaining:\\s+(\\d+)").matcher(stats);
        assertThat(remaining.find()).isTrue();
        System.out.printf("OmegaT loaded %d segments for %d units Tolk wrote; %d remaining; console-translate took %d ms%n",
                loaded, unitsWritten, Integer.parseInt(remaining.group(1)), millis);
        assertThat(loaded).isEqualTo(unitsWritten);
        assertThat(Integer.parseInt(remaining.group(1))).isZero();

        Path translated = project.resolve("target").resolve(request.getFileName());
        Path returned = home.resolve("translations/inbox/omegat-" + request.getFileName());
        Files.copy(translated, returned);
        assertThat(stage.runPending()).as(() -> report(returned)).isEqualTo(1);

        assertThat(harness.state(article.id())).isEqualTo(ArticleState.TRANSLATED);
        Translation translation = harness.translations.find(article.id(), 1, "en").orElseThrow();
        assertThat(translation.engine()).isEqualTo("xliff");
        assertThat(translation.article().title()).isEqualTo("New cluster agreement secures growth in Innlandet");
        assertThat(translation.article().blocks()).extracting(Block::text).contains(
                "Innovasjon Norge supports the business cluster with 2.5 million kroner this year.");
        assertThat(translation.qa()).noneMatch(QaFinding::isError);
        assertThat(home.resolve("translations/done/omegat-" + request.getFileName())).exists();
    }

    private String omegat(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-jar", OMEGAT_JAR.toString()));
        command.addAll(List.of(arguments));
        command.add(project.toString());
        Path log = Files.createTempFile(project, "omegat", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("OmegaT did not finish within 3 minutes");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static String report(Path returned) {
        try {
            Path report = returned.resolveSibling(returned.getFileName() + ".error.txt");
            return Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : "no error report";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) count++;
        return count;
    }

    /** An OmegaT project for nb -> en that keeps each XLIFF unit one segment (no sentence segmentation). */
    static final String PROJECT = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <omegat>
                <project version="1.0">
                    <source_dir>source</source_dir>
                    <source_dir_excludes/>
                    <target_dir>target</target_dir>
                    <tm_dir>tm</tm_dir>
                    <glossary_dir>glossary</glossary_dir>
                    <glossary_file>glossary/glossary.txt</glossary_file>
                    <dictionary_dir>dictionary</dictionary_dir>
                    <source_lang>nb</source_lang>
                    <target_lang>en</target_lang>
                    <source_tok>org.omegat.tokenizer.LuceneNorwegianTokenizer</source_tok>
                    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
                    <sentence_seg>false</sentence_seg>
                    <support_default_translations>true</support_default_translations>
                    <remove_tags>false</remove_tags>
                </project>
            </omegat>
            """;
}
