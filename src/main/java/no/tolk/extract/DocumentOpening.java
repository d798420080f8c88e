package no.tolk.extract;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The title of an office document that has none marked: most staff documents are written without styles
 * (every paragraph "Normal", no title in the properties), the headline simply being the first line. When
 * neither a Title style nor a properties title found in the text exists, the opening of the document is read
 * the way a person reads it: a press-release label ("PRESSEMELDING", "Til redaksjonen") is dropped, a date
 * line ("Oslo, 12. mars 2024") gives the publication date, and the first short line that introduces longer
 * text is the title (a wholly bold first line already arrives as a heading and is taken by the assembler).
 * A document without any short line gets the first sentence of its first paragraph as title.
 */
final class DocumentOpening {

    /** A headline is at most this long (Norwegian press headlines run 5-15 words). */
    static final int HEADLINE_MAX_WORDS = 20;
    static final int HEADLINE_MAX_CHARS = 160;
    private static final int OPENING_LINES = 4;
    private static final int KICKER_MAX_WORDS = 4;
    /** A sender line above the headline ("Oslo kommune, Bymiljøetaten") is a name, not a sentence. */
    private static final int SENDER_MAX_WORDS = 6;
    private static final Pattern LABEL = Pattern.compile(
            "(?iu)^(pressemelding(er)?|nyhetsmelding|nyhendemelding|pressemelding fra .{2,60}|pressemelding [–-] .{2,60}"
                    + "|til (redaksjonen|redaksjonene|media)|for umiddelbar publisering|til umiddelbar publisering"
                    + "|fri til publisering|sperrefrist.{0,40}|embargo.{0,40}|press release|news release|for immediate release)$");
    private static final Pattern DATELINE = Pattern.compile(
            "(?u)^(?:\\p{Lu}[\\p{L}.'-]*(?:[ -]\\p{L}[\\p{L}.'-]*){0,3},\\s+)?(?:\\p{L}+dag,?\\s+(?:den\\s+)?)?"
                    + "(\\d{1,2}\\.\\s*\\p{L}{3,9}\\.?\\s+\\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}|\\d{4}-\\d{2}-\\d{2})\\.?$");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.,;:]$");
    private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.{10,160}?[.!?])\\s+(\\p{Lu}.*)$", Pattern.DOTALL);

    private DocumentOpening() {
    }

    /** Marks the title block of {@code draft} when the document marks none; reads a leading date line. */
    static void read(ArticleDraft draft) {
        List<DraftBlock> blocks = draft.blocks;
        dropLabelsAndReadDateline(draft);
        if (blocks.stream().anyMatch(block -> block.kind() == DraftBlock.Kind.TITLE)) return;
        if (blocks.isEmpty() || draft.title != null) return;
        DraftBlock first = blocks.get(0);
        if (blocks.size() > 2 && first.kind() == DraftBlock.Kind.HEADING && blocks.get(1).kind() == DraftBlock.Kind.HEADING
                && blocks.get(2).kind() == DraftBlock.Kind.PARAGRAPH && Text.wordCount(first.text()) <= SENDER_MAX_WORDS
                && Text.wordCount(blocks.get(1).text()) >= 3 && readsLikeHeadline(blocks.get(1).text())) {
            // two bold lines above the text: a sender or kicker ("Oslo kommune, Bymiljøetaten"), then the headline
            blocks.remove(0);
            blocks.set(0, blocks.get(0).as(DraftBlock.Kind.TITLE));
            return;
        }
        if (first.kind() == DraftBlock.Kind.HEADING) return;
        if (first.kind() != DraftBlock.Kind.PARAGRAPH) return;
        if (blocks.size() > 2 && isKicker(first, blocks.get(1))) {
            blocks.remove(0);
            first = blocks.get(0);
        }
        if (readsLikeHeadline(first.text()) && blocks.size() > 1 && introducesText(first, blocks.get(1))) {
            blocks.set(0, first.as(DraftBlock.Kind.TITLE));
            return;
        }
        Matcher sentence = FIRST_SENTENCE.matcher(first.text());
        if (sentence.matches() && Text.wordCount(sentence.group(1)) <= HEADLINE_MAX_WORDS - 5) {
            blocks.set(0, new DraftBlock(DraftBlock.Kind.PARAGRAPH, sentence.group(2)));
            blocks.add(0, new DraftBlock(DraftBlock.Kind.TITLE, sentence.group(1).replaceFirst("\\.$", "")));
        }
    }

    /**
     * Labels and a date line among the first few lines (above or just below the headline): a label is dropped,
     * the date line ("Oslo, 4. april 2024") gives {@link ArticleDraft#published} and is dropped. Used for office
     * documents and PDFs, whose file dates say when the file was made, not when the text was published.
     */
    static void dropLabelsAndReadDateline(ArticleDraft draft) {
        List<DraftBlock> blocks = draft.blocks;
        boolean dated = false;
        for (int i = 0, seen = 0; i < blocks.size() && seen < OPENING_LINES; seen++) {
            String text = blocks.get(i).text();
            if (LABEL.matcher(text).matches()) {
                blocks.remove(i);
            } else if (!dated && DATELINE.matcher(text).matches() && dateOf(text).isPresent()) {
                draft.published = dateOf(text).get(); // the date printed on the document, not when its file was made
                dated = true;
                blocks.remove(i);
            } else {
                i++;
            }
        }
    }

    private static Optional<java.time.LocalDate> dateOf(String text) {
        Matcher line = DATELINE.matcher(text);
        return line.matches() ? NorwegianDates.parse(line.group(1)) : Optional.empty();
    }

    /**
     * A kicker ("Nytt fra Valdres", "Samferdsel") is a line of a few words set above the headline: both read
     * like headlines, the kicker has at most {@link #KICKER_MAX_WORDS} words and the headline more.
     */
    private static boolean isKicker(DraftBlock first, DraftBlock second) {
        int kickerWords = Text.wordCount(first.text());
        int headlineWords = Text.wordCount(second.text());
        return first.kind() == DraftBlock.Kind.PARAGRAPH && second.kind() == DraftBlock.Kind.PARAGRAPH
                && readsLikeHeadline(first.text()) && readsLikeHeadline(second.text())
                && kickerWords <= KICKER_MAX_WORDS && headlineWords > kickerWords && headlineWords >= KICKER_MAX_WORDS;
    }

    /** A headline is followed by a section heading or by running text longer than itself. */
    private static boolean introducesText(DraftBlock headline, DraftBlock next) {
        return next.kind() == DraftBlock.Kind.HEADING || next.text().length() > headline.text().length();
    }

    static boolean readsLikeHeadline(String text) {
        if (text.isEmpty() || text.indexOf('\n') >= 0) return false;
        int first = text.codePointAt(0);
        return Text.wordCount(text) <= HEADLINE_MAX_WORDS
                && text.length() <= HEADLINE_MAX_CHARS
                && (!SENTENCE_END.matcher(text).matches() || text.endsWith("..."))
                && (Character.isUpperCase(first) || Character.isDigit(first) || first == '«' || first == '"');
    }

}
