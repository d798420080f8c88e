package no.tolk.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Plain text (web-page dumps, e-mails, PDF text): every line is a block, except hard-wrapped
 * paragraphs, whose lines are joined again. The assembler infers headings and quotes afterwards.
 */
final class PlainTextReader {

    private static final Pattern HYPHENATED_BREAK = Pattern.compile("(\\p{L})-\\n(\\p{Ll})");
    private static final int WRAP_MIN = 45;
    private static final int WRAP_MAX = 110;

    ArticleDraft read(String text) {
        ArticleDraft draft = new ArticleDraft(true, false);
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        for (String group : normalized.split("\\n\\s*\\n")) {
            List<String> lines = group.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            if (isHardWrapped(lines)) {
                draft.add(DraftBlock.Kind.PARAGRAPH, joinWrapped(String.join("\n", lines)));
            } else {
                lines.forEach(line -> draft.add(DraftBlock.Kind.PARAGRAPH, line));
            }
        }
        return draft;
    }

    /** Lines of similar, typewriter-like length that mostly do not end a sentence were wrapped by a tool. */
    static boolean isHardWrapped(List<String> lines) {
        if (lines.size() < 2) return false;
        List<String> allButLast = lines.subList(0, lines.size() - 1);
        boolean typewriterLength = allButLast.stream().allMatch(line -> line.length() >= WRAP_MIN && line.length() <= WRAP_MAX);
        long openEnded = allButLast.stream().filter(line -> !line.matches(".*[.!?:»”\"]$")).count();
        boolean noMarkers = lines.stream().noneMatch(line -> line.matches("^[–—•*-] .*|^\\d+[.)] .*"));
        return typewriterLength && noMarkers && openEnded * 2 >= allButLast.size();
    }

    static String joinWrapped(String text) {
        return HYPHENATED_BREAK.matcher(text).replaceAll("$1$2").replace('\n', ' ');
    }

    static List<String> paragraphsOf(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String group : text.split("\\n\\s*\\n")) {
            if (!group.isBlank()) paragraphs.add(joinWrapped(group.strip()));
        }
        return paragraphs;
    }
}
