package no.tolk.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reviewer comments ("Review → New comment") are not article text, but Tika prints them as ordinary
 * paragraphs after the body of a Word document, with nothing to tell them apart. Their text is read from
 * the comments part itself ({@code word/comments.xml} of a docx, the comment story of a Word 97 file via
 * POI) and the matching paragraphs are removed from Tika's XHTML, searching from the end where Tika puts
 * them. OpenDocument and RTF comments are handled elsewhere (Tika marks ODF annotations with class
 * {@code annotation}; {@link RtfWithoutNotes} drops RTF annotation groups).
 */
final class ReviewerComments {

    private static final String WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final XMLInputFactory XML = secureFactory();

    private ReviewerComments() {
    }

    /** Removes the comment paragraphs of the Word file {@code file} (docx when {@code ooxml}, else Word 97) from {@code xhtml}. */
    static void remove(Document xhtml, Path file, boolean ooxml) {
        List<String> comments = ooxml ? fromDocx(file) : fromWord97(file);
        if (comments.isEmpty()) return;
        List<Element> paragraphs = xhtml.body().select("p");
        for (int c = comments.size() - 1, p = paragraphs.size() - 1; c >= 0 && p >= 0; c--) {
            String comment = comments.get(c);
            for (int i = p; i >= 0; i--) {
                if (textOf(paragraphs.get(i)).equals(comment)) {
                    paragraphs.get(i).remove();
                    p = i - 1;
                    break;
                }
            }
        }
    }

    private static String textOf(Element paragraph) {
        return Text.clean(paragraph.text().replaceAll("[\\p{Cc}\\uFFFD]", " "));
    }

    /** Paragraph texts of every comment, in order; empty when there are none or the part cannot be read. */
    static List<String> fromDocx(Path docx) {
        try (ZipFile zip = new ZipFile(docx.toFile())) {
            ZipEntry part = zip.getEntry("word/comments.xml");
            if (part == null) return List.of();
            try (InputStream in = zip.getInputStream(part)) {
                return paragraphs(XML.createXMLStreamReader(in));
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            // Tika has already read this file; without this step only comments might stay in the text
            return List.of();
        }
    }

    private static List<String> paragraphs(XMLStreamReader xml) throws XMLStreamException {
        List<String> texts = new ArrayList<>();
        StringBuilder text = null;
        boolean inText = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && WORD_NS.equals(xml.getNamespaceURI())) {
                switch (xml.getLocalName()) {
                    case "p" -> text = new StringBuilder();
                    case "t" -> inText = true;
                    case "tab", "br" -> {
                        if (text != null) text.append(' ');
                    }
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && WORD_NS.equals(xml.getNamespaceURI())) {
                if (xml.getLocalName().equals("t")) inText = false;
                if (xml.getLocalName().equals("p") && text != null) {
                    String clean = Text.clean(text.toString());
                    if (!clean.isEmpty()) texts.add(clean);
                    text = null;
                }
            } else if (inText && text != null && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                text.append(xml.getText());
            }
        }
        return texts;
    }

    static List<String> fromWord97(Path doc) {
        try (POIFSFileSystem fs = new POIFSFileSystem(doc.toFile(), true)) {
            Range comments = new HWPFDocument(fs).getCommentsRange();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < comments.numParagraphs(); i++) {
                String clean = Text.clean(comments.getParagraph(i).text().replaceAll("[\\p{Cc}\\uFFFD]", " "));
                if (!clean.isEmpty()) texts.add(clean);
            }
            return texts;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }
}
