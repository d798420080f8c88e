package no.tolk.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Recognises site chrome (newsletter boxes, addresses, cookie notices) by the rules in {@code extract/boilerplate.txt}. */
final class Boilerplate {

    private static final int MAX_LINE_LENGTH = 200;

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /** All rules of a kind as one alternation: one match per line instead of one per rule. */
    private final Pattern footerStart;
    private final Pattern chromeLine;

    Boilerplate() {
        Map<String, List<String>> rulesByKind = new HashMap<>(Map.of("footer", new ArrayList<>(), "line", new ArrayList<>()));
        try (InputStream in = Boilerplate.class.getResourceAsStream("/extract/boilerplate.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(rule -> addRule(rule, rulesByKind));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("extract/boilerplate.txt is missing or unreadable", e);
        }
        footerStart = anyOf(rulesByKind.get("footer"));
        chromeLine = anyOf(rulesByKind.get("line"));
    }

    /** No rules of a kind: a pattern that matches nothing. */
    private static Pattern anyOf(List<String> rules) {
        return Pattern.compile(rules.isEmpty() ? "(?!)" : rules.stream()
                .map(rule -> "(?:" + rule + ")")
                .collect(java.util.stream.Collectors.joining("|")), FLAGS);
    }

    private static void addRule(String rule, Map<String, List<String>> rulesByKind) {
        int bar = rule.indexOf('|');
        String kind = rule.substring(0, bar).strip();
        String pattern = rule.substring(bar + 1).strip();
        Pattern.compile(pattern, FLAGS); // a broken rule fails here, naming itself
        List<String> rules = rulesByKind.get(kind);
        if (rules == null) throw new IllegalStateException("unknown boilerplate rule kind: " + kind);
        rules.add(pattern);
    }

    boolean startsFooter(String text) {
        return text.length() <= MAX_LINE_LENGTH && footerStart.matcher(text).matches();
    }

    boolean isChromeLine(String text) {
        return text.length() <= MAX_LINE_LENGTH && chromeLine.matcher(text).matches();
    }
}
