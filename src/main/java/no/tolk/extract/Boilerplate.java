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

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private final List<String> footerRules = new ArrayList<>();
    private final List<String> lineRules = new ArrayList<>();
    /** All rules of a kind as one alternation: one match per line instead of one per rule. */
    private final Pattern footerStart;
    private final Pattern chromeLine;

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
        footerStart = anyOf(footerRules);
        chromeLine = anyOf(lineRules);
    }

    private static Pattern anyOf(List<String> rules) {
        return rules.isEmpty() ? null : Pattern.compile(rules.stream()
                .map(rule -> "(?:" + rule + ")")
                .collect(java.util.stream.Collectors.joining("|")), FLAGS);
    }

    private void addRule(String rule) {
        int bar = rule.indexOf('|');
        String kind = rule.substring(0, bar).strip();
        String pattern = rule.substring(bar + 1).strip();
        Pattern.compile(pattern, FLAGS); // a broken rule fails here, naming itself
        switch (kind) {
            case "footer" -> footerRules.add(pattern);
            case "line" -> lineRules.add(pattern);
            default -> throw new IllegalStateException("unknown boilerplate rule kind: " + kind);
        }
    }

    boolean startsFooter(String text) {
        return footerStart != null && text.length() <= MAX_LINE_LENGTH && footerStart.matcher(text).matches();
    }

    boolean isChromeLine(String text) {
        return chromeLine != null && text.length() <= MAX_LINE_LENGTH && chromeLine.matcher(text).matches();
    }
}
