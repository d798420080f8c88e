package no.tolk.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Recognises site chrome (newsletter boxes, addresses, cookie notices) by the rules in {@code extract/boilerplate.txt}. */
final class Boilerplate {

    private static final int MAX_LINE_LENGTH = 200;

    private final List<Pattern> footerStarts = new ArrayList<>();
    private final List<Pattern> lines = new ArrayList<>();

    Boilerplate() {
        try (InputStream in = Boilerplate.class.getResourceAsStream("/extract/boilerplate.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(this::addRule);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("extract/boilerplate.txt is missing or unreadable", e);
        }
    }

    private void addRule(String rule) {
        int bar = rule.indexOf('|');
        String kind = rule.substring(0, bar).strip();
        Pattern pattern = Pattern.compile(rule.substring(bar + 1).strip(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
        switch (kind) {
            case "footer" -> footerStarts.add(pattern);
            case "line" -> lines.add(pattern);
            default -> throw new IllegalStateException("unknown boilerplate rule kind: " + kind);
        }
    }

    boolean startsFooter(String text) {
        return text.length() <= MAX_LINE_LENGTH && footerStarts.stream().anyMatch(p -> p.matcher(text).matches());
    }

    boolean isChromeLine(String text) {
        return text.length() <= MAX_LINE_LENGTH && lines.stream().anyMatch(p -> p.matcher(text).matches());
    }
}
