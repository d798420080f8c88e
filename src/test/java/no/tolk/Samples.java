package no.tolk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The committed sample corpus (samples/) and, when present, the shared seed article. */
public final class Samples {

    public static final Path ROOT = Path.of("samples");
    public static final Path INBOX = ROOT.resolve("inbox");
    public static final Path BAD = ROOT.resolve("bad");
    public static final Path EXPECTED = ROOT.resolve("expected");
    public static final Path SEED = Path.of("..", "shared", "seed", "000_37bf5925bfac74bf.txt");

    /** A short article in the web-dump shape, for tests that need one plain-text file to drop. */
    public static final String SHORT_ARTICLE = """
            Ny klyngeavtale sikrer vekst i Innlandet

            Tolv bedrifter i Innlandet har signert en ny avtale om felles innkjøp av fornybar energi, og regner med å spare flere millioner kroner i året.

            Publisert 3. mars 2025
            Skrevet av Ingrid Berg

            Avtalen ble signert på Hamar onsdag, etter nesten ett års forhandlinger mellom bedriftene og energiselskapet.

            Store besparelser

            – Dette er den største avtalen vi har inngått, og den viser hva vi får til sammen, sier daglig leder Ola Dahl.

            Bedriftene skal nå evaluere avtalen etter to år, og flere nye medlemmer har allerede vist interesse.
            """;

    private Samples() {
    }

    public static List<Path> good() {
        return list(INBOX);
    }

    public static List<Path> bad() {
        return list(BAD);
    }

    public static Optional<Path> seed() {
        return Files.isRegularFile(SEED) ? Optional.of(SEED) : Optional.empty();
    }

    public static Path good(String extension) {
        return good().stream().filter(path -> path.getFileName().toString().endsWith("." + extension)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no ." + extension + " sample in " + INBOX));
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a file into a folder the slow way a person would not: atomically, so the pipeline sees it whole. */
    public static Path drop(Path file, Path inbox) {
        return drop(file, inbox, file.getFileName().toString());
    }

    public static Path drop(Path file, Path inbox, String name) {
        try {
            Files.createDirectories(inbox);
            Path partial = inbox.resolve(name + ".part");
            Files.copy(file, partial);
            return Files.move(partial, inbox.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
