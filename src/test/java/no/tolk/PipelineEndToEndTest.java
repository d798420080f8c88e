package no.tolk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.tolk.article.ArticleJson;
import no.tolk.cli.TolkCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tolk once` over a temporary home holding every sample, good and bad, as a user would run it. */
class PipelineEndToEndTest {

    @TempDir
    Path home;

    @Test
    void onceTakesEverySampleThroughAndStatusReportsIt() throws Exception {
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        Stream.concat(Samples.good().stream(), Samples.bad().stream()).forEach(sample -> Samples.drop(sample, inbox));

        int exit = TolkCommand.commandLine().execute("once", "--home", home.toString());

        assertThat(exit).as("a quarantined article is not a failure of the run").isZero();
        try (Stream<Path> left = Files.list(inbox)) {
            assertThat(left).isEmpty();
        }
        List<Path> quarantine;
        try (Stream<Path> files = Files.list(home.resolve("quarantine"))) {
            quarantine = files.toList();
        }
        List<Path> archive;
        try (Stream<Path> files = Files.walk(home.resolve("archive"))) {
            archive = files.filter(Files::isRegularFile).toList();
        }
        for (Path sample : Stream.concat(Samples.good().stream(), Samples.bad().stream()).toList()) {
            byte[] original = Files.readAllBytes(sample);
            assertThat(archive).as("an untouched copy of " + sample.getFileName() + " in archive/")
                    .anySatisfy(copy -> assertThat(Files.readAllBytes(copy)).isEqualTo(original));
        }
        for (Path bad : Samples.bad()) {
            byte[] original = Files.readAllBytes(bad);
            assertThat(quarantine).as("a byte-identical copy of " + bad.getFileName() + " with its report")
                    .anySatisfy(copy -> {
                        assertThat(Files.readAllBytes(copy)).isEqualTo(original);
                        assertThat(copy.resolveSibling(copy.getFileName() + ".error.txt")).exists();
                    });
        }

        JsonNode status = ArticleJson.mapper().readTree(run("status", "--home", home.toString(), "--json"));
        JsonNode articles = status.get("articles");
        assertThat(articles).hasSize(distinctArticles() + Samples.bad().size() - duplicatesAmongBad());
        List<String> states = articles.findValuesAsText("state");
        assertThat(states.stream().filter(state -> state.equals("quarantined")).count())
                .isEqualTo(Samples.bad().size() - duplicatesAmongBad());
        assertThat(states.stream().filter(state -> !state.equals("quarantined")))
                .hasSize(distinctArticles())
                .allSatisfy(state -> assertThat(state).isNotIn("failed", "received"));
        articles.forEach(article -> assertThat(article.fieldNames()).toIterable()
                .contains("id", "title", "state", "revision", "lastError"));
    }

    @Test
    void extractPrintsJsonAndFailsClearlyOnUnreadableInput() throws Exception {
        JsonNode article = ArticleJson.mapper().readTree(run("extract", Samples.good("docx").toString()));
        assertThat(article.get("title").asText()).isNotBlank();
        assertThat(article.get("blocks")).isNotEmpty();

        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = TolkCommand.commandLine().execute("extract", Samples.BAD.resolve("kryptert.pdf").toString());
        } finally {
            System.setErr(original);
        }
        assertThat(exit).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8).strip()).contains("kryptert.pdf").contains("encrypted")
                .doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void aSecondPipelineOnTheSameHomeIsRefusedWhileStatusStillWorks() throws Exception {
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        Samples.drop(Samples.good("txt"), inbox);
        try (ExternalProcess service = ExternalProcess.start(home, Map.of("TOLK_INGEST_READ_LOCK_MIN_AGE", "0"), List.of(),
                "run", "--home", home.toString())) {
            service.awaitOutput("Tolk ready", Duration.ofSeconds(60));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> isEmpty(inbox));

            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            PrintStream original = System.err;
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            int second;
            try {
                second = new picocli.CommandLine(new TolkCommand()).setErr(new java.io.PrintWriter(errors, true))
                        .execute("once", "--home", home.toString());
            } finally {
                System.setErr(original);
            }
            assertThat(second).isNotZero();
            assertThat(errors.toString(StandardCharsets.UTF_8)).contains("another Tolk process");

            JsonNode status = ArticleJson.mapper().readTree(run("status", "--home", home.toString(), "--json"));
            assertThat(status.get("articles")).hasSize(1);
        }
    }

    private static boolean isEmpty(Path folder) throws java.io.IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }

    /** havbruk-vesteralen.doc and .docx share a name: the second is a revision of the first, not a new article. */
    private static int distinctArticles() {
        return (int) Samples.good().stream().map(path -> path.getFileName().toString().replaceFirst("\\.[^.]+$", ""))
                .distinct().count();
    }

    /** Bad samples with identical bytes (two empty files) are one piece of content to the ledger. */
    private static int duplicatesAmongBad() throws java.io.IOException {
        long distinct = Samples.bad().stream().map(path -> no.tolk.ingest.InboxIntake.sha256(path)).distinct().count();
        return Samples.bad().size() - (int) distinct;
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = TolkCommand.commandLine().execute(args);
            assertThat(exit).as("tolk " + String.join(" ", args)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
