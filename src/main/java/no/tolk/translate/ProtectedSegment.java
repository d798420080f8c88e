package no.tolk.translate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One segment of an article ready for an engine: {@code text} has every protected span replaced by
 * {@code <x id="n"/>} (numbered from 1 within the segment, so equal segments hash equally), and
 * {@code placeholders} says what each one stands for in the target text.
 */
public record ProtectedSegment(String id, String source, String text, Map<String, String> placeholders) {

    static final Pattern PLACEHOLDER = Pattern.compile("<x\\s+id=\"([^\"<>]*)\"\\s*/>");

    public ProtectedSegment {
        placeholders = Map.copyOf(new LinkedHashMap<>(placeholders));
    }

    public Segment segment() {
        return new Segment(id, text);
    }

    /** The engine's text with each placeholder replaced by what it protects; unknown placeholders are dropped. */
    public String restore(String translated) {
        Matcher matcher = PLACEHOLDER.matcher(translated);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(placeholders.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
