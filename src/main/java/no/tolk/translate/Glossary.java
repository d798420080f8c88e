package no.tolk.translate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Term translations ({@code glossary/<src>-<tgt>.tsv}: term, tab, translation) and the names that are
 * never translated ({@code glossary/do-not-translate.txt}, one per line). A file in the home's
 * {@code glossary/} folder replaces the one shipped with Tolk; {@code #} starts a comment line.
 */
public record Glossary(Map<String, String> terms, Set<String> doNotTranslate) {

    public Glossary {
        terms = Map.copyOf(terms);
        doNotTranslate = Set.copyOf(doNotTranslate);
    }

    public static Glossary empty() {
        return new Glossary(Map.of(), Set.of());
    }

    public static Glossary load(Path glossaryFolder, String sourceLanguage, String targetLanguage) {
        Map<String, String> terms = new LinkedHashMap<>();
        for (String line : lines(glossaryFolder, sourceLanguage + "-" + targetLanguage + ".tsv")) {
            String[] columns = line.split("\t");
            if (columns.length >= 2 && !columns[0].isBlank() && !columns[1].isBlank()) {
                terms.put(columns[0].strip(), columns[1].strip());
            }
        }
        Set<String> names = new LinkedHashSet<>(lines(glossaryFolder, "do-not-translate.txt"));
        return new Glossary(terms, names);
    }

    private static List<String> lines(Path folder, String name) {
        try {
            Path file = folder == null ? null : folder.resolve(name);
            String text;
            if (file != null && Files.isRegularFile(file)) {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } else {
                try (InputStream shipped = Glossary.class.getResourceAsStream("/glossary/" + name)) {
                    if (shipped == null) return List.of();
                    text = new String(shipped.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read glossary file " + name + ": " + e.getMessage(), e);
        }
    }
}
