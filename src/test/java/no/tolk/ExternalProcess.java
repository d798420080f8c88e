package no.tolk;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Tolk started as a separate JVM, as ops would start it, so a test can kill it for real. */
public final class ExternalProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private ExternalProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    public static ExternalProcess start(Path home, Map<String, String> environment, List<String> jvmOptions, String... args) {
        try {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(applicationClassPath());
            command.add("no.tolk.Tolk");
            command.addAll(List.of(args));
            Path output = Files.createTempFile("tolk-process", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            // no fixed ports unless the test asks for them: a 'run' left by another test or process would hold 8089/8090
            builder.environment().put("TOLK_HTTP_PORT", "0");
            builder.environment().put("TOLK_DESK_PORT", "0");
            builder.environment().putAll(environment);
            return new ExternalProcess(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The application as production runs it: without the test classes on the class path. */
    private static String applicationClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    public ExternalProcess awaitOutput(String text, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> output().contains(text) || !process.isAlive());
        if (!output().contains(text)) throw new AssertionError("process ended without printing '" + text + "':\n" + output());
        return this;
    }

    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "";
        }
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new AssertionError("process did not end in " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hooks, no cleanup, exactly like a power cut for the process. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
