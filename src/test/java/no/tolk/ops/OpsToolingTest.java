package no.tolk.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import no.tolk.RunningPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ships in docs/ops/ is checked with the real tools: promtool on the alert rules and on a live /metrics
 * scrape, systemd-analyze on the unit. Each test is skipped only when its tool is missing and
 * TOLK_TEST_PROMTOOL is not "required" (CI sets it).
 */
class OpsToolingTest {

    private static final Path DOCS = Path.of("docs", "ops");

    @TempDir
    Path home;

    @Test
    void alertRulesPassPromtool() throws Exception {
        Tool result = run(List.of(promtool(), "check", "rules", DOCS.resolve("tolk-alerts.yml").toString()), null);
        assertThat(result.exit).as(result.output).isZero();
        assertThat(result.output).contains("SUCCESS: 8 rules found");
    }

    @Test
    void liveMetricsFollowPrometheusConventions() throws Exception {
        String promtool = promtool();
        int port = freePort();
        try (RunningPipeline running = RunningPipeline.start(home, Map.of("tolk.http.port", String.valueOf(port)))) {
            no.tolk.Samples.drop(no.tolk.Samples.good("md"), home.resolve("inbox"));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).until(() -> new PipelineFigures(
                    running.bean("dataSource", javax.sql.DataSource.class)).transitionsPerState().getOrDefault("EXTRACTED", 0L) == 1L);
            System.gc();
            HttpResponse<String> scrape = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            System.gc();
            String metrics = scrape.body();
            assertThat(metrics).as("counters keep reading the store after a GC").contains("tolk_articles_extracted_total 1.0");
            assertThat(metrics).contains("tolk_articles_extracted_total ", "tolk_articles_translated_total ", "tolk_articles_published_total ",
                    "tolk_articles_failed_total ", "tolk_articles_quarantined_total ", "tolk_billed_characters_total{engine=\"xliff\"}",
                    "tolk_ingest_paused 0.0", "tolk_monthly_budget_remaining{engine=\"xliff\"} -1.0",
                    "jvm_memory_used_bytes", "jvm_gc_", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                    "process_cpu_usage", "process_uptime_seconds", "process_files_open_files");
            Tool lint = run(List.of(promtool, "check", "metrics"), metrics);
            assertThat(lint.exit).as(lint.output).isZero();
            assertThat(lint.output).as("promtool's lint findings").isBlank();
        }
    }

    @Test
    void systemdUnitVerifies() throws Exception {
        assumeThat(onPath("systemd-analyze")).as("systemd-analyze installed").isTrue();
        // the unit names /opt/tolk/tolk; point it at this checkout's launcher so the executable check can pass
        String unit = Files.readString(DOCS.resolve("tolk.service"), StandardCharsets.UTF_8)
                .replace("/opt/tolk/tolk", Path.of("bin", "tolk").toAbsolutePath().toString());
        Path copy = Files.writeString(home.resolve("tolk.service"), unit);
        Tool result = run(List.of("systemd-analyze", "verify", copy.toString()), null);
        assertThat(result.exit).as(result.output).isZero();
    }

    @Test
    void jmxOperationsNameTheirParameters() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("tolk.test:type=Pipeline");
        server.registerMBean(new PipelineMBean(new Pipeline(null, null, null, null, null)), name);
        try {
            MBeanOperationInfo reject = Arrays.stream(server.getMBeanInfo(name).getOperations())
                    .filter(operation -> operation.getName().equals("reject")).findFirst().orElseThrow();
            assertThat(reject.getSignature()).extracting(parameter -> parameter.getName()).containsExactly("articleId", "reason");
            assertThat(reject.getSignature()[1].getDescription()).contains("What is wrong");
            assertThat(reject.getDescription()).isEqualTo("Send a translated article back to translation, recording why");
            assertThat(Arrays.stream(server.getMBeanInfo(name).getAttributes()).map(attribute -> attribute.getName()))
                    .contains("IngestPaused", "RemainingBudget");
        } finally {
            server.unregisterMBean(name);
        }
    }

    private static String promtool() {
        boolean required = "required".equals(System.getenv("TOLK_TEST_PROMTOOL"));
        if (!required) assumeThat(onPath("promtool")).as("promtool installed (Debian package prometheus)").isTrue();
        return "promtool";
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private record Tool(int exit, String output) {
    }

    private static Tool run(List<String> command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            try (var in = process.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            process.getOutputStream().close();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Tool(process.exitValue(), output);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
