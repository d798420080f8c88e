package no.tolk.translate.engine;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Apertium from Debian ({@code apertium}, {@code apertium-nno-nob}, {@code apertium-apy}). Tests skip
 * with a clear message when it is not installed, unless TOLK_TEST_APERTIUM=required (.ci/run installs it and
 * requires it), in which case they fail.
 */
final class ApertiumFixture {

    static final Path MODES = Path.of("/usr/share/apertium/modes");

    private ApertiumFixture() {
    }

    /** Skips (or fails when required) unless the apertium program and the nob-nno and nno-nob modes are installed. */
    static void requireProgram() {
        Optional<Path> program = ApertiumProcess.locate("apertium");
        if (program.isEmpty() || !Files.isRegularFile(MODES.resolve("nob-nno.mode")) || !Files.isRegularFile(MODES.resolve("nno-nob.mode"))) {
            missing("Apertium with the Bokmål-Nynorsk pair is not installed (apt-get install apertium apertium-nno-nob)");
        }
    }

    static void requireApy() {
        requireProgram();
        if (ApertiumProcess.locate("apertium-apy").isEmpty()) {
            missing("Apertium APy is not installed (apt-get install apertium-apy)");
        }
    }

    private static void missing(String message) {
        if ("required".equals(System.getenv("TOLK_TEST_APERTIUM"))) {
            fail("Apertium is required (TOLK_TEST_APERTIUM=required): " + message);
        }
        Assumptions.abort(message);
    }

    /** An APy server started on a free loopback port, serving the installed pairs; stopped by {@link #close()}. */
    static final class Apy implements AutoCloseable {
        final int port;
        private final Process process;

        Apy() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            process = new ProcessBuilder("apertium-apy", "-p", String.valueOf(port), MODES.toString())
                    .redirectErrorStream(true).redirectOutput(Files.createTempFile("tolk-apy", ".log").toFile()).start();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            Awaitility.await("APy answering /listPairs on port " + port).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
                        if (!process.isAlive()) throw new IllegalStateException("apertium-apy ended with " + process.exitValue());
                        HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(url() + "/listPairs")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        return reply.statusCode() == 200 && reply.body().contains("\"nno\"");
                    });
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
