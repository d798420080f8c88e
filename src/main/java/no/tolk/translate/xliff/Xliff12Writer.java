package no.tolk.translate.xliff;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import no.tolk.translate.Segment;
import no.tolk.translate.SegmentContext;
import no.tolk.translate.TranslationRequest;

/**
 * Writes a translation request as an XLIFF 1.2 file (OASIS XLIFF 1.2, the version every CAT tool
 * imports): one {@code <file>} whose {@code original} names the article revision, one
 * {@code <trans-unit>} per segment with {@code resname} = segment id, a {@code restype} saying what part
 * of the article it is and {@code xml:space="preserve"} (so it holds for source and target alike), each
 * placeholder as {@code <x id="n" ctype="x-name" equiv-text="Ola Nordmann"/>}, and notes for context,
 * glossary and do-not-translate terms. Each target starts as a copy of the source (OmegaT reads only
 * units with a target; a target left identical to the source counts as untranslated when it comes
 * back). Post-editing targets (machine translation) go in as {@code <target
 * state="needs-review-translation">}, memory matches as {@code <alt-trans>}.
 */
final class Xliff12Writer {

    static final String NS = "urn:oasis:names:tc:xliff:document:1.2";

    /** Writes {@code file} through a temporary file, so a reader never sees half a file. */
    void write(Path file, TranslationJob job, TranslationRequest request, Map<String, String> preTranslated,
               Map<String, List<Match>> matches) throws IOException {
        Path partial = file.resolveSibling("." + file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("xliff");
            xml.writeDefaultNamespace(NS);
            xml.writeAttribute("version", "1.2");
            xml.writeCharacters("\n");
            xml.writeStartElement("file");
            xml.writeAttribute("original", ArticleRevision.original(job));
            xml.writeAttribute("source-language", job.sourceLanguage());
            xml.writeAttribute("target-language", job.targetLanguage());
            xml.writeAttribute("datatype", "plaintext");
            xml.writeAttribute("tool-id", "tolk");
            xml.writeAttribute("product-name", "Tolk " + job.fileStem());
            xml.writeCharacters("\n");
            xml.writeStartElement("header");
            xml.writeCharacters("\n");
            xml.writeEmptyElement("tool");
            xml.writeAttribute("tool-id", "tolk");
            xml.writeAttribute("tool-name", "Tolk");
            xml.writeCharacters("\n");
            for (RequestNotes.Note note : RequestNotes.file(job, request)) note(xml, note);
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeStartElement("body");
            xml.writeCharacters("\n");
            for (Segment segment : request.segments()) {
                unit(xml, segment, request, preTranslated.get(segment.id()), matches.getOrDefault(segment.id(), List.of()));
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (IOException | RuntimeException | XMLStreamException e) {
            Files.deleteIfExists(partial);
            if (e instanceof XMLStreamException) throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
            if (e instanceof IOException io) throw io;
            throw (RuntimeException) e;
        }
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    /** A translation-memory suggestion for one unit: match quality in percent (100 = exact), source and target text. */
    record Match(int quality, String source, String target, String origin) {
    }

    private static void unit(XMLStreamWriter xml, Segment segment, TranslationRequest request, String preTranslated,
                             List<Match> matches) throws XMLStreamException {
        SegmentContext context = request.contextOf(segment.id());
        xml.writeCharacters("  ");
        xml.writeStartElement("trans-unit");
        xml.writeAttribute("id", segment.id());
        xml.writeAttribute("resname", segment.id());
        if (context.kind() != null) xml.writeAttribute("restype", restype(context.kind()));
        xml.writeAttribute("xml", javax.xml.XMLConstants.XML_NS_URI, "space", "preserve");
        xml.writeCharacters("\n    ");
        xml.writeStartElement("source");
        coded(xml, segment.text(), context.codes());
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeStartElement("target");
        if (preTranslated != null) {
            xml.writeAttribute("state", "needs-review-translation");
            xml.writeAttribute("state-qualifier", "leveraged-mt");
            coded(xml, preTranslated, context.codes());
        } else {
            // OmegaT (3.6 and later) loads only units that have a target, and translates the target's text:
            // a copy of the source, without a state, which Tolk reads back as "not translated yet" while unchanged
            coded(xml, segment.text(), context.codes());
        }
        xml.writeEndElement();
        for (RequestNotes.Note note : RequestNotes.unit(segment, request)) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("note");
            xml.writeAttribute("from", "tolk-" + note.category());
            xml.writeAttribute("annotates", "source");
            xml.writeCharacters(note.text());
            xml.writeEndElement();
        }
        for (Match match : matches) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("alt-trans");
            xml.writeAttribute("match-quality", Integer.toString(match.quality()));
            xml.writeAttribute("origin", match.origin());
            xml.writeStartElement("source");
            coded(xml, match.source(), context.codes());
            xml.writeEndElement();
            xml.writeStartElement("target");
            coded(xml, match.target(), context.codes());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void note(XMLStreamWriter xml, RequestNotes.Note note) throws XMLStreamException {
        xml.writeStartElement("note");
        xml.writeAttribute("from", "tolk-" + note.category());
        xml.writeCharacters(note.text());
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** Text with {@code <x id="n"/>} placeholders written as 1.2 {@code <x/>} codes that say what they stand for. */
    private static void coded(XMLStreamWriter xml, String text, Map<String, String> codes) throws XMLStreamException {
        Matcher matcher = InlineCodes.PLACEHOLDER.matcher(text);
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() > end) xml.writeCharacters(text.substring(end, matcher.start()));
            String original = codes.get(matcher.group(1));
            xml.writeEmptyElement("x");
            xml.writeAttribute("id", matcher.group(1));
            xml.writeAttribute("ctype", RequestNotes.ctype(original));
            if (original != null) xml.writeAttribute("equiv-text", original);
            end = matcher.end();
        }
        if (end < text.length()) xml.writeCharacters(text.substring(end));
    }

    /** XLIFF 1.2 restype: the predefined "caption" where it fits, user-defined x- values otherwise. */
    static String restype(String kind) {
        return switch (kind) {
            case "caption", "image-caption" -> "caption";
            default -> "x-" + kind;
        };
    }
}
