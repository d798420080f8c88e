package no.tolk.translate.xliff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The {@code <file>.error.txt} next to a rejected file: what is wrong, unit by unit, and what to do.
 * It is rewritten only when its text changes and removed once the file is accepted.
 */
final class ErrorReport {

    static final String SUFFIX = ".error.txt";

    private ErrorReport() {
    }

    static Path pathFor(Path file) {
        return file.resolveSibling(file.getFileName() + SUFFIX);
    }

    static String text(Path file, List<Problem> problems) {
        StringBuilder text = new StringBuilder();
        text.append("Tolk could not use the translation file ").append(file.getFileName()).append(".\n");
        text.append("The file has been left where it is; nothing was published from it.\n\n");
        text.append(problems.size() == 1 ? "1 problem:\n" : problems.size() + " problems:\n");
        int number = 1;
        for (Problem problem : problems) {
            text.append('\n').append(number++).append(". ").append(problem.where()).append(": ").append(problem.what()).append('\n');
            text.append("   What to do: ").append(problem.whatToDo()).append('\n');
        }
        text.append("\nWhen you have fixed the file, save it into translations/inbox under the same name,"
                + " replacing the rejected file. Tolk checks the folder again by itself and deletes this report"
                + " when the file is accepted.\n");
        return text.toString();
    }

    static void write(Path file, List<Problem> problems) throws IOException {
        Path report = pathFor(file);
        String text = text(file, problems);
        if (Files.isRegularFile(report) && Files.readString(report, StandardCharsets.UTF_8).equals(text)) return;
        Path partial = report.resolveSibling("." + report.getFileName() + ".part");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        Files.move(partial, report, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void remove(Path file) throws IOException {
        Files.deleteIfExists(pathFor(file));
    }
}
