package no.tolk.extract;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads the structure of a PDF from its layout, as a person sees it: PDFBox gives every glyph with its
 * position, size and font, and from those this reader builds lines, columns and paragraphs, drops running
 * headers, footers and page numbers, and tells the title, lead and headings by their type.
 *
 * <p>The rules, with sizes in PDF points (1/72 inch) and "em" meaning the font size of the text at hand:
 * <ul>
 *   <li>glyphs on one baseline (within 0.3 em) form a row; a gap wider than 0.9 em splits a row into
 *       fragments, and the vertical gutter that the fewest fragments cross (at most a fifth), with at least
 *       three fragments on each side, makes a two-column page, read left column first, then right, between
 *       full-width rows;</li>
 *   <li>a line in type no larger than the body whose text (digits ignored) recurs at the same height (within
 *       6 pt) in the top or bottom fifth of at least two pages and 30 % of all pages is a running header or
 *       footer (a chapter heading at the top of each page is larger); a bare page number
 *       ("7", "Side 7 av 20", "- 7 -") in those bands is dropped too;</li>
 *   <li>consecutive lines form one paragraph unless the type changes (size by more than 0.5 pt, bold or
 *       italic), the gap between baselines exceeds the paragraph's line spacing by 25 %, a bullet starts
 *       a line, the first line is indented, or the previous line ends a sentence well short (30 %) of the
 *       column's right edge; across a page or column break a paragraph goes on when its last line ends
 *       mid-sentence;</li>
 *   <li>a word hyphenated at the end of a line is joined: "utvik-" + "lingen" is "utviklingen", but a
 *       compound keeps its hyphen when the second part is capitalised, a number or an abbreviation
 *       precedes it ("Nord-" + "Norge" is "Nord-Norge", "EU-" + "kommisjonen" is "EU-kommisjonen") and
 *       "sjø-" + "og landbasert" keeps its space;</li>
 *   <li>the body size is the size of most characters; the title is the largest type (at least 15 % over
 *       the body) among the first blocks of the first page; the lead is the first paragraph after it set
 *       in bold, italic or a larger size; headings are short blocks (at most three lines and fifteen words,
 *       not ending in . , ; or :) set in bold or 10 % larger type than the body.</li>
 * </ul>
 * A PDF without any such type differences (one font, one size) is left to the assembler's text rules.
 */
final class PdfLayoutReader {

