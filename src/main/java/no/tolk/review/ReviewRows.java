package no.tolk.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.publish.cms.ReviewNote;

/**
 * The side-by-side rows of a review: title, lead, each block (numbered from 1, type in words), tags, each with
 * the Norwegian and English text and the quality-check findings placed on it. Shared by the static review page
 * and the review desk, so both show the same thing.
 */
public final class ReviewRows {

    private ReviewRows() {
    }

    /** A finding as shown: {@code level} is error, warning or info. */
    public record Note(String level, String check, String message) {
    }

    /**
     * One row. {@code segment} is the translation segment id (title, lead, b0...; null for tags), {@code label}
     * what the reviewer reads ("Title", "3 quote"), {@code level} the worst finding's level or null.
     */
    public record Row(String segment, String label, String norwegian, String english, List<Note> notes, String level,
            boolean editable) {

        public boolean hasNotes() {
            return !notes.isEmpty();
        }

        public boolean missingNorwegian() {
            return norwegian == null;
        }

        public boolean missingEnglish() {
            return english == null;
        }

        /** Rows of a long English text get a taller edit box. */
        public int editRows() {
            return english == null ? 2 : Math.min(12, 2 + english.length() / 70);
        }
    }

    /** Every row with text on either side (or findings); findings of unknown segments are left out (see {@link #general}). */
    public static List<Row> of(Article norwegian, Article english, List<ReviewNote> notes) {
        List<Row> rows = new ArrayList<>();
        add(rows, "title", "Title", norwegian.title(), english.title(), notes, true);
        add(rows, "lead", "Lead", norwegian.lead(), english.lead(), notes, true);
        int blocks = Math.max(norwegian.blocks().size(), english.blocks().size());
        for (int i = 0; i < blocks; i++) {
            Block nb = i < norwegian.blocks().size() ? norwegian.blocks().get(i) : null;
            Block en = i < english.blocks().size() ? english.blocks().get(i) : null;
            String kind = (nb != null ? nb.type() : en.type()).jsonName();
            add(rows, "b" + i, (i + 1) + " " + kind, nb == null ? null : nb.text(), en == null ? null : en.text(), notes,
                    nb != null);
        }
        add(rows, null, "tags", String.join(", ", norwegian.tags()), String.join(", ", english.tags()), List.of(), false);
        return rows;
    }

    /** Findings about the article as a whole (or a segment that has no row), worst first. */
    public static List<Note> general(List<ReviewNote> notes) {
        return notes.stream().filter(n -> n.segment() == null || n.segment().isBlank())
                .sorted(worstFirst()).map(ReviewRows::note).toList();
    }

    /** How a segment id reads for people: Title, Lead, Block 5 (1-based). */
    public static String label(String segment) {
        if (segment == null) return "Article";
        if (segment.equals("title")) return "Title";
        if (segment.equals("lead")) return "Lead";
        if (segment.matches("b\\d+")) return "Block " + (Integer.parseInt(segment.substring(1)) + 1);
        return segment;
    }

    private static void add(List<Row> rows, String segment, String label, String norwegian, String english,
            List<ReviewNote> notes, boolean editable) {
        List<Note> mine = notes.stream().filter(n -> segment != null && segment.equals(n.segment()))
                .sorted(worstFirst()).map(ReviewRows::note).toList();
        if (blank(norwegian) && blank(english) && mine.isEmpty()) return;
        String level = mine.isEmpty() ? null : mine.get(0).level();
        rows.add(new Row(segment, label, norwegian, english, mine, level, editable && segment != null));
    }

    private static Note note(ReviewNote note) {
        return new Note(note.level().toLowerCase(Locale.ROOT), note.check(), note.message());
    }

    private static Comparator<ReviewNote> worstFirst() {
        return Comparator.comparingInt((ReviewNote n) -> switch (n.level()) {
            case "error" -> 3;
            case "warning" -> 2;
            default -> 1;
        }).reversed();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
