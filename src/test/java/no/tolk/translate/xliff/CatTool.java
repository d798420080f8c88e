package no.tolk.translate.xliff;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import net.sf.okapi.lib.xliff2.core.Fragment;
import net.sf.okapi.lib.xliff2.core.Part;
import net.sf.okapi.lib.xliff2.core.Segment;
import net.sf.okapi.lib.xliff2.core.TargetState;
import net.sf.okapi.lib.xliff2.core.Unit;
import net.sf.okapi.lib.xliff2.reader.Event;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import net.sf.okapi.lib.xliff2.writer.XLIFFWriter;

/**
 * Plays the translator's CAT tool in tests: reads the request with Okapi's reader, fills every
 * target by phrase replacement (inline codes are kept because the coded text carries them) and
 * writes the result with Okapi's writer.
 */
final class CatTool {

    /** Norwegian phrases of the test article and their English translation, applied in order. */
    static final Map<String, String> PHRASES = phrases();

    private Set<String> skippedUnits = Set.of();
    private Consumer<Unit> edit = unit -> { };

    static String translate(String text) {
        String result = text;
        for (Map.Entry<String, String> phrase : PHRASES.entrySet()) {
            result = result.replace(phrase.getKey(), phrase.getValue());
        }
        return result;
    }

    /** The same translation applied to XML content, as someone editing the file in a text editor would. */
    static String translateXml(String xml) {
        String result = xml;
        for (Map.Entry<String, String> phrase : PHRASES.entrySet()) {
            result = result.replace(escape(phrase.getKey()), escape(phrase.getValue()));
        }
        return result;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    CatTool skipping(Set<String> unitIds) {
        this.skippedUnits = unitIds;
        return this;
    }

    /** An extra change to each unit after it is translated (to make mistakes on purpose). */
    CatTool editing(Consumer<Unit> edit) {
        this.edit = edit;
        return this;
    }

    void translate(Path request, Path translated) {
        try (XLIFFReader reader = new XLIFFReader();
             XLIFFWriter writer = new XLIFFWriter()) {
            reader.open(request.toFile());
            writer.create(new File(translated.toString()), "nb");
            while (reader.hasNext()) {
                Event event = reader.next();
                if (event.isUnit()) {
                    Unit unit = event.getUnit();
                    if (skippedUnits.contains(unit.getId())) continue;
                    for (Segment segment : unit.getSegments()) {
                        Fragment target = segment.getTarget(Part.GetTarget.CLONE_SOURCE);
                        target.setCodedText(translate(target.getCodedText()));
                        segment.setState(TargetState.TRANSLATED);
                    }
                    edit.accept(unit);
                }
                writer.writeEvent(event);
            }
        }
    }

    private static Map<String, String> phrases() {
        Map<String, String> phrases = new LinkedHashMap<>();
        phrases.put("Kommunen åpner nytt bibliotek", "Municipality opens new library");
        phrases.put("Biblioteket på Grünerløkka åpner ", "The library at Grünerløkka opens ");
        phrases.put("i dag", "today");
        phrases.put("Les mer på ", "Read more at ");
        phrases.put(" & se «kart» over ", " & see the «map» of ");
        phrases.put("Åpningstider", "Opening hours");
        phrases.put("mandag–fredag", "Monday–Friday");
        phrases.put("lørdag", "Saturday");
        return phrases;
    }
}
