package no.tolk.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Paragraph style names of an OpenDocument text, which Tika's XHTML leaves out (a paragraph in the
 * Title or Ingress style comes out as a plain {@code <p>}). They are put back as classes, the way
 * Tika marks Word styles, so one reader understands both.
 */
final class OpenDocumentStyles {

    private static final String TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private static final XMLInputFactory XML = secureFactory();

    private record StyledParagraph(String text, String style) {
    }

    private OpenDocumentStyles() {
    }

    /**
     * Adds each styled paragraph's style name as a class on the XHTML paragraph with the same text, in order,
     * and marks the page header and footer paragraphs of the master pages ({@code styles.xml}), which Tika
     * prints after the body, with the classes {@code header} and {@code footer}.
     */
    static void annotate(Document xhtml, Path odt) {
        markHeadersAndFooters(xhtml, odt);
        List<StyledParagraph> styled = read(odt);
        if (styled.isEmpty()) return;
        List<Element> paragraphs = xhtml.body().select("p");
        int next = 0;
        for (StyledParagraph paragraph : styled) {
            for (int i = next; i < paragraphs.size(); i++) {
                if (Text.clean(paragraphs.get(i).text()).equals(paragraph.text())) {
                    paragraphs.get(i).addClass(paragraph.style());
                    next = i + 1;
                    break;
                }
            }
        }
    }

    private static void markHeadersAndFooters(Document xhtml, Path odt) {
        List<StyledParagraph> notes = masterPageParagraphs(odt);
        List<Element> paragraphs = xhtml.body().select("p");
        int last = paragraphs.size() - 1;
        for (int n = notes.size() - 1; n >= 0; n--) {
            for (int i = last; i >= 0; i--) {
                String text = Text.clean(paragraphs.get(i).text());
                if (!text.isEmpty() && notes.get(n).text().startsWith(text)) {
                    paragraphs.get(i).addClass(notes.get(n).style());
                    last = i - 1;
                    break;
                }
            }
        }
    }

    /** Paragraphs inside style:header and style:footer of styles.xml, with "header" or "footer" as their style. */
    private static List<StyledParagraph> masterPageParagraphs(Path odt) {
        List<StyledParagraph> found = new ArrayList<>();
        try (ZipFile zip = new ZipFile(odt.toFile())) {
            ZipEntry styles = zip.getEntry("styles.xml");
            if (styles == null) return found;
            try (InputStream in = zip.getInputStream(styles)) {
                XMLStreamReader xml = XML.createXMLStreamReader(in);
                String zone = null;
                StringBuilder text = null;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String name = xml.getLocalName();
                        if (STYLE_NS.equals(xml.getNamespaceURI()) && name.startsWith("header")) zone = "header";
                        else if (STYLE_NS.equals(xml.getNamespaceURI()) && name.startsWith("footer")) zone = "footer";
                        else if (zone != null && TEXT_NS.equals(xml.getNamespaceURI()) && (name.equals("p") || name.equals("h"))) text = new StringBuilder();
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        String name = xml.getLocalName();
                        if (STYLE_NS.equals(xml.getNamespaceURI()) && (name.startsWith("header") || name.startsWith("footer"))) {
                            zone = null;
                        } else if (text != null && TEXT_NS.equals(xml.getNamespaceURI()) && (name.equals("p") || name.equals("h"))) {
                            String clean = Text.clean(text.toString());
                            if (!clean.isEmpty()) found.add(new StyledParagraph(clean, zone));
                            text = null;
                        }
                    } else if (text != null && event == XMLStreamConstants.CHARACTERS) {
                        text.append(xml.getText());
                    }
                }
            }
        } catch (IOException | XMLStreamException e) {
            // without them the header and footer lines stay in the text, as before
        }
        return found;
    }

    /** Paragraphs with a named style other than the default body text; empty when content.xml is unreadable. */
    private static List<StyledParagraph> read(Path odt) {
        try (ZipFile zip = new ZipFile(odt.toFile())) {
            ZipEntry content = zip.getEntry("content.xml");
            if (content == null) return List.of();
            try (InputStream in = zip.getInputStream(content)) {
                return read(XML.createXMLStreamReader(in));
            }
        } catch (IOException | XMLStreamException e) {
            // Tika has already read this file; without styles the article is still extracted, only flatter
            return List.of();
        }
    }

    private static List<StyledParagraph> read(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> parentOfAutomaticStyle = new HashMap<>();
        List<StyledParagraph> paragraphs = new ArrayList<>();
        StringBuilder text = null;
        String style = null;
        int depth = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String ns = xml.getNamespaceURI();
                String name = xml.getLocalName();
                if (STYLE_NS.equals(ns) && name.equals("style")) {
                    String parent = xml.getAttributeValue(STYLE_NS, "parent-style-name");
                    if (parent != null) parentOfAutomaticStyle.put(xml.getAttributeValue(STYLE_NS, "name"), parent);
                } else if (TEXT_NS.equals(ns) && name.equals("p")) {
                    if (text == null) {
                        String own = xml.getAttributeValue(TEXT_NS, "style-name");
                        style = own == null ? null : parentOfAutomaticStyle.getOrDefault(own, own);
                        text = new StringBuilder();
                        depth = 0;
                    } else {
                        depth++;
                    }
                } else if (text != null && TEXT_NS.equals(ns) && (name.equals("s") || name.equals("tab") || name.equals("line-break"))) {
                    text.append(' ');
                }
            } else if (text != null && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT && text != null
                    && TEXT_NS.equals(xml.getNamespaceURI()) && xml.getLocalName().equals("p")) {
                if (depth > 0) {
                    depth--;
                    continue;
                }
                if (style != null && !isBodyText(style)) {
                    String clean = Text.clean(text.toString());
                    if (!clean.isEmpty()) paragraphs.add(new StyledParagraph(clean, style.replace("_20_", "_")));
                }
                text = null;
            }
        }
        return paragraphs;
    }

    private static boolean isBodyText(String style) {
        return style.equals("Standard") || style.equals("Text_20_body") || style.equals("Default");
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }
}
