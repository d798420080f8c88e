package no.tolk.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes test PDFs with PDFBox and real TrueType fonts (DejaVu, Debian package fonts-dejavu-core), the way
 * word processors lay out a page: words wrapped to the column, paragraphs with space between them, text
 * flowing on to the next column and page, and running headers and page numbers drawn on every page at the
 * end. A "\n" inside a paragraph forces a line break there (to hyphenate a word where a test wants it).
 * Coordinates: points from the left and from the top of an A4 page.
 */
final class TestPdf implements AutoCloseable {

    static final Path FONTS = Path.of("/usr/share/fonts/truetype/dejavu");
    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();

    final PDDocument document = new PDDocument();
    final PDFont regular;
    final PDFont bold;
    final PDFont italic;
    final PDFont serif;
    private PDPageContentStream content;
    private final List<float[]> columns = new ArrayList<>();
    private int column;
    private float y;
    private float top = 72;
    private float bottom = HEIGHT - 72;

    TestPdf() {
        try {
            regular = PDType0Font.load(document, FONTS.resolve("DejaVuSans.ttf").toFile());
            bold = PDType0Font.load(document, FONTS.resolve("DejaVuSans-Bold.ttf").toFile());
            italic = PDType0Font.load(document, FONTS.resolve("DejaVuSans-Oblique.ttf").toFile());
            serif = PDType0Font.load(document, FONTS.resolve("DejaVuSerif.ttf").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("DejaVu fonts are needed (Debian package fonts-dejavu-core)", e);
        }
        oneColumn(72, WIDTH - 144);
        newPage();
    }

    /** Text flows in one column from x over the given width. */
    TestPdf oneColumn(float x, float width) {
        columns.clear();
        columns.add(new float[] {x, width});
        column = 0;
        return this;
    }

    /** Text flows in two columns with a gutter; y stays where the text above ended. */
    TestPdf twoColumns(float x, float width, float gutter) {
        float each = (width - gutter) / 2;
        columns.clear();
        columns.add(new float[] {x, each});
        columns.add(new float[] {x + each + gutter, each});
        column = 0;
        columnTop = y;
        return this;
    }

    private float columnTop;

    TestPdf margins(float topMargin, float bottomMargin) {
        this.top = topMargin;
        this.bottom = HEIGHT - bottomMargin;
        this.y = Math.max(y, top);
        return this;
    }

    void newPage() {
        try {
            if (content != null) content.close();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = top;
            columnTop = top;
            column = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestPdf space(float points) {
        y += points;
        return this;
    }

    /** A paragraph wrapped to the current column; {@code after} is the space below it. */
    TestPdf paragraph(PDFont font, float size, float leading, float after, String text) {
        return paragraph(font, size, leading, after, 0, text);
    }

    TestPdf paragraph(PDFont font, float size, float leading, float after, float indent, String text) {
        boolean first = true;
        for (String forced : text.split("\n")) {
            for (String line : wrap(font, size, columns.get(column)[1] - indent, forced)) {
                if (y + leading > bottom) nextColumn();
                y += leading;
                show(font, size, columns.get(column)[0] + (first ? indent : 0), y, line);
                first = false;
            }
        }
        y += after;
        return this;
    }

    private void nextColumn() {
        if (column + 1 < columns.size()) {
            column++;
            y = columnTop;
        } else {
            newPage();
        }
    }

    /** Text at a fixed place on the current page (baseline y from the top). */
    TestPdf show(PDFont font, float size, float x, float baseline, String text) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, HEIGHT - baseline);
            content.showText(text);
            content.endText();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> wrap(PDFont font, float size, float width, String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(font, size, candidate) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }

    /** Draws a running header and footer on every page; "%d" and "%n" stand for the page number and page count. */
    TestPdf runningHeaderAndFooter(String header, String footer) {
        try {
            content.close();
            content = null;
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                try (PDPageContentStream stream = new PDPageContentStream(document, document.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    if (header != null) draw(stream, regular, 8, 72, 40, header.replace("%d", "" + (i + 1)).replace("%n", "" + pages));
                    if (footer != null) {
                        String text = footer.replace("%d", "" + (i + 1)).replace("%n", "" + pages);
                        draw(stream, regular, 8, (WIDTH - width(regular, 8, text)) / 2, HEIGHT - 36, text);
                    }
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void draw(PDPageContentStream stream, PDFont font, float size, float x, float baseline, String text)
            throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, HEIGHT - baseline);
        stream.showText(text);
        stream.endText();
    }

    TestPdf info(String title, String author, String language, int year, int month, int day) {
        var info = document.getDocumentInformation();
        if (title != null) info.setTitle(title);
        if (author != null) info.setAuthor(author);
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("Europe/Oslo"));
        created.clear();
        created.set(year, month - 1, day, 12, 0);
        info.setCreationDate(created);
        info.setModificationDate(created);
        info.setProducer("Tolk TestPdf (Apache PDFBox)");
        if (language != null) document.getDocumentCatalog().setLanguage(language);
        return this;
    }

    byte[] bytes() {
        try {
            if (content != null) {
                content.close();
                content = null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path save(Path file) {
        try {
            Files.write(file, bytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
