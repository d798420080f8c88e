package no.tolk.translate.xliff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.okapi.lib.xliff2.core.CTag;
import net.sf.okapi.lib.xliff2.core.Fragment;
import net.sf.okapi.lib.xliff2.core.TagType;

/**
 * Turns Tolk's inline placeholders ({@code <x id="1"/>} in segment text) into XLIFF standalone
 * codes ({@code <ph id="1"/>}) and back. Everything else in the text is plain text.
 */
final class InlineCodes {

    static final Pattern PLACEHOLDER = Pattern.compile("<x\\s+id\\s*=\\s*[\"']([^\"']*)[\"']\\s*/>");
    private static final Pattern NMTOKEN = Pattern.compile("[\\p{L}\\p{N}._:-]+");

    private InlineCodes() {
    }

    /** Placeholder ids in the order they occur in the text. */
    static List<String> ids(String text) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) ids.add(matcher.group(1));
        return ids;
    }

    /** Each placeholder id with the exact markup the request used, so it comes back byte for byte. */
    static Map<String, String> markup(String text) {
        Map<String, String> markup = new HashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) markup.putIfAbsent(matcher.group(1), matcher.group());
        return markup;
    }

    /**
     * Appends segment text to an XLIFF fragment; placeholders become {@code <ph>} codes that the
     * translator may move but not delete.
     * @throws IllegalArgumentException for a placeholder id XLIFF cannot carry or that occurs twice
     */
    static void appendTo(Fragment fragment, String segmentId, String text) {
        appendTo(fragment, segmentId, text, Map.of());
    }

    /** As above; {@code originals} (placeholder id -> what it stands for) become the code's disp, equiv and original data. */
    static void appendTo(Fragment fragment, String segmentId, String text, Map<String, String> originals) {
        Set<String> seen = new HashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        int end = 0;
        while (matcher.find()) {
            String id = matcher.group(1);
            if (!NMTOKEN.matcher(id).matches()) {
                throw new IllegalArgumentException("segment " + segmentId + " has a placeholder with id '" + id
                        + "', which XLIFF cannot carry (letters, digits, '.', '_', ':', '-')");
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("segment " + segmentId + " uses placeholder id '" + id + "' twice");
            }
            if (matcher.start() > end) fragment.append(text.substring(end, matcher.start()));
            String original = originals.get(id);
            CTag code = fragment.append(TagType.STANDALONE, id, original, false);
            code.setCanDelete(false);
            if (original != null) {
                code.setDisp(original);
                code.setEquiv(original);
            }
            end = matcher.end();
        }
        if (end < text.length()) fragment.append(text.substring(end));
    }

    /**
     * Reads a fragment back into segment text. Standalone codes become placeholders (in the
     * request's own markup when known); annotation markers a CAT tool added are dropped, their text kept.
     */
    static TaggedText toText(Fragment fragment, Map<String, String> markupById) {
        StringBuilder text = new StringBuilder();
        List<String> ids = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        for (Object part : fragment) {
            if (part instanceof String chunk) {
                text.append(chunk);
            } else if (part instanceof CTag code) {
                if (code.getTagType() == TagType.STANDALONE) {
                    ids.add(code.getId());
                    text.append(markupById.getOrDefault(code.getId(), "<x id=\"" + code.getId() + "\"/>"));
                } else if (code.getTagType() == TagType.OPENING) {
                    foreign.add("a paired code (<pc>/<sc>) with id '" + code.getId() + "'");
                }
            }
            // markers (<mrk>, <sm>/<em>): comments and term annotations; only their text matters
        }
        return new TaggedText(text.toString(), ids, foreign);
    }
}
