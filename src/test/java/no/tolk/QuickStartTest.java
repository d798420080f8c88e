package no.tolk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.tolk.article.ArticleJson;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start, step by step, as separate JVMs the way a user runs it: every sample (good and bad) into
 * a new home's inbox, {@code tolk tm import samples/translation-memory.tmx}, then {@code tolk once} with
 * {@code TOLK_CMS_STATIC_BASE_URL} set. Every good sample but the one left out of the memory is published in both
 * languages to {@code site/} and {@code outbox/social/}; the left-out one waits for a translator with its XLIFF file
 * in {@code translations/outbox/}; where Hugo is installed, the site builds.
 */
class QuickStartTest {

    /** The sample deliberately missing from the shipped memory (see README, Quick start). */
    private static final String LEFT_OUT = "klyngemote-hamar";
    private static final Path MEMORY = Samples.ROOT.resolve("translation-memory.tmx");
    private static final String BASE_URL = "http://localhost:1313/";

    @TempDir
    Path home;

    @Test
    void theQuickStartPublishesEveryTranslatedSampleAndHandsTheOtherToATranslator() throws Exception {
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        Stream.concat(Samples.good().stream(), Samples.bad().stream()).forEach(sample -> Samples.drop(sample, inbox));

        String imported = tolk(Map.of(), "tm", "import", MEMORY.toString(), "--home", home.toString());
        Map<String, String> englishTitles = englishTitles();
        assertThat(imported).contains("translation-memory.tmx: " + unitCount() + " units read, " + unitCount() + " added");
        tolk(Map.of("TOLK_CMS_STATIC_BASE_URL", BASE_URL), "once", "--home", home.toString());

        String statusOutput = tolk(Map.of(), "status", "--home", home.toString(), "--json");
        JsonNode status = ArticleJson.mapper().readTree(statusOutput.substring(statusOutput.indexOf('{')));
        Map<String, JsonNode> byState = new LinkedHashMap<>();
        List<JsonNode> published = new ArrayList<>();
        for (JsonNode article : status.get("articles")) {
            if (article.get("state").asText().equals("published")) published.add(article);
            else byState.putIfAbsent(article.get("state").asText() + "/" + article.get("title").asText(), article);
        }
        // the .doc and .docx samples are one article (the second is a revision of the first)
        assertThat(published).as("every good sample but " + LEFT_OUT).hasSize(englishTitles.size());
        String leftOutTitle = ArticleJson.mapper().readTree(Samples.EXPECTED.resolve(LEFT_OUT + ".txt.json").toFile())
                .get("title").asText();
        JsonNode waiting = byState.get("awaiting_translation/" + leftOutTitle);
        assertThat(waiting).as("the left-out sample waits for a translator: " + byState.keySet()).isNotNull();
        assertThat(home.resolve("translations/outbox/" + waiting.get("id").asText() + "-r1-nb-en.xlf")).isRegularFile();
        assertThat(byState.keySet()).allSatisfy(key -> assertThat(key)
                .matches("quarantined/.*|awaiting_translation/" + java.util.regex.Pattern.quote(leftOutTitle)));

        String englishPages = readAll(home.resolve("site/content/en"), ".md");
        String mastodonPosts = readAll(home.resolve("outbox/social/mastodon"), "-en.txt");
        assertThat(englishTitles.get("tare-helgeland")).isEqualTo("Kelp from Helgeland could become a new export");
        for (Map.Entry<String, String> title : englishTitles.entrySet()) {
            assertThat(englishPages).as("English page of " + title.getKey()).contains("title: \"" + title.getValue() + "\"");
            assertThat(mastodonPosts).as("English social post of " + title.getKey()).contains(title.getValue());
        }
        for (JsonNode article : published) {
            String id = article.get("id").asText();
            int revision = article.get("revision").asInt();
            assertThat(readAll(home.resolve("site/content/nb"), ".md")).contains("title: \"" + article.get("title").asText() + "\"");
            for (String language : List.of("nb", "en")) {
                Path post = home.resolve("outbox/social/mastodon/" + id + "-r" + revision + "-" + language + ".txt");
                assertThat(post).isRegularFile();
                assertThat(Files.readString(post)).contains(BASE_URL + language + "/");
            }
        }
        assertThat(Files.list(home.resolve("site/content/en")).filter(page -> page.toString().endsWith(".md")).count())
                .isEqualTo(published.size());

        Path hugo = executable("hugo");
        if (hugo != null) {
            Process build = new ProcessBuilder(hugo.toString(), "-s", home.resolve("site").toString(), "-d",
                    home.resolve("public").toString()).redirectErrorStream(true)
                    .redirectOutput(home.resolve("hugo.log").toFile()).start();
            assertThat(build.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String log = Files.readString(home.resolve("hugo.log"));
            assertThat(build.exitValue()).as(log).isZero();
            assertThat(log).doesNotContain("ERROR");
            assertThat(home.resolve("public/en")).isDirectory();
        }
    }

    @Test
    void tmImportStartsTheDatabaseOfANewHomeButNeverCreatesAMissingHome() throws Exception {
        Path fresh = Files.createDirectories(home.resolve("fresh"));
        assertThat(no.tolk.cli.TolkCommand.commandLine().execute("tm", "import", MEMORY.toString(), "--home", fresh.toString()))
                .isZero();
        assertThat(fresh.resolve("data/tolk.mv.db")).isRegularFile();

        Path typo = home.resolve("no-such-home");
        assertThat(no.tolk.cli.TolkCommand.commandLine().execute("tm", "import", MEMORY.toString(), "--home", typo.toString()))
                .isEqualTo(2);
        assertThat(typo).doesNotExist();
    }

    /** Sample name (file name without extension) to the English title written in the shipped memory. */
    private static Map<String, String> englishTitles() throws Exception {
        Map<String, String> titles = new LinkedHashMap<>();
        for (Element unit : memory().select("tu")) {
            String[] id = unit.attr("tuid").split("/");
            if (id[1].equals("title")) {
                titles.put(id[0], unit.selectFirst("tuv[xml:lang=en-GB] seg").text());
            }
        }
        assertThat(titles).doesNotContainKey(LEFT_OUT);
        return titles;
    }

    private static int unitCount() throws Exception {
        return memory().select("tu").size();
    }

    private static Document memory() throws Exception {
        return Jsoup.parse(Files.readString(MEMORY, StandardCharsets.UTF_8), "", Parser.xmlParser());
    }

    private static String readAll(Path folder, String suffix) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }

    /** Runs one tolk command in its own JVM (as the README does) and returns what it printed; it must exit 0. */
    private String tolk(Map<String, String> environment, String... args) throws Exception {
        try (ExternalProcess process = ExternalProcess.start(home, environment, List.of(), args)) {
            int exit = process.awaitExit(Duration.ofMinutes(5));
            assertThat(exit).as("tolk " + String.join(" ", args) + ":\n" + process.output()).isZero();
            return process.output();
        }
    }

    private static Path executable(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }
}
