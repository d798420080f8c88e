package no.tolk.ops;

import org.junit.jupiter.api.AfterAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.tolk.ExternalProcess;
import no.tolk.Samples;
import no.tolk.article.ArticleJson;
import no.tolk.article.ArticleState;
import no.tolk.cli.TolkCommand;
import no.tolk.store.ArticleSummary;
import no.tolk.store.Database;
import no.tolk.store.JdbcArticleStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'tolk once' over the samples (good and bad) with every kind of secret configured and every external service
 * unreachable: no secret value appears in anything written (logs, quarantine reports, outbox, site, database files,
 * stdout/stderr). Then 'tolk status' lists what needs attention with the command to act on it.
 */
class OperatorViewTest {

    private static final List<String> SECRETS = List.of("secret-value-123", "wp-app-pass-4567", "masto-token-8910",
            "bsky-pass-1112", "openai-key-1314", "google-key-1516");

    @TempDir
    static Path home;

    @AfterAll
    static void closeTheHomeDatabase() throws Exception {
        no.tolk.store.HomeDatabase.shutDown(home);
    }
    static String processOutput;

    @BeforeAll
    static void runOnceWithSecrets() throws Exception {
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        Samples.good().forEach(sample -> Samples.drop(sample, inbox));
        Samples.bad().stream().limit(3).forEach(sample -> Samples.drop(sample, inbox));
        String dead = "http://127.0.0.1:" + freePort();
        Map<String, String> environment = new HashMap<>();
        environment.put("TOLK_INGEST_READ_LOCK_MIN_AGE", "0");
        environment.put("TOLK_INGEST_POLL_DELAY", "100");
        environment.put("TOLK_DEBUG", "1");
        environment.put("DEEPL_AUTH_KEY", SECRETS.get(0));
        environment.put("WORDPRESS_USER", "editor");
        environment.put("WORDPRESS_APP_PASSWORD", SECRETS.get(1));
        environment.put("MASTODON_ACCESS_TOKEN", SECRETS.get(2));
        environment.put("BLUESKY_HANDLE", "tolk.example");
        environment.put("BLUESKY_APP_PASSWORD", SECRETS.get(3));
        environment.put("OPENAI_API_KEY", SECRETS.get(4));
        environment.put("GOOGLE_TRANSLATE_API_KEY", SECRETS.get(5));
        environment.put("TOLK_TRANSLATE_ENGINE", "deepl");
        environment.put("TOLK_TRANSLATE_FALLBACK", "openai");
        environment.put("TOLK_TRANSLATE_DEEPL_URL", dead);
        environment.put("TOLK_TRANSLATE_OPENAI_URL", dead);
        environment.put("TOLK_TRANSLATE_RETRY_MAX_ATTEMPTS", "1");
        environment.put("TOLK_CMS_TYPE", "wordpress");
        environment.put("TOLK_CMS_WORDPRESS_URL", dead);
        environment.put("TOLK_SOCIAL_CHANNELS", "mastodon,bluesky,outbox");
        environment.put("TOLK_SOCIAL_MASTODON_URL", dead);
        environment.put("TOLK_SOCIAL_BLUESKY_URL", dead);
        try (ExternalProcess once = ExternalProcess.start(home, environment,
                List.of("-Xmx512m", "-Dtolk.log.dir=" + home.resolve("logs")), "once", "--home", home.toString())) {
            once.awaitExit(Duration.ofSeconds(180));
            processOutput = once.output();
        }
    }

    @Test
    void noSecretValueIsWrittenAnywhere() throws IOException {
        assertThat(processOutput).as("the run did its work").contains("Inbox done");
        List<Path> written = new ArrayList<>();
        try (Stream<Path> files = Files.walk(home)) {
            files.filter(Files::isRegularFile).forEach(written::add);
        }
        assertThat(written).as("logs and quarantine reports were written")
                .anyMatch(path -> path.toString().contains("logs"))
                .anyMatch(path -> path.toString().endsWith(".error.txt"));
        for (String secret : SECRETS) {
            assertThat(processOutput).as("stdout/stderr").doesNotContain(secret);
            for (Path file : written) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).as(file.toString()).doesNotContain(secret);
            }
        }
    }

    @Test
    void statusListsWhatNeedsAttentionWithTheCommandToActOnIt() throws Exception {
        JdbcArticleStore store = new JdbcArticleStore(Database.open(Database.defaultUrl(home), "", ""));
        List<ArticleSummary> extracted = store.listArticles().stream().filter(article -> article.state().equals("extracted")).toList();
        assertThat(extracted).hasSizeGreaterThanOrEqualTo(2);
        String failing = extracted.get(0).id();
        String reviewed = extracted.get(1).id();
        store.changeState(failing, ArticleState.FAILED, "DeepL answered 456: quota exceeded");
        store.changeState(reviewed, ArticleState.IN_REVIEW, "translated; review required");

        String table = status("status", "--home", home.toString());
        assertThat(table).contains("Needs attention", "tolk retry " + failing, "DeepL answered 456: quota exceeded",
                "tolk approve " + reviewed, "quarantine/");

        JsonNode json = ArticleJson.mapper().readTree(status("status", "--json", "--home", home.toString()));
        assertThat(json.get("articles").size()).isEqualTo(store.listArticles().size());
        Map<String, Integer> counts = store.countByState();
        counts.forEach((state, count) -> assertThat(json.get("counts").get(state).asInt()).as(state).isEqualTo(count));
        assertThat(json.get("counts").get("failed").asInt()).isEqualTo(1);
        assertThat(json.get("attention").findValuesAsText("id")).contains(failing, reviewed);
        assertThat(json.get("attention").findValuesAsText("action")).anyMatch(action -> action.contains("tolk retry " + failing));
    }

    private static String status(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(TolkCommand.commandLine().execute(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
