package no.tolk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CommandLineTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"run", "once", "extract", "status", "show", "approve", "reject", "retry", "publish-now", "bench", "config"})
    void everyCommandHasHelpWithTheExitCodes(String command) {
        for (String option : new String[] {"-h", "--help"}) {
            StringBuilder out = new StringBuilder();
            int exit = execute(out, new StringBuilder(), command, option);
            assertThat(exit).as(command + " " + option).isZero();
            assertThat(out).contains("Usage: tolk " + command, "Exit codes:", "2   usage or configuration error");
        }
    }

    @Test
    void configCheckWarnsThatNynorskWillBeDroppedAndStillSucceeds() throws Exception {
        Path home = Files.createDirectories(folder.resolve("nn-home"));
        Files.writeString(home.resolve("application.properties"), "tolk.translate.targets.nb=en,nn\n"
                + "tolk.translate.engine.nb-nn=apertium\ntolk.translate.apertium.program=/nonexistent/apertium\n");
        StringBuilder out = new StringBuilder();
        assertThat(execute(out, new StringBuilder(), "config", "check", "--home", home.toString())).isZero();
        assertThat(out.toString()).contains("Warning: nb-nn uses apertium, but the program '/nonexistent/apertium' is not"
                + " installed (Debian packages apertium and apertium-nno-nob): nb articles will not be translated into nn"
                + " (the other languages go on);", "Configuration OK, with 1 warning(s) above.")
                .doesNotContain("Configuration OK.");
    }

    @Test
    void versionIsPrinted() {
        StringBuilder out = new StringBuilder();
        assertThat(execute(out, new StringBuilder(), "--version")).isZero();
        assertThat(out.toString().trim()).isEqualTo("Tolk 0.1");
    }

    @Test
    void readOnlyCommandsRefuseAHomeWithoutADatabaseAndCreateNothing() throws Exception {
        Path typo = folder.resolve("tolk-hmoe");
        Path empty = Files.createDirectories(folder.resolve("empty"));
        for (String command : new String[] {"status", "show", "approve", "retry"}) {
            for (Path home : new Path[] {typo, empty}) {
                StringBuilder err = new StringBuilder();
                String[] args = command.equals("status") ? new String[] {command, "--home", home.toString()}
                        : new String[] {command, "0123456789", "--home", home.toString()};
                StringBuilder out = new StringBuilder();
                assertThat(execute(out, err, args)).as(command + " " + home + ": " + out).isEqualTo(2);
                assertThat(err.toString()).as(command + " " + home + " out: " + out).contains(home.toString());
            }
        }
        assertThat(typo).doesNotExist();
        try (var files = Files.list(empty)) {
            assertThat(files).isEmpty();
        }
    }

    private static int execute(StringBuilder out, StringBuilder err, String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        try {
            // created after the streams are replaced: picocli's writers wrap System.out and System.err
            CommandLine commandLine = TolkCommand.commandLine();
            int exit = commandLine.execute(args);
            commandLine.getOut().flush();
            commandLine.getErr().flush();
            out.append(capturedOut.toString(StandardCharsets.UTF_8));
            err.append(capturedErr.toString(StandardCharsets.UTF_8));
            return exit;
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
