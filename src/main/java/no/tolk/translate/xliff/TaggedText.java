package no.tolk.translate.xliff;

import java.util.ArrayList;
import java.util.List;

/**
 * Segment text as Tolk writes it, with {@code <x id="n"/>} placeholders, plus the placeholder ids
 * in order and any inline codes that have no place in a Tolk segment (paired codes a tool added).
 */
record TaggedText(String text, List<String> codeIds, List<String> foreignCodes) {

    TaggedText {
        codeIds = List.copyOf(codeIds);
        foreignCodes = List.copyOf(foreignCodes);
    }

    static TaggedText join(List<TaggedText> parts) {
        StringBuilder text = new StringBuilder();
        List<String> ids = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        for (TaggedText part : parts) {
            text.append(part.text());
            ids.addAll(part.codeIds());
            foreign.addAll(part.foreignCodes());
        }
        return new TaggedText(text.toString(), ids, foreign);
    }

    boolean isBlank() {
        return text.replaceAll(InlineCodes.PLACEHOLDER.pattern(), "").isBlank();
    }
}