    private static final Pattern BULLET = Pattern.compile("^(?:[•▪◦‣∙●■□➢►·*]|\\d{1,2}[.)])\\s+\\S.*");
    private static final Pattern BULLET_PREFIX = Pattern.compile("^[•▪◦‣∙●■□➢►·*]\\s+");
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?iu)^(?:side|page|s\\.|p\\.|pg\\.)?\\s*[-–—]?\\s*\\d{1,4}\\s*[-–—]?(?:\\s*(?:av|of|/|\\|)\\s*\\d{1,4})?$");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?:»\"”)]$");
    private static final Pattern NOT_A_HEADING_END = Pattern.compile(".*[.,;:]$");
    private static final Pattern KEEP_SPACE_AFTER_HYPHEN = Pattern.compile("(?iu)^(og|eller|samt|enn|til|and|or|to)\\b.*");
    private static final Pattern BOLD_NAME = Pattern.compile("(?i).*(bold|black|heavy|semibold|demi|fett).*");
    private static final Pattern ITALIC_NAME = Pattern.compile("(?i).*(italic|oblique|kursiv).*");
    private static final int HEADING_MAX_WORDS = 15;
    private static final int HEADING_MAX_LINES = 3;
    private static final int TITLE_SEARCH_BLOCKS = 6;
    /** A headline has at most 20 words (Norwegian press headlines run 5-15). */
    private static final int TITLE_MAX_WORDS = 20;
    private static final double BAND = 0.2;

    /** One glyph as PDFBox placed it; y is the baseline measured from the top of the page. */
    private record Glyph(String text, float x, float y, float width, float size, boolean bold, boolean italic) {
        float end() {
            return x + width;
        }
    }

    /** A line of text in one column: its extent, dominant type, and where it sits. */
    private record Line(String text, float x0, float x1, float y, float size, boolean bold, boolean italic,
                        int page, int column, float pageHeight) {
    }

    /** Consecutive lines that belong together. */
    private static final class Paragraph {
        final List<Line> lines = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        float gap = -1;

        Line first() {
            return lines.get(0);
        }

        Line last() {
            return lines.get(lines.size() - 1);
        }

        String text() {
            return Text.clean(text.toString());
        }
    }

    /** What the layout of one document gave: its blocks and whether its type said anything. */
    record Layout(List<DraftBlock> blocks, boolean typeSignals, String datedLine) {
    }

    /**
     * Reads the file's text with positions and returns a draft with title, lead, headings, paragraphs and
     * list items as the layout shows them. Called after Tika has parsed the same file within the limits,
     * so a file that reaches this is readable.
     * @throws ExtractionException when PDFBox cannot read the file after all
     */
    ArticleDraft read(Path file) throws ExtractionException {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file))) {
            return read(document);
        } catch (IOException e) {
            throw new ExtractionException(ExtractionException.Reason.CORRUPT, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #read(Path)}, from a document already loaded (and still open: the caller closes it). */
    ArticleDraft read(PDDocument document) throws IOException {
        List<List<Glyph>> pages;
        float[] heights;
        GlyphCollector collector = new GlyphCollector();
        collector.writeText(document, Writer.nullWriter());
        pages = collector.pages;
        heights = new float[pages.size()];
        for (int i = 0; i < pages.size(); i++) heights[i] = collector.heights.get(i);
        Layout layout = layout(pages, heights);
        ArticleDraft draft = new ArticleDraft(!layout.typeSignals(), false);
        if (layout.datedLine() != null) draft.offerPublished(layout.datedLine());
        layout.blocks().forEach(block -> draft.add(block.kind(), block.text()));
        return draft;
    }

    /** Lines, columns, running headers, paragraphs and block kinds of a document given glyph by glyph. */
    static Layout layout(List<List<Glyph>> pages, float[] heights) {
        List<Line> lines = new ArrayList<>();
        for (int page = 0; page < pages.size(); page++) {
            lines.addAll(linesOf(pages.get(page), page, heights[page]));
        }
        lines = withoutRunningHeaders(lines, pages.size(), dominantSize(lines));
        List<Paragraph> paragraphs = paragraphs(lines);
        return classify(paragraphs);
    }

    // ------------------------------------------------------------------ glyphs -> lines in reading order

    private static List<Line> linesOf(List<Glyph> glyphs, int page, float pageHeight) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.removeIf(glyph -> glyph.text().isBlank() && glyph.width() <= 0);
        sorted.sort(Comparator.comparingDouble(Glyph::y).thenComparingDouble(Glyph::x));
        List<List<Glyph>> rows = new ArrayList<>();
        List<Glyph> row = null;
        float rowY = 0;
        float rowSize = 0;
        for (Glyph glyph : sorted) {
            if (row == null || Math.abs(glyph.y() - rowY) > 0.3f * Math.max(rowSize, glyph.size())) {
                row = new ArrayList<>();
                rows.add(row);
                rowY = glyph.y();
                rowSize = glyph.size();
            }
            row.add(glyph);
            rowSize = Math.max(rowSize, glyph.size());
        }
        List<List<List<Glyph>>> fragmentsByRow = new ArrayList<>();
        List<float[]> extents = new ArrayList<>();
        for (List<Glyph> r : rows) {
            r.sort(Comparator.comparingDouble(Glyph::x));
            List<List<Glyph>> fragments = new ArrayList<>();
            List<Glyph> fragment = new ArrayList<>();
            float end = Float.NaN;
            for (Glyph glyph : r) {
                if (glyph.text().isBlank()) {
                    if (!fragment.isEmpty()) fragment.add(glyph);
                    continue;
                }
                if (!fragment.isEmpty() && glyph.x() - end > 0.9f * glyph.size()) {
                    fragments.add(trimmed(fragment));
                    fragment = new ArrayList<>();
                }
                fragment.add(glyph);
                end = glyph.end();
            }
            if (!fragment.isEmpty()) fragments.add(trimmed(fragment));
            fragmentsByRow.add(fragments);
            for (List<Glyph> f : fragments) extents.add(new float[] {f.get(0).x(), f.get(f.size() - 1).end()});
        }
        float[] gutter = gutter(extents);
        List<Line> out = new ArrayList<>();
        List<Line> left = new ArrayList<>();
        List<Line> right = new ArrayList<>();
        for (List<List<Glyph>> fragments : fragmentsByRow) {
            if (fragments.isEmpty()) continue;
            if (gutter == null) {
                List<Glyph> all = new ArrayList<>();
                fragments.forEach(all::addAll);
                out.add(line(all, page, 0, pageHeight));
                continue;
            }
            List<Glyph> inLeft = new ArrayList<>();
            List<Glyph> inRight = new ArrayList<>();
            List<Glyph> spanning = new ArrayList<>();
            for (List<Glyph> f : fragments) {
                float x0 = f.get(0).x();
                float x1 = f.get(f.size() - 1).end();
                if (x0 < gutter[0] && x1 > gutter[1]) spanning.addAll(f);
                else if (x0 < gutter[0]) inLeft.addAll(f);
                else inRight.addAll(f);
            }
            if (!spanning.isEmpty()) {
                out.addAll(left);
                out.addAll(right);
                left.clear();
                right.clear();
                spanning.addAll(inLeft);
                spanning.addAll(inRight);
                spanning.sort(Comparator.comparingDouble(Glyph::x));
                out.add(line(spanning, page, 0, pageHeight));
            } else {
                if (!inLeft.isEmpty()) left.add(line(inLeft, page, 1, pageHeight));
                if (!inRight.isEmpty()) right.add(line(inRight, page, 2, pageHeight));
            }
        }
        out.addAll(left);
        out.addAll(right);
        return out;
    }

    private static List<Glyph> trimmed(List<Glyph> fragment) {
        int end = fragment.size();
        while (end > 0 && fragment.get(end - 1).text().isBlank()) end--;
        return new ArrayList<>(fragment.subList(0, end));
    }

    /**
     * The widest vertical strip in the middle half of the text area that the fewest fragments cross (at most
     * a fifth of them: full-width titles) while at least three lie on each side, as {x0, x1}; null on a
     * one-column page.
     */
    private static float[] gutter(List<float[]> extents) {
        if (extents.size() < 6) return null;
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float[] e : extents) {
            min = Math.min(min, e[0]);
            max = Math.max(max, e[1]);
        }
        int bins = (int) Math.ceil((max - min) / 2) + 1;
        if (bins < 10) return null;
        int[] cover = new int[bins];
        for (float[] e : extents) {
            int from = (int) ((e[0] - min) / 2);
            int to = Math.min(bins - 1, (int) ((e[1] - min) / 2));
            for (int b = from; b <= to; b++) cover[b]++;
        }
        int allowed = extents.size() / 5;
        int from = bins / 4;
        int to = bins - bins / 4;
        int lowest = Integer.MAX_VALUE;
        for (int b = from; b < to; b++) lowest = Math.min(lowest, cover[b]);
        if (lowest > allowed) return null;
        int bestFrom = -1;
        int bestTo = -1;
        for (int b = from; b < to; b++) {
            if (cover[b] != lowest) continue;
            int end = b;
            while (end + 1 < to && cover[end + 1] == lowest) end++;
            if (end - b > bestTo - bestFrom) {
                bestFrom = b;
                bestTo = end;
            }
            b = end;
        }
        if (bestFrom < 0 || (bestTo - bestFrom + 1) * 2 < 6) return null;
        float g0 = min + bestFrom * 2;
        float g1 = min + (bestTo + 1) * 2;
        int leftCount = 0;
        int rightCount = 0;
        for (float[] e : extents) {
            if (e[0] < g0 && e[1] <= g1) leftCount++;
            else if (e[0] >= g0) rightCount++;
        }
        return leftCount >= 3 && rightCount >= 3 ? new float[] {g0, g1} : null;
    }

    private static Line line(List<Glyph> glyphs, int page, int column, float pageHeight) {
        glyphs.sort(Comparator.comparingDouble(Glyph::x));
        StringBuilder text = new StringBuilder();
        Map<Float, Integer> sizes = new HashMap<>();
        int bold = 0;
        int italic = 0;
        int letters = 0;
        float x0 = Float.NaN;
        float x1 = 0;
        float y = 0;
        Glyph previous = null;
        for (Glyph glyph : glyphs) {
            boolean blank = glyph.text().isBlank();
            if (previous != null && !blank && !previous.text().isBlank()
                    && glyph.x() - previous.end() > 0.15f * glyph.size()) {
                text.append(' ');
            }
            if (blank) {
                if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') text.append(' ');
            } else {
                text.append(glyph.text());
                if (Float.isNaN(x0)) x0 = glyph.x();
                x1 = glyph.end();
                int count = glyph.text().length();
                letters += count;
                sizes.merge(Math.round(glyph.size() * 2) / 2f, count, Integer::sum);
                if (glyph.bold()) bold += count;
                if (glyph.italic()) italic += count;
                y = Math.max(y, glyph.y());
            }
            previous = glyph;
        }
        float size = sizes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
        return new Line(withoutLigatures(Text.clean(text.toString())), x0, x1, y, size, bold >= letters * 0.8 && letters > 0,
                italic >= letters * 0.8 && letters > 0, page, column, pageHeight);
    }

    /** PDFBox reports a ligature glyph (set by the font's GSUB table) as one character: "ﬂere" is "flere". */
    static String withoutLigatures(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFB00' && c <= '\uFB06') {
                return text.replace("\uFB00", "ff").replace("\uFB01", "fi").replace("\uFB02", "fl").replace("\uFB03", "ffi")
                        .replace("\uFB04", "ffl").replace("\uFB05", "st").replace("\uFB06", "st");
            }
        }
        return text;
    }

    // ------------------------------------------------------------------ running headers and page numbers

    private static List<Line> withoutRunningHeaders(List<Line> lines, int pageCount, float bodySize) {
        Map<String, List<Line>> byKey = new HashMap<>();
        for (Line line : lines) {
            if (inOuterBand(line)) byKey.computeIfAbsent(repeatKey(line.text()), k -> new ArrayList<>()).add(line);
        }
        int needed = Math.max(2, (int) Math.ceil(pageCount * 0.3));
        List<Line> kept = new ArrayList<>();
        for (Line line : lines) {
            if (inOuterBand(line)) {
                if (PAGE_NUMBER.matcher(line.text()).matches()) continue;
                long pages = byKey.get(repeatKey(line.text())).stream()
                        .filter(other -> Math.abs(other.y() - line.y()) <= 6)
                        .mapToInt(Line::page).distinct().count();
                if (pageCount >= 2 && pages >= needed && line.size() <= bodySize + 0.5f) continue;
            }
            kept.add(line);
        }
        return kept;
    }

    private static boolean inOuterBand(Line line) {
        return line.y() < line.pageHeight() * BAND || line.y() > line.pageHeight() * (1 - BAND);
    }

    private static String repeatKey(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("\\s+", " ");
    }

    // ------------------------------------------------------------------ lines -> paragraphs

    private static List<Paragraph> paragraphs(List<Line> lines) {
        float bodySize = dominantSize(lines);
        float bodyLeading = bodyLeading(lines, bodySize);
        List<Paragraph> paragraphs = new ArrayList<>();
        Paragraph current = null;
        for (Line line : lines) {
            if (line.text().isEmpty()) continue;
            if (current != null && continues(current, line, bodySize, bodyLeading)) {
                Line last = current.last();
                if (last.page() == line.page() && last.column() == line.column() && current.gap < 0) {
                    current.gap = line.y() - last.y();
                }
                join(current.text, line.text());
                current.lines.add(line);
            } else {
                current = new Paragraph();
                current.lines.add(line);
                current.text.append(line.text());
                paragraphs.add(current);
            }
        }
        return paragraphs;
    }

    private static boolean continues(Paragraph paragraph, Line next, float bodySize, float bodyLeading) {
        Line last = paragraph.last();
        Line first = paragraph.first();
        if (Math.abs(last.size() - next.size()) > 0.5f || last.bold() != next.bold() || last.italic() != next.italic()) return false;
        if (BULLET.matcher(next.text()).matches()) return false;
        boolean sameFlow = last.page() == next.page() && last.column() == next.column();
        if (!sameFlow) {
            // a page or column break: the paragraph goes on only when its sentence does
            return !SENTENCE_END.matcher(last.text()).matches() && !next.text().isEmpty();
        }
        float delta = next.y() - last.y();
        if (delta <= 0) return false;
        float expected = paragraph.gap > 0 ? paragraph.gap
                : bodyLeading > 0 ? bodyLeading * next.size() / bodySize : next.size() * 1.45f;
        if (delta > expected * 1.25f + 0.5f) return false;
        boolean listItem = BULLET.matcher(first.text()).matches();
        if (listItem) {
            return next.x0() > first.x0() + 0.5f * next.size();
        }
        if (next.x0() > last.x0() + 0.8f * next.size()) return false; // first-line indent of a new paragraph
        float columnWidth = last.x1() - first.x0();
        for (Line line : paragraph.lines) columnWidth = Math.max(columnWidth, line.x1() - first.x0());
        return !(paragraph.lines.size() >= 2 && SENTENCE_END.matcher(last.text()).matches()
                && last.x1() - last.x0() < columnWidth * 0.7f);
    }

    /** Joins a line to the paragraph so far, undoing the hyphenation of a word broken at the line's end. */
    static void join(StringBuilder paragraph, String next) {
        int length = paragraph.length();
        if (length >= 2 && !next.isEmpty()) {
            char hyphen = paragraph.charAt(length - 1);
            if ((hyphen == '-' || hyphen == '\u2010' || hyphen == '\u00AD') && Character.isLetterOrDigit(paragraph.charAt(length - 2))) {
                String before = lastWord(paragraph, length - 1);
                int firstChar = next.codePointAt(0);
                if (hyphen == '\u00AD' || (Character.isLowerCase(firstChar) && !KEEP_SPACE_AFTER_HYPHEN.matcher(next).matches()
                        && !isAbbreviationOrNumber(before))) {
                    paragraph.setLength(length - 1);
                    paragraph.append(next);
                } else if (KEEP_SPACE_AFTER_HYPHEN.matcher(next).matches()) {
                    paragraph.append(' ').append(next);
                } else {
                    if (hyphen != '-') paragraph.setCharAt(length - 1, '-');
                    paragraph.append(next);
                }
                return;
            }
        }
        paragraph.append(' ').append(next);
    }

    private static String lastWord(StringBuilder text, int end) {
        int start = end;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) start--;
        return text.substring(start, end);
    }

    private static boolean isAbbreviationOrNumber(String word) {
        if (word.isEmpty()) return false;
        if (word.chars().anyMatch(Character::isDigit)) return true;
        return word.length() >= 2 && word.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    private static float dominantSize(List<Line> lines) {
        Map<Float, Integer> sizes = new HashMap<>();
        for (Line line : lines) sizes.merge(line.size(), line.text().length(), Integer::sum);
        return sizes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(10f);
    }

    /** The most common distance between the baselines of consecutive body-size lines in one column. */
    private static float bodyLeading(List<Line> lines, float bodySize) {
        Map<Float, Integer> gaps = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            Line a = lines.get(i - 1);
            Line b = lines.get(i);
            if (a.page() != b.page() || a.column() != b.column() || Math.abs(a.size() - bodySize) > 0.5f
                    || Math.abs(b.size() - bodySize) > 0.5f) continue;
            float delta = b.y() - a.y();
            if (delta > 0 && delta < bodySize * 3) gaps.merge(Math.round(delta * 2) / 2f, 1, Integer::sum);
        }
        return gaps.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1f);
    }

    // ------------------------------------------------------------------ paragraphs -> blocks

    private static Layout classify(List<Paragraph> paragraphs) {
        List<Line> all = new ArrayList<>();
        paragraphs.forEach(p -> all.addAll(p.lines));
        float bodySize = dominantSize(all);
        int title = titleIndex(paragraphs, bodySize);
        boolean signals = title >= 0;
        List<DraftBlock> blocks = new ArrayList<>();
        String dated = null;
        boolean leadOpen = title >= 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph paragraph = paragraphs.get(i);
            String text = paragraph.text();
            if (text.isEmpty()) continue;
            if (i < title) {
                // kicker, header label or date above the title: a date is kept as metadata, the rest is page chrome
                if (Text.wordCount(text) <= 6 && NorwegianDates.parse(text).isPresent() && dated == null) dated = text;
                else if (Text.wordCount(text) > HEADING_MAX_WORDS) blocks.add(new DraftBlock(DraftBlock.Kind.PARAGRAPH, text));
                continue;
            }
            if (i == title) {
                blocks.add(new DraftBlock(DraftBlock.Kind.TITLE, text));
                continue;
            }
            Line first = paragraph.first();
            if (BULLET.matcher(text).matches()) {
                blocks.add(new DraftBlock(DraftBlock.Kind.LIST, BULLET_PREFIX.matcher(text).replaceFirst("")));
                leadOpen = false;
                continue;
            }
            boolean emphasised = first.bold() || first.italic() || first.size() >= bodySize * 1.05f;
            if (isHeading(paragraph, text, bodySize)) {
                signals = true;
                blocks.add(new DraftBlock(DraftBlock.Kind.HEADING, text));
                leadOpen = false;
            } else if (leadOpen && first.size() < bodySize - 0.5f) {
                blocks.add(new DraftBlock(DraftBlock.Kind.PARAGRAPH, text)); // byline or date line in small type
            } else if (leadOpen && emphasised) {
                signals = true;
                blocks.add(new DraftBlock(DraftBlock.Kind.LEAD, text));
                leadOpen = false;
            } else {
                blocks.add(new DraftBlock(DraftBlock.Kind.PARAGRAPH, text));
                if (first.size() >= bodySize - 0.5f) leadOpen = false;
            }
        }
        if (!signals) {
            blocks.replaceAll(block -> block.kind() == DraftBlock.Kind.LIST ? block : block.as(DraftBlock.Kind.PARAGRAPH));
        }
        return new Layout(blocks, signals, dated);
    }

    /**
     * The largest type among the first blocks of the first page, when it stands out from the body; otherwise
     * ({@link #boldTitleIndex}) a headline set in bold at the body size, as word processors export it.
     */
    private static int titleIndex(List<Paragraph> paragraphs, float bodySize) {
        int bySize = titleIndexBySize(paragraphs, bodySize);
        return bySize >= 0 ? bySize : boldTitleIndex(paragraphs, bodySize);
    }

    /**
     * A headline in the body's size but bold (LibreOffice and Word exports of an unstyled document): the first
     * run of bold paragraphs on the first page, among the first blocks, that ends before plain text; its last
     * paragraph with a headline's shape (at most {@value #TITLE_MAX_WORDS} words, no closing . , ; or :) is the title, the
     * ones above it are a sender or kicker ("Oslo kommune, Bymiljøetaten"). A bold lead under the headline ends
     * in a full stop and does not count. Only when the page has plain body text at all, so a PDF set wholly in
     * bold has no title by weight.
     */
    private static int boldTitleIndex(List<Paragraph> paragraphs, float bodySize) {
        int firstPage = paragraphs.isEmpty() ? 0 : paragraphs.get(0).first().page();
        int limit = Math.min(paragraphs.size(), TITLE_SEARCH_BLOCKS);
        int best = -1;
        for (int i = 0; i < limit; i++) {
            Paragraph paragraph = paragraphs.get(i);
            Line first = paragraph.first();
            if (first.page() != firstPage) break;
            boolean bold = paragraph.lines.stream().allMatch(Line::bold) && first.size() >= bodySize - 0.5f;
            if (!bold) {
                if (best >= 0 && first.size() >= bodySize - 0.5f && Text.wordCount(paragraph.text()) > HEADING_MAX_WORDS) break;
                continue;
            }
            String text = paragraph.text();
            if (Text.wordCount(text) <= TITLE_MAX_WORDS && paragraph.lines.size() <= HEADING_MAX_LINES
                    && !NOT_A_HEADING_END.matcher(text).matches()) {
                best = i;
            } else if (best >= 0) {
                break; // a bold lead under the headline
            }
            if (i + 1 < paragraphs.size() && !paragraphs.get(i + 1).first().bold() && best >= 0) break;
        }
        if (best < 0) return -1;
        boolean plainBody = paragraphs.stream().anyMatch(p -> !p.first().bold() && Text.wordCount(p.text()) > HEADING_MAX_WORDS);
        return plainBody ? best : -1;
    }

    private static int titleIndexBySize(List<Paragraph> paragraphs, float bodySize) {
        int best = -1;
        float bestSize = bodySize * 1.15f;
        int firstPage = paragraphs.isEmpty() ? 0 : paragraphs.get(0).first().page();
        for (int i = 0; i < Math.min(paragraphs.size(), TITLE_SEARCH_BLOCKS); i++) {
            Paragraph paragraph = paragraphs.get(i);
            if (paragraph.first().page() != firstPage) break;
            if (paragraph.first().size() >= bestSize && Text.wordCount(paragraph.text()) <= 30) {
                best = i;
                bestSize = paragraph.first().size() + 0.01f;
            }
        }
        return best;
    }

    private static boolean isHeading(Paragraph paragraph, String text, float bodySize) {
        Line first = paragraph.first();
        boolean marked = (first.bold() && first.size() >= bodySize - 0.5f) || first.size() >= bodySize * 1.1f;
        return marked && paragraph.lines.size() <= HEADING_MAX_LINES && Text.wordCount(text) <= HEADING_MAX_WORDS
                && !NOT_A_HEADING_END.matcher(text).matches();
    }

    // ------------------------------------------------------------------ PDFBox

    /** Collects the glyphs of each page instead of writing text; PDFBox has merged diacritics and removed overprinted duplicates. */
    private static final class GlyphCollector extends PDFTextStripper {
        final List<List<Glyph>> pages = new ArrayList<>();
        final List<Float> heights = new ArrayList<>();
        private final Map<PDFont, boolean[]> styles = new HashMap<>();

        GlyphCollector() {
            setSortByPosition(false);
        }

        @Override
        protected void writePage() {
            List<Glyph> glyphs = new ArrayList<>();
            float height = getCurrentPage().getCropBox().getHeight();
            for (List<TextPosition> article : getCharactersByArticle()) {
                for (TextPosition position : article) {
                    if (position.getUnicode() == null) continue;
                    boolean[] style = styles.computeIfAbsent(position.getFont(), GlyphCollector::style);
                    float size = position.getFontSizeInPt();
                    if (size <= 0) size = position.getHeightDir();
                    glyphs.add(new Glyph(position.getUnicode(), position.getXDirAdj(), position.getYDirAdj(),
                            position.getWidthDirAdj(), size, style[0], style[1]));
                }
            }
            pages.add(glyphs);
            heights.add(height);
        }

        private static boolean[] style(PDFont font) {
            if (font == null) return new boolean[2];
            String name = font.getName() == null ? "" : font.getName();
            PDFontDescriptor descriptor = font.getFontDescriptor();
            boolean bold = BOLD_NAME.matcher(name).matches()
                    || (descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600));
            boolean italic = ITALIC_NAME.matcher(name).matches()
                    || (descriptor != null && (descriptor.isItalic() || descriptor.getItalicAngle() != 0));
            return new boolean[] {bold, italic};
        }
    }
}
