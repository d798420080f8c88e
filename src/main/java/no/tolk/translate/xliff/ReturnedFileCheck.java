package no.tolk.translate.xliff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.tolk.translate.Segment;

/**
 * Checks a returned file against the request it answers: the same language (regional variants
 * accepted), every unit still open present under its original id (extra units are ignored), every
 * such unit translated and not marked as unfinished, and every inline code kept.
 */
final class ReturnedFileCheck {

    private static final String USE_OUTBOX_FILE = "Translate the file Tolk wrote in translations/outbox (%s)"
            + " and do not add, remove or rename units.";

    private ReturnedFileCheck() {
    }

    static List<Problem> check(XliffContent content, TranslationJob job, List<Segment> expected) {
        List<Problem> problems = new ArrayList<>();
        if (!sameLanguage(job.targetLanguage(), content.targetLanguage())) {
            problems.add(Problem.ofFile("The file's target language is " + quoted(content.targetLanguage())
                            + ", but Tolk asked for a translation into \"" + job.targetLanguage() + "\".",
                    "Translate into \"" + job.targetLanguage() + "\" (trgLang=\"" + job.targetLanguage()
                            + "\"), starting from translations/outbox/" + job.fileName() + "."));
        }
        if (!sameLanguage(job.sourceLanguage(), content.sourceLanguage())) {
            problems.add(Problem.ofFile("The file's source language is " + quoted(content.sourceLanguage())
                            + ", but the article is in \"" + job.sourceLanguage() + "\".",
                    String.format(USE_OUTBOX_FILE, job.fileName())));
        }
        Map<String, XliffUnit> units = new LinkedHashMap<>();
        content.units().forEach(unit -> units.putIfAbsent(unit.id(), unit));
        Set<String> expectedIds = new LinkedHashSet<>();
        for (Segment segment : expected) {
            expectedIds.add(segment.id());
            XliffUnit unit = units.get(segment.id());
            if (unit == null) {
                problems.add(Problem.ofUnit(segment.id(), "The unit is missing from the file.",
                        String.format(USE_OUTBOX_FILE, job.fileName())));
            } else {
                checkUnit(unit, InlineCodes.ids(segment.text()), problems);
            }
        }
        // units beyond those still open (e.g. filled from the translation memory since the file was written) are ignored
        return problems;
    }

    /**
     * Whether a file's language code names the language asked for: regional variants count as the
     * language ("en-GB", "en_US" -> "en"; "nb-NO" -> "nb"), compared without case (BCP 47 tags).
     */
    static boolean sameLanguage(String asked, String inFile) {
        if (inFile == null || inFile.isBlank()) return false;
        return primary(asked).equals(primary(inFile));
    }

    private static String primary(String tag) {
        String lower = tag.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        int dash = lower.indexOf('-');
        return dash < 0 ? lower : lower.substring(0, dash);
    }

    private static void checkUnit(XliffUnit unit, List<String> sourceCodes, List<Problem> problems) {
        // an empty block (or one holding only a code) has nothing to translate or confirm
        boolean nothingToTranslate = unit.source().isBlank();
        if (!nothingToTranslate && (unit.untranslated() > 0 || unit.target().isBlank())) {
            problems.add(Problem.ofUnit(unit.id(), unit.segments() > 1 && !unit.target().isBlank()
                            ? unit.untranslated() + " of its " + unit.segments() + " segments have no translation."
                            : unit.target().isBlank() ? "The unit has no translation (the target is empty)."
                            : "The unit has no translation: its target is still the Norwegian source text.",
                    "Translate the unit, confirm it and save the file again (to keep a unit word for word, e.g. a"
                            + " name, mark it translated: state=\"translated\")."));
            return;
        }
        if (!nothingToTranslate && unit.unconfirmed() > 0) {
            problems.add(Problem.ofUnit(unit.id(), "The translation is not confirmed: the segment is still in state"
                            + " \"initial\".",
                    "Confirm the segment in your translation tool (state \"translated\", \"reviewed\" or \"final\")."
                            + " When editing the XML by hand, write <segment state=\"translated\">."));
        }
        List<String> missing = new ArrayList<>(sourceCodes);
        List<String> unknown = new ArrayList<>();
        for (String id : unit.target().codeIds()) {
            if (!missing.remove(id)) unknown.add(id);
        }
        if (!missing.isEmpty()) {
            problems.add(Problem.ofUnit(unit.id(), "The translation lacks the inline code(s) " + codes(missing)
                            + " that the source text has.",
                    "Put every inline code (tag) of the source into the translation, where it belongs in the sentence."));
        }
        if (!unknown.isEmpty()) {
            problems.add(Problem.ofUnit(unit.id(), "The translation has inline code(s) " + codes(unknown)
                            + " that are not in the source text (or has a code twice).",
                    "Remove the extra codes; use only the codes of the source, each once."));
        }
        if (!unit.target().foreignCodes().isEmpty()) {
            problems.add(Problem.ofUnit(unit.id(), "The translation has formatting Tolk cannot publish: "
                            + String.join(", ", unit.target().foreignCodes()) + ".",
                    "Remove formatting added in the translation tool; keep only the source's own codes."));
        }
    }

    private static String codes(List<String> ids) {
        return String.join(", ", ids.stream().map(id -> "<ph id=\"" + id + "\"/>").toList());
    }

    private static String quoted(String value) {
        return value == null ? "missing" : "\"" + value + "\"";
    }
}
