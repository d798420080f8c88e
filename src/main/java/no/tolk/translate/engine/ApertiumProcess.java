package no.tolk.translate.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import no.tolk.translate.EngineRejectedException;
import no.tolk.translate.EngineUnavailableException;
import no.tolk.translate.TranslationException;

/**
 * The local {@code apertium} program (Debian package {@code apertium} with a language pair such as
 * {@code apertium-nno-nob}): one process per call, {@code apertium [-d dir] -f html-noent MODE}, text on
 * stdin, translation on stdout. Loading the dictionaries is most of the cost of a small call, so the
 * translator sends a whole batch of segments in one call. A process that outlives the timeout is killed.
 */
public final class ApertiumProcess implements ApertiumBackend {

    private final String program;
    private final Path dataDirectory;
    private final Duration timeout;

    /**
     * @param program       the program's name (looked up on PATH) or path, normally {@code apertium}
     * @param dataDirectory Apertium's {@code -d} (a folder holding {@code modes/}), or null for the installed pairs
     * @param timeout       longest a call may take before the process is killed
     */
    public ApertiumProcess(String program, Path dataDirectory, Duration timeout) {
        this.program = program;
        this.dataDirectory = dataDirectory;
        this.timeout = timeout;
    }

    @Override
    public String translate(String mode, String html) throws TranslationException {
        List<String> command = command("-f", "html-noent", mode);
        Result result = run(command, html);
        if (result.exit() != 0) {
            String error = firstLine(result.stderr());
            if (error.contains("does not exist")) {
                throw new EngineRejectedException("apertium cannot translate " + mode + ": " + error
                        + " (install the language pair, e.g. Debian's apertium-nno-nob)");
            }
            throw new EngineUnavailableException("apertium " + mode + " ended with exit code " + result.exit() + ": " + error);
        }
        return result.stdout();
    }

    @Override
    public Set<String> modes() throws TranslationException {
        Result result = run(command("-l"), "");
        if (result.exit() != 0) {
            throw new EngineUnavailableException("apertium -l ended with exit code " + result.exit() + ": " + firstLine(result.stderr()));
        }
        Set<String> modes = new LinkedHashSet<>();
        result.stdout().lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(modes::add);
        return modes;
    }

    @Override
    public String describe() {
        return "apertium program " + program + (dataDirectory == null ? "" : " -d " + dataDirectory);
    }

    /** The program's full path when {@code program} is a bare name found on PATH (or a path that exists). */
    public static Optional<Path> locate(String program) {
        if (program.contains("/")) {
            Path path = Path.of(program);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = System.getenv("PATH");
        if (pathVariable == null) return Optional.empty();
        for (String folder : pathVariable.split(java.io.File.pathSeparator)) {
            if (folder.isBlank()) continue;
            Path candidate = Path.of(folder, program);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    private List<String> command(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(program);
        if (dataDirectory != null) {
            command.add("-d");
            command.add(dataDirectory.toString());
        }
        command.addAll(List.of(arguments));
        return command;
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    /** Writes stdin and drains stdout/stderr on their own threads, so a large batch cannot fill a pipe and hang. */
    private Result run(List<String> command, String input) throws EngineUnavailableException {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new EngineUnavailableException("cannot start " + program + ": " + e.getMessage()
                    + " (install Debian's apertium and apertium-nno-nob, or set tolk.translate.apertium.url to an APy server)", e);
        }
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new EngineUnavailableException("apertium did not finish within " + timeout.toSeconds()
                        + " s (tolk.translate.apertium.timeout); the process was stopped");
            }
            String error = stderr.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String output = stdout.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (process.exitValue() == 0) writer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(process.exitValue(), output, error);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException("interrupted while apertium was translating", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new EngineUnavailableException("cannot talk to apertium: " + e.getMessage(), e);
        }
    }

    private static String drain(InputStream stream) {
        try (stream) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            stream.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("(no message)");
    }
}
