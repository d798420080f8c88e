package no.tolk.publish.cms;

import java.util.Locale;

/**
 * One finding of a quality check, shown on the review page.
 *
 * @param level {@code error}, {@code warning} or {@code info}
 * @param check which check found it, e.g. {@code numbers} or {@code glossary}
 * @param block the 0-based block index it concerns, or null for the article as a whole
 */
public record ReviewNote(String level, String check, String message, Integer block) {

    public ReviewNote {
        level = level == null || level.isBlank() ? "warning" : level.strip().toLowerCase(Locale.ROOT);
        if (message == null || message.isBlank()) throw new IllegalArgumentException("a review note needs a message");
    }

    public static ReviewNote forArticle(String level, String check, String message) {
        return new ReviewNote(level, check, message, null);
    }

    public static ReviewNote forBlock(int block, String level, String check, String message) {
        return new ReviewNote(level, check, message, block);
    }

    int severity() {
        return switch (level) {
            case "error" -> 3;
            case "warning" -> 2;
            default -> 1;
        };
    }
}
