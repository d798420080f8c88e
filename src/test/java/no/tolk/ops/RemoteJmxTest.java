package no.tolk.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import no.tolk.ExternalProcess;
import no.tolk.Samples;
import no.tolk.store.Database;
import no.tolk.store.JdbcArticleStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A separately started 'tolk run' with remote JMX and the HTTP endpoints on, over the sample inbox:
 * a real RMI connection from this JVM reads Camel's route MBeans and tolk:type=Pipeline, invokes operations,
 * and is refused without credentials; the read-only role reads but cannot invoke. /health and /metrics answer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteJmxTest {

    private static final ObjectName PIPELINE = name("tolk:type=Pipeline");
    private static final ObjectName INBOX_ROUTE = name("org.apache.camel:context=tolk,type=routes,name=\"ingest-inbox\"");

    @TempDir
    static Path home;
    static ExternalProcess tolk;
    static int jmxPort;
    static int httpPort;
    static int files;

    @BeforeAll
    static void startTolk() throws Exception {
        Path passwords = Files.writeString(home.resolve("jmx.password"), "ops ops-secret-1\nwatcher watch-secret-2\n");
        Path access = Files.writeString(home.resolve("jmx.access"), "ops readwrite\nwatcher readonly\n");
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(access, PosixFilePermissions.fromString("rw-------"));
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        for (Path sample : Samples.good()) Samples.drop(sample, inbox);
        files = Samples.good().size();
        jmxPort = freePort();
        httpPort = freePort();
        Map<String, String> environment = new HashMap<>(Map.of(
                "TOLK_INGEST_POLL_DELAY", "100",
                "TOLK_INGEST_READ_LOCK_MIN_AGE", "0",
                "TOLK_INGEST_READ_LOCK_CHECK_INTERVAL", "50",
                "TOLK_JMX_PORT", String.valueOf(jmxPort),
                "TOLK_JMX_PASSWORD_FILE", passwords.toString(),
                "TOLK_JMX_ACCESS_FILE", access.toString(),
                "TOLK_HTTP_PORT", String.valueOf(httpPort)));
        environment.put("TOLK_TRANSLATE_DEEPL_MONTHLY_BUDGET", "500000");
        environment.put("TOLK_TRANSLATE_ENGINE", "xliff");
        environment.put("TOLK_TRANSLATE_FALLBACK", "deepl");
        // a fallback engine without its key is refused at start (configuration check); the key is never used here
        environment.put("DEEPL_AUTH_KEY", "not-a-real-key:fx");
        // articles stay where extraction left them, so the JMX counts and the store are compared at rest
        environment.put("TOLK_TRANSLATE_INITIAL_DELAY", "3600000");
        environment.put("TOLK_TRANSLATE_DEEPL_URL", "http://127.0.0.1:" + freePort());
        tolk = ExternalProcess.start(home, environment, List.of("-Xmx512m"), "run", "--home", home.toString());
        tolk.awaitOutput("Tolk ready", Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopTolk() throws Exception {
        if (tolk != null) tolk.close();
    }

    @Test
    @Order(1)
    void routeAndPipelineAttributesMatchTheStoreAfterTheInboxIsProcessed() throws Exception {
        try (JMXConnector connector = connect("ops", "ops-secret-1")) {
            MBeanServerConnection jmx = connector.getMBeanServerConnection();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> inboxCount() == 0 && (Long) jmx.getAttribute(INBOX_ROUTE, "ExchangesCompleted") >= files);

            assertThat((Long) jmx.getAttribute(INBOX_ROUTE, "ExchangesCompleted")).isEqualTo(files);
            assertThat(jmx.getAttribute(INBOX_ROUTE, "State")).isEqualTo("Started");
            Set<ObjectName> routes = jmx.queryNames(name("org.apache.camel:context=tolk,type=routes,*"), null);
            assertThat(routes).extracting(route -> route.getKeyProperty("name"))
                    .contains("\"ingest-inbox\"", "\"extract-article\"", "\"ingest-feeds\"");
            Set<ObjectName> steps = jmx.queryNames(name("org.apache.camel:context=tolk,type=processors,*"), null);
            assertThat(steps).extracting(step -> step.getKeyProperty("name")).as("every step has a stable id")
                    .contains("\"fingerprint-and-archive\"", "\"extract-with-tika\"", "\"store-article\"", "\"to-extract\"")
                    .noneMatch(step -> step.matches("\"[a-zA-Z]+\\d+\""));
            assertThat((Long) jmx.getAttribute(name("org.apache.camel:context=tolk,type=processors,name=\"store-article\""),
                    "ExchangesCompleted")).isEqualTo(files);

            Map<String, Integer> perState = toMap((TabularData) jmx.getAttribute(PIPELINE, "ArticlesPerState"));
            JdbcArticleStore store = new JdbcArticleStore(Database.open(Database.defaultUrl(home), "", ""));
            Map<String, Integer> stored = store.countByState();
            int articles = store.listArticles().size();
            assertThat(articles).as("the .doc and .docx samples are one article in two revisions").isEqualTo(files - 1);
            stored.forEach((state, count) -> assertThat(perState).containsEntry(state, count));
            assertThat(perState.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(articles);
            assertThat(perState).containsKeys("received", "in_review", "published", "failed", "quarantined");
            assertThat((Long) jmx.getAttribute(PIPELINE, "ArticlesToday")).isEqualTo(articles);

            Map<String, Long> budget = toMap((TabularData) jmx.getAttribute(PIPELINE, "MonthlyBudget"));
            assertThat(budget).containsEntry("deepl", 500000L);
            Map<String, String> oldest = toMap((TabularData) jmx.getAttribute(PIPELINE, "OldestWaitingArticle"));
            assertThat(oldest).containsKeys("id", "state", "since");
            assertThat(store.findArticle(oldest.get("id"))).isPresent();
        }
    }

    @Test
    @Order(2)
    void pauseIngestSuspendsTheIngestRoutesAndResumeStartsThem() throws Exception {
        try (JMXConnector connector = connect("ops", "ops-secret-1")) {
            MBeanServerConnection jmx = connector.getMBeanServerConnection();
            String paused = (String) jmx.invoke(PIPELINE, "pauseIngest", null, null);
            assertThat(paused).contains("ingest-inbox", "ingest-feeds");
            assertThat(jmx.getAttribute(INBOX_ROUTE, "State")).isEqualTo("Suspended");

            Path inbox = home.resolve("inbox");
            Samples.drop(Samples.good("md"), inbox, "while-paused.md");
            long completed = (Long) jmx.getAttribute(INBOX_ROUTE, "ExchangesCompleted");
            jmx.invoke(PIPELINE, "resumeIngest", null, null);
            assertThat(jmx.getAttribute(INBOX_ROUTE, "State")).isEqualTo("Started");
            assertThat(Files.exists(inbox.resolve("while-paused.md")) || (Long) jmx.getAttribute(INBOX_ROUTE, "ExchangesCompleted") > completed)
                    .as("the file dropped while paused waits, or is picked up only after resume").isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> (Long) jmx.getAttribute(INBOX_ROUTE, "ExchangesCompleted") == completed + 1);

            String review = (String) jmx.invoke(PIPELINE, "approve", new Object[] {"nope"}, new String[] {String.class.getName()});
            assertThat(review).as("either the review desk answers or the MBean says it is missing").isNotBlank();
        }
    }

    @Test
    @Order(3)
    void refusedWithoutOrWithWrongCredentials() {
        assertThatThrownBy(() -> JMXConnectorFactory.connect(url(), Map.of())).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> connect("ops", "wrong")).isInstanceOf(SecurityException.class);
    }

    @Test
    @Order(4)
    void readOnlyUserReadsButCannotInvoke() throws Exception {
        try (JMXConnector connector = connect("watcher", "watch-secret-2")) {
            MBeanServerConnection jmx = connector.getMBeanServerConnection();
            assertThat(jmx.getAttribute(PIPELINE, "ArticlesPerState")).isInstanceOf(TabularData.class);
            assertThat(jmx.getAttribute(INBOX_ROUTE, "ExchangesCompleted")).isInstanceOf(Long.class);
            assertThatThrownBy(() -> jmx.invoke(PIPELINE, "pauseIngest", null, null)).isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> jmx.invoke(INBOX_ROUTE, "stop", null, null)).isInstanceOf(SecurityException.class);
            assertThat(jmx.getAttribute(INBOX_ROUTE, "State")).isEqualTo("Started");
        }
    }

    @Test
    @Order(5)
    void healthAndMetricsAnswerOverHttp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(health.body()).contains("\"liveness\"", "\"readiness\"", "\"database\"", "\"status\" : \"UP\"");
        assertThat(health.body()).as("the unreachable fallback engine shows in readiness").contains("translate-deepl");

        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).as("an unreachable engine makes Tolk not ready, but alive").isEqualTo(503);

        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("tolk_articles{state=\"extracted\"}", "tolk_articles_today",
                "tolk_monthly_budget_remaining", "route_id=\"ingest-inbox\"");
    }

    private static JMXConnector connect(String user, String password) throws IOException {
        return JMXConnectorFactory.connect(url(), Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
    }

    private static JMXServiceURL url() throws IOException {
        return RemoteJmx.serviceUrl("127.0.0.1", jmxPort, jmxPort);
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> toMap(TabularData table) {
        Map<String, V> map = new TreeMap<>();
        for (Object row : table.values()) {
            CompositeData data = (CompositeData) row;
            map.put((String) data.get("key"), (V) data.get("value"));
        }
        return map;
    }

    private static long inboxCount() throws IOException {
        try (Stream<Path> entries = Files.list(home.resolve("inbox"))) {
            return entries.filter(path -> !path.getFileName().toString().startsWith(".")).count();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
