package no.tolk.translate;

import java.util.Map;

/**
 * What a translator needs to know about one segment besides its text: which part of the article it
 * is ({@code kind}: title, lead, heading, paragraph, quote, caption, list-item, alt-text, tag), a short
 * description for the CAT tool's note, and what each placeholder stands for ({@code <x id="1"/>} ->
 * "Ola Nordmann"), so a tool can show the protected name instead of a bare {@code {1}}.
 */
public record SegmentContext(String kind, String description, Map<String, String> codes) {

    public SegmentContext {
        codes = codes == null ? Map.of() : Map.copyOf(codes);
    }
}
