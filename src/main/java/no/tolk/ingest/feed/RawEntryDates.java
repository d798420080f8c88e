package no.tolk.ingest.feed;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The date texts of each item as the feed wrote them, for the dates Rome could not parse (it drops them):
 * per RSS {@code item} or Atom {@code entry}, in document order (the order of Rome's entries), the published
 * text ({@code pubDate}, {@code dc:date}, {@code published}, {@code issued}) and the updated text
 * ({@code updated}, {@code modified}). DOCTYPEs are refused, as for Rome.
 */
final class RawEntryDates {

    private RawEntryDates() {
    }

    /** One {published, updated} pair (either may be null) per item; empty when the bytes are not readable XML. */
    static List<String[]> of(byte[] feed) {
        List<String[]> dates = new ArrayList<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(feed));
            NodeList items = document.getElementsByTagNameNS("*", "item");
            if (items.getLength() == 0) items = document.getElementsByTagNameNS("*", "entry");
            for (int i = 0; i < items.getLength(); i++) {
                Element item = (Element) items.item(i);
                dates.add(new String[] {
                        child(item, "pubDate", "date", "published", "issued"),
                        child(item, "updated", "modified")});
            }
        } catch (Exception e) {
            return List.of();
        }
        return dates;
    }

    private static String child(Element item, String... names) {
        for (String name : names) {
            for (Node node = item.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && name.equals(element.getLocalName())) {
                    String text = element.getTextContent();
                    if (text != null && !text.isBlank()) return text.strip();
                }
            }
        }
        return null;
    }
}
