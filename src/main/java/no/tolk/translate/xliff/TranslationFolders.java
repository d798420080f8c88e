package no.tolk.translate.xliff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The three folders of the human-translation round trip: {@code outbox/} (requests for translators),
 * {@code inbox/} (translated files dropped back) and {@code done/} (translations Tolk has used).
 */
record TranslationFolders(Path root) {

    TranslationFolders {
        root = root.toAbsolutePath().normalize();
    }

    Path outbox() {
        return root.resolve("outbox");
    }

    Path inbox() {
        return root.resolve("inbox");
    }

    Path done() {
        return root.resolve("done");
    }

    void create() throws IOException {
        Files.createDirectories(outbox());
        Files.createDirectories(inbox());
        Files.createDirectories(done());
    }

    Path request(TranslationJob job) {
        return outbox().resolve(job.fileName());
    }

    /** Outbox files for the article, any revision or language (to explain why a returned file does not fit). */
    List<Path> requestsFor(String articleId) throws IOException {
        return list(outbox(), name -> name.startsWith(articleId + "-r") && name.endsWith(".xlf"));
    }

    /** Every request file in the outbox. */
    List<Path> requests() throws IOException {
        return list(outbox(), name -> name.endsWith(".xlf") && !name.startsWith("."));
    }

    /** XLIFF files in the inbox, newest first, so a corrected copy wins over an older one. */
    List<Path> returnedFiles() throws IOException {
        return list(inbox(), name -> true).stream().filter(TranslationFolders::isXliff)
                .sorted(Comparator.comparing(TranslationFolders::modified).reversed().thenComparing(Path::getFileName))
                .toList();
    }

    /** Moves a used translation into done/, never over an earlier one. */
    Path moveToDone(Path file) throws IOException {
        String name = file.getFileName().toString();
        Path target = done().resolve(name);
        for (int copy = 2; Files.exists(target); copy++) {
            int dot = name.lastIndexOf('.');
            target = done().resolve(name.substring(0, dot) + "-" + copy + name.substring(dot));
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Any file dropped into the inbox is taken as a returned translation, whatever its name (.xlf, .xliff,
     * .sdlxliff, .mqxliff, or a name a tool made up), except hidden, partial and temporary files and Tolk's
     * own error reports. A file that is not XLIFF gets a report saying so.
     */
    private static boolean isXliff(Path file) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.startsWith(".") || lower.startsWith("~") || lower.endsWith(ErrorReport.SUFFIX)
                || lower.endsWith(".part") || lower.endsWith(".tmp") || lower.endsWith("~")) {
            return false;
        }
        return lower.endsWith(".xlf") || lower.endsWith(".xliff") || lower.endsWith(".sdlxliff")
                || lower.endsWith(".mqxliff") || lower.endsWith(".xml") || looksLikeXml(file);
    }

    /** A file whose first characters (after a UTF-8 byte order mark and white space) start XML. */
    private static boolean looksLikeXml(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            String start = new String(in.readNBytes(64), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("\uFEFF", "").stripLeading();
            return start.startsWith("<?xml") || start.startsWith("<xliff");
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> list(Path folder, Predicate<String> accept) throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> accept.test(file.getFileName().toString()))
                    .sorted()
                    .toList();
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
