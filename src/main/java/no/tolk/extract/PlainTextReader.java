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
    private static final int TABLE_MIN_ROWS = 3;

    /**
     * Reads a text into blocks. A text that is a table of data (tab- or semicolon-separated rows) is marked
     * for refusal in {@link ArticleDraft#refusal} instead.
     */
    ArticleDraft read(String text) {
        ArticleDraft draft = new ArticleDraft(true, false);
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        String table = tableShape(normalized);
        if (table != null) {
            draft.refusal = new ExtractionException(ExtractionException.Reason.DATA_TABLE, table);
            return draft;
        }
        for (String group : normalized.split("\\n\\s*\\n")) {
            List<String> lines = group.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            List<String> run = new ArrayList<>();
            for (String line : lines) {
                // a date or byline line is its own block, never the start or end of a wrapped paragraph
                if (ArticleAssembler.looksLikeMetadata(line)) {
                    addRun(run, draft);
                    draft.add(DraftBlock.Kind.PARAGRAPH, line);
                } else {
                    run.add(line);
                }
            }
            addRun(run, draft);
        }
        return draft;
    }

    private static void addRun(List<String> run, ArticleDraft draft) {
        if (isHardWrapped(run)) {
            draft.add(DraftBlock.Kind.PARAGRAPH, joinWrapped(String.join("\n", run)));
        } else {
            run.forEach(line -> draft.add(DraftBlock.Kind.PARAGRAPH, line));
        }
        run.clear();
    }

    /**
     * Whether the text is rows of fields rather than prose: at least {@value #TABLE_MIN_ROWS} non-empty lines,
     * 80 % of them holding the same number of separators (a tab, or two or more semicolons or commas in
     * short fields), as in TSV and CSV exports saved as .txt.
     *
     * @return "N rows of M columns" for a table, or null
     */
    static String tableShape(String text) {
        List<String> lines = text.lines().filter(line -> !line.isBlank()).limit(200).toList();
        if (lines.size() < TABLE_MIN_ROWS) return null;
        for (char separator : new char[] {'\t', ';', ','}) {
            java.util.Map<Integer, Integer> rowsBySeparators = new java.util.HashMap<>();
            for (String line : lines) {
                int count = (int) line.strip().chars().filter(c -> c == separator).count();
                if (count > 0) rowsBySeparators.merge(count, 1, Integer::sum);
            }
            int minimum = separator == '\t' ? 1 : 2;
            for (var entry : rowsBySeparators.entrySet()) {
                if (entry.getKey() < minimum || entry.getValue() < lines.size() * 0.8) continue;
                int columns = entry.getKey() + 1;
                if (separator != '\t') {
                    double fieldLength = lines.stream().mapToInt(String::length).average().orElse(0) / columns;
                    if (fieldLength > 30) continue; // prose with many commas, not fields
                }
                return lines.size() + " rows of " + columns + " columns";
            }
        }
        return null;
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
