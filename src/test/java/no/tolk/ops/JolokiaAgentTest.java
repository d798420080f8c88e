package no.tolk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import no.tolk.RunningPipeline;
import no.tolk.article.ArticleJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jolokia on: authentication required, MBeans readable (tolk:type=Pipeline included), exec and write refused by the policy. */
class JolokiaAgentTest {

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readOnlyWithAuthentication() throws Exception {
        int port = freePort();
        Path password = Files.writeString(home.resolve("jolokia.password"), "jolo-secret-42\n");
        try (RunningPipeline pipeline = RunningPipeline.start(home, Map.of(
                "camel.main.jmx-enabled", "true",
                "tolk.jolokia.port", String.valueOf(port),
                "tolk.jolokia.user", "monitor",
                "tolk.jolokia.password-file", password.toString()))) {
            String base = "http://127.0.0.1:" + port + "/jolokia";

            assertThat(get(base + "/version", null).statusCode()).as("no credentials").isEqualTo(401);
            assertThat(get(base + "/version", "monitor:wrong").statusCode()).as("wrong password").isEqualTo(401);

            JsonNode heap = json(get(base + "/read/java.lang:type=Memory/HeapMemoryUsage", "monitor:jolo-secret-42"));
            assertThat(heap.get("status").asInt()).as(heap.toString()).isEqualTo(200);
            assertThat(heap.get("value").get("used").asLong()).isPositive();

            JsonNode states = json(get(base + "/read/tolk:type=Pipeline/ArticlesPerState", "monitor:jolo-secret-42"));
            assertThat(states.get("status").asInt()).as(states.toString()).isEqualTo(200);
            assertThat(states.get("value").toString()).contains("extracted", "quarantined");

            HttpResponse<String> exec = get(base + "/exec/tolk:type=Pipeline/pauseIngest", "monitor:jolo-secret-42");
            assertThat(exec.statusCode() == 403 || json(exec).get("status").asInt() == 403).as(exec.body()).isTrue();
            assertThat(pipeline.context().getRouteController().getRouteStatus("ingest-inbox").isStarted()).isTrue();

            HttpResponse<String> write = get(base + "/write/java.lang:type=Memory/Verbose/true", "monitor:jolo-secret-42");
            assertThat(write.statusCode() == 403 || json(write).get("status").asInt() == 403).as(write.body()).isTrue();
        }
    }

    private HttpResponse<String> get(String url, String credentials) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return ArticleJson.mapper().readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
