package no.tolk.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import no.tolk.extract.ArticleExtractor;
import no.tolk.extract.ExtractionException;
import no.tolk.extract.ExtractionLimits;
import no.tolk.extract.LanguageIdentifier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Makes N distinct articles from the sample files, in their own formats, so that neither the content
 * ledger nor the same-title rule can fold them together: each copy's title reads "… (nr. N)" wherever
 * the document keeps it (text, properties, XML parts, the PDF's first lines).
 */
public final class BenchmarkCorpus {

    private static final Charset RTF_CODE_PAGE = Charset.forName("windows-1252");

    private BenchmarkCorpus() {
    }

    public static List<Path> generate(Path samples, Path target, int count) throws IOException {
        List<Path> templates;
        try (var files = Files.list(samples)) {
            templates = files.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().endsWith(".doc"))
                    .sorted().toList();
        }
        if (templates.isEmpty()) throw new IOException("no sample articles in " + samples);
        Map<Path, String> titles = titlesOf(templates);
        Files.createDirectories(target);
        List<Path> corpus = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path template = templates.get(i % templates.size());
            String name = template.getFileName().toString();
            String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            Path copy = target.resolve(String.format("bench-%04d-%s", i, name));
            String title = titles.get(template);
            String marker = " (nr. " + i + ")";
            switch (extension) {
                case "docx", "odt" -> rewriteXmlParts(template, copy, title, marker);
                case "pdf" -> retitlePdf(template, copy, marker);
                case "rtf" -> Files.write(copy, replaceAll(Files.readAllBytes(template), template,
                        rtfEscaped(title).getBytes(StandardCharsets.ISO_8859_1), marker.getBytes(StandardCharsets.ISO_8859_1)));
                default -> Files.write(copy, retitleText(Files.readAllBytes(template), template, title, marker));
            }
            corpus.add(copy);
        }
        return corpus;
    }

    private static Map<Path, String> titlesOf(List<Path> templates) throws IOException {
        Map<Path, String> titles = new HashMap<>();
        try (ArticleExtractor extractor = new ArticleExtractor(ExtractionLimits.defaults(), new LanguageIdentifier())) {
            for (Path template : templates) {
                titles.put(template, extractor.extract(template).title());
            }
        } catch (ExtractionException e) {
            throw new IOException("a sample article cannot be read: " + e.getMessage(), e);
        }
        return titles;
    }

    /** Text files are matched in UTF-8, or else in Latin-1, the two encodings the samples come in. */
    private static byte[] retitleText(byte[] content, Path template, String title, String marker) throws IOException {
        Charset charset = indexOf(content, title.getBytes(StandardCharsets.UTF_8), 0) >= 0
                ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        return replaceAll(content, template, title.getBytes(charset), marker.getBytes(charset));
    }

    private static void rewriteXmlParts(Path template, Path copy, String title, String marker) throws IOException {
        byte[] escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").getBytes(StandardCharsets.UTF_8);
        byte[] appended = marker.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(template));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().endsWith(".xml") && indexOf(bytes, escaped, 0) >= 0) {
                    bytes = replaceAll(bytes, template, escaped, appended);
                    found = true;
                }
                ZipEntry copied = new ZipEntry(entry.getName());
                if (entry.getMethod() == ZipEntry.STORED) { // e.g. an OpenDocument's mimetype entry
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    copied.setMethod(ZipEntry.STORED);
                    copied.setSize(bytes.length);
                    copied.setCrc(crc.getValue());
                }
                out.putNextEntry(copied);
                out.write(bytes);
                out.closeEntry();
            }
        }
        if (!found) throw new IOException("the title of " + template + " is not in any of its XML parts");
    }

    /**
     * Glyphs of embedded subset fonts cannot spell new text, so the marker is drawn in a standard font
     * right after the last line set in the first font and size of the first page, which is the title.
     */
    private static void retitlePdf(Path template, Path copy, String marker) throws IOException {
        try (PDDocument document = Loader.loadPDF(template.toFile())) {
            PDPage page = document.getPage(0);
            List<Object> tokens = new PDFStreamParser(page).parse();
            int afterTitle = endOfFirstTextRun(tokens);
            if (afterTitle < 0) throw new IOException("no text on the first page of " + template);
            COSName markerFont = page.getResources().add(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
            COSNumber size = fontSizeBefore(tokens, afterTitle);
            tokens.addAll(afterTitle, List.of(markerFont, size, Operator.getOperator("Tf"),
                    new COSString(marker.getBytes(StandardCharsets.ISO_8859_1)), Operator.getOperator("Tj")));
            PDStream contents = new PDStream(document);
            try (OutputStream out = contents.createOutputStream(COSName.FLATE_DECODE)) {
                new ContentStreamWriter(out).writeTokens(tokens);
            }
            page.setContents(contents);
            String title = document.getDocumentInformation().getTitle();
            if (title != null) document.getDocumentInformation().setTitle(title + marker);
            document.save(copy.toFile());
        }
    }

    /** Index after the last text-showing operator set in the same font and size as the first one. */
    private static int endOfFirstTextRun(List<Object> tokens) {
        String runFont = null;
        String currentFont = null;
        int end = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (!(tokens.get(i) instanceof Operator operator)) continue;
            switch (operator.getName()) {
                case "Tf" -> {
                    currentFont = tokens.get(i - 2) + " " + ((COSNumber) tokens.get(i - 1)).floatValue();
                    if (runFont != null && !runFont.equals(currentFont)) return end;
                }
                case "Tj", "TJ", "'", "\"" -> {
                    if (runFont == null) runFont = currentFont;
                    end = i + 1;
                }
                default -> { }
            }
        }
        return end;
    }

    private static COSNumber fontSizeBefore(List<Object> tokens, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (tokens.get(i) instanceof Operator operator && operator.getName().equals("Tf")) {
                return (COSNumber) tokens.get(i - 1);
            }
        }
        return new COSFloat(12);
    }

    /** How an RTF writer spells the title: ASCII as is, other characters as \'xx in the ANSI code page. */
    private static String rtfEscaped(String title) {
        CharsetEncoder ansi = RTF_CODE_PAGE.newEncoder();
        StringBuilder escaped = new StringBuilder();
        for (char c : title.toCharArray()) {
            if (c < 128) escaped.append(c);
            else if (ansi.canEncode(c)) escaped.append(String.format("\\'%02x", new String(new char[] {c}).getBytes(RTF_CODE_PAGE)[0] & 0xff));
            else escaped.append("\\u").append((int) c).append('?');
        }
        return escaped.toString();
    }

    /** Appends {@code appended} after every occurrence of {@code title}; fails if there is none. */
    private static byte[] replaceAll(byte[] content, Path template, byte[] title, byte[] appended) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(content.length + 64);
        int from = 0;
        for (int at; (at = indexOf(content, title, from)) >= 0; from = at + title.length) {
            out.write(content, from, at + title.length - from);
            out.write(appended, 0, appended.length);
        }
        if (from == 0) throw new IOException("the title of " + template + " is not in its text");
        out.write(content, from, content.length - from);
        return out.toByteArray();
    }

    private static int indexOf(byte[] content, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= content.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (content[i + j] != pattern[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
