package no.tolk.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Makes N distinct articles from the sample files, in their own formats, so neither the content
 * ledger nor a cache can skip any: each copy gets a numbered title inside the document itself.
 */
public final class BenchmarkCorpus {

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
        Files.createDirectories(target);
        List<Path> corpus = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path template = templates.get(i % templates.size());
            String name = template.getFileName().toString();
            String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            Path copy = target.resolve(String.format("bench-%04d-%s", i, name));
            String marker = " (nr. " + i + ")";
            switch (extension) {
                case "docx" -> rewriteZipEntry(template, copy, "word/document.xml", marker);
                case "odt" -> rewriteZipEntry(template, copy, "content.xml", marker);
                case "pdf" -> retitlePdf(template, copy, marker);
                default -> Files.write(copy, numberTitle(Files.readAllBytes(template), extension, marker));
            }
            corpus.add(copy);
        }
        return corpus;
    }

    /** Appends the marker to the first closing text run, so the copy reads differently but stays valid. */
    private static void rewriteZipEntry(Path template, Path copy, String entryName, String marker) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(template));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals(entryName)) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    int end = xml.indexOf("</w:t>") >= 0 ? xml.indexOf("</w:t>") : xml.indexOf("</text:p>");
                    bytes = (xml.substring(0, end) + marker + xml.substring(end)).getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copied = new ZipEntry(entry.getName());
                if (entry.getMethod() == ZipEntry.STORED) {
                    copied.setMethod(ZipEntry.STORED);
                    copied.setSize(bytes.length);
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(bytes);
                    copied.setCrc(crc.getValue());
                }
                out.putNextEntry(copied);
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    private static void retitlePdf(Path template, Path copy, String marker) throws IOException {
        try (PDDocument document = Loader.loadPDF(template.toFile())) {
            String title = document.getDocumentInformation().getTitle();
            document.getDocumentInformation().setTitle((title == null ? "" : title) + marker);
            document.save(copy.toFile());
        }
    }

    /** Numbers the title where each text format keeps it (bytes seen as ISO-8859-1 so any encoding survives). */
    private static byte[] numberTitle(byte[] content, String extension, String marker) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        String numbered = switch (extension) {
            case "md" -> text.replaceFirst("(?m)^(title:\\s*\"?[^\"\\n]*)", "$1" + marker);
            case "html", "htm" -> text.replaceFirst("</h1>", marker + "</h1>").replaceFirst("(og:title\" content=\"[^\"]*)", "$1" + marker);
            case "rtf" -> text.replaceFirst("\\\\par", marker + "\\\\par");
            default -> text.replaceFirst("\n", marker + "\n");
        };
        return numbered.getBytes(StandardCharsets.ISO_8859_1);
    }
}
