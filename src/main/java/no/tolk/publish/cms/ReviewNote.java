package no.tolk.publish.cms;

import java.util.Locale;

/**
 * One finding of a quality check, shown on the review page on the row it concerns.
 *
 * @param level {@code error}, {@code warning} or {@code info}
 * @param check which check found it, e.g. {@code number} or {@code glossary}
 * @param segment the segment it concerns ({@code title}, {@code lead}, {@code b0}, {@code b1}, ... as cut by
 *                {@code translate.Segmenter}), or null for the article as a whole
 */
public record ReviewNote(String level, String check, String message, String segment) {

    public ReviewNote {
        level = level == null || level.isBlank() ? "warning" : level.strip().toLowerCase(Locale.ROOT);
        if (message == null || message.isBlank()) throw new IllegalArgumentException("a review note needs a message");
    }

    public static ReviewNote forArticle(String level, String check, String message) {
        return new ReviewNote(level, check, message, null);
    }

    /** @param block 0-based block index */
    public static ReviewNote forBlock(int block, String level, String check, String message) {
        return new ReviewNote(level, check, message, "b" + block);
    }

    /**
     * A quality-check finding whose message starts with its segment id ({@code "b4: the number 12 ..."}, the
     * form {@code translate.QualityGate} writes): placed on that segment, the prefix dropped.
     */
    public static ReviewNote ofFinding(String level, String check, String message) {
        int colon = message == null ? -1 : message.indexOf(": ");
        if (colon > 0) {
            String id = message.substring(0, colon);
            if (id.equals("title") || id.equals("lead") || id.matches("b\\d{1,6}")) {
                return new ReviewNote(level, check, message.substring(colon + 2), id);
            }
        }
        return forArticle(level, check, message);
    }

    /** The 0-based block index, or null when the note is not about a body block. */
    public Integer block() {
        return segment != null && segment.matches("b\\d{1,6}") ? Integer.valueOf(segment.substring(1)) : null;
    }

    int severity() {
        return switch (level) {
            case "error" -> 3;
            case "warning" -> 2;
            default -> 1;
        };
    }
}
