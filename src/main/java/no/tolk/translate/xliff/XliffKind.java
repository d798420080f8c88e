package no.tolk.translate.xliff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What a returned file is, found by a quick streaming look before the real reader runs: its XLIFF
 * version (1.0-1.2 or 2.0/2.1), its flavour (plain, SDLXLIFF from Trados Studio, MQXLIFF from memoQ),
 * its declared languages, and which 2.0 units carry an explicit {@code state="initial"} (the only 2.0
 * state that blocks: a tool that writes no state at all has not marked anything as unfinished).
 * A UTF-8 byte order mark and CRLF line ends are fine; the XML parser skips and normalises them.
 */
record XliffKind(String version, String flavour, String sourceLanguage, String targetLanguage,
                 Set<String> explicitlyInitialUnits) {

    static final String NS_12 = "urn:oasis:names:tc:xliff:document:1.2";
    static final String NS_20 = "urn:oasis:names:tc:xliff:document:2.0";
    static final String NS_SDL = "http://sdl.com/FileTypes/SdlXliff/1.0";
    static final String NS_MQ = "MQXliff";

    boolean isVersion2() {
        return version.startsWith("2");
    }

    /** How to name the file to a person: "XLIFF 1.2", "SDLXLIFF (Trados Studio, XLIFF 1.2)", ... */
    String describe() {
        return switch (flavour) {
            case "sdlxliff" -> "SDLXLIFF (Trados Studio, XLIFF " + version + ")";
            case "mqxliff" -> "MQXLIFF (memoQ, XLIFF " + version + ")";
            default -> "XLIFF " + version;
        };
    }

    /** @throws UnreadableXliffException naming what the file is when it is not XLIFF, or not XML at all */
    static XliffKind of(Path file) throws UnreadableXliffException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        String version = null;
        String flavour = "xliff";
        String source = null;
        String target = null;
        Set<String> initial = new HashSet<>();
        String unit = null;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            boolean root = true;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) continue;
                String name = xml.getLocalName();
                if (root) {
                    root = false;
                    if (!name.equals("xliff")) {
                        throw new UnreadableXliffException(Problem.ofFile("This is not an XLIFF file: it is XML whose"
                                        + " top element is <" + name + ">, where XLIFF files start with <xliff>.",
                                "Export the bilingual XLIFF file from your translation tool (not the translated"
                                        + " document), or start again from the file in translations/outbox."), null);
                    }
                    String ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
                    version = xml.getAttributeValue(null, "version");
                    if (version == null) version = ns.equals(NS_20) ? "2.0" : "1.2";
                    for (int i = 0; i < xml.getNamespaceCount(); i++) {
                        String declared = xml.getNamespaceURI(i);
                        if (NS_SDL.equals(declared)) flavour = "sdlxliff";
                        if (NS_MQ.equals(declared)) flavour = "mqxliff";
                    }
                    if (version.startsWith("2")) {
                        source = xml.getAttributeValue(null, "srcLang");
                        target = xml.getAttributeValue(null, "trgLang");
                    }
                    continue;
                }
                if (!version.startsWith("2") && name.equals("file") && source == null) {
                    source = xml.getAttributeValue(null, "source-language");
                    target = xml.getAttributeValue(null, "target-language");
                } else if (version.startsWith("2") && name.equals("unit")) {
                    unit = xml.getAttributeValue(null, "id");
                } else if (version.startsWith("2") && name.equals("segment") && unit != null
                        && "initial".equals(xml.getAttributeValue(null, "state"))) {
                    initial.add(unit);
                }
            }
            if (version == null) throw new XMLStreamException("the file has no elements");
        } catch (XMLStreamException e) {
            throw new UnreadableXliffException(Problem.ofFile("The file is not well-formed XML, so it cannot be an"
                            + " XLIFF file Tolk can read (the XML parser said: " + plain(e) + ").",
                    "If you edited it by hand, undo the edit that broke it (every <target> closed by </target>,"
                            + " & written as &amp;, < as &lt;). Otherwise export the bilingual XLIFF file from your"
                            + " translation tool again. A file still being copied is checked again by itself."), e);
        } catch (IOException e) {
            throw new UnreadableXliffException(Problem.ofFile("The file cannot be read: " + e.getMessage() + ".",
                    "Check that the file is complete and readable, then save it again."), e);
        }
        return new XliffKind(version, flavour, source, target, Set.copyOf(initial));
    }

    private static String plain(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace("\r", "").replaceAll("\n+", " - ").strip();
    }
}
