package no.tolk.translate.xliff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import no.tolk.translate.Segment;
import no.tolk.translate.SegmentContext;
import no.tolk.translate.SourceDocument;
import no.tolk.translate.TranslationRequest;
import no.tolk.translate.WholeWords;

/**
 * The notes Tolk puts into a request file, the same for XLIFF 1.2 and 2.0: a file header (which
 * article, where to read it, what to do, the whole glossary) and per unit what part of the article it
 * is plus the glossary and do-not-translate terms that occur in it (Unicode-aware word boundaries:
 * a do-not-translate name only as a whole word with its exact case, so "LO" is not found in "Florø"
 * nor "NHO" in "innhold" nor "Hydro" in "hydrogen"; a glossary term at the start of a word, any case,
 * so Norwegian inflections count: "kommune" in "Kommunen", but not in "nabokommune").
 */
final class RequestNotes {

    static final String GLOSSARY = "glossary";
    static final String DO_NOT_TRANSLATE = "do-not-translate";
    static final String INSTRUCTIONS = "instructions";
    static final String CONTEXT = "context";

    /** One note: its category (also the 1.2 {@code from}/2.0 {@code category}) and text. */
    record Note(String category, String text) {
    }

    private RequestNotes() {
    }

    /** Whether a note category is one Tolk writes (not a translator's own note). */
    static boolean isTolks(String category) {
        return category.equals(GLOSSARY) || category.equals(DO_NOT_TRANSLATE) || category.equals(INSTRUCTIONS)
                || category.equals(CONTEXT) || category.startsWith("tolk");
    }

    static List<Note> file(TranslationJob job, TranslationRequest request) {
        List<Note> notes = new ArrayList<>();
        SourceDocument document = request.sourceDocument().orElse(null);
        StringBuilder about = new StringBuilder("Tolk ").append(job.describe()).append('.');
        if (document != null && document.title() != null && !document.title().isBlank()) {
            about.append(" Article title: \"").append(document.title().strip()).append("\".");
        }
        about.append(" Read the Norwegian original with `tolk show ").append(job.articleId())
                .append("` (or open the Tolk home's archive/ folder");
        if (document != null && document.sourceFile() != null && !document.sourceFile().isBlank()) {
            about.append(", file ").append(document.sourceFile());
        }
        // the original's own language folder: a Nynorsk article's page is under site/preview/nn/, not nb/
        String folder = no.tolk.publish.cms.Language.normalise(job.sourceLanguage());
        about.append("); after publishing, the ").append(no.tolk.publish.cms.Language.label(folder))
                .append(" original is under site/preview/").append(folder).append("/.");
        notes.add(new Note(CONTEXT, about.toString()));
        notes.add(new Note(INSTRUCTIONS, "Translate every unit; keep each inline code (tag) in the translation;"
                + " keep line breaks; do not add, remove or rename units. Save the bilingual XLIFF file (not the"
                + " target document) into the translations/inbox folder; any file name is fine."));
        notes.addAll(terms(new TreeMap<>(request.glossary()), new TreeSet<>(request.doNotTranslate())));
        return notes;
    }

    static List<Note> unit(Segment segment, TranslationRequest request) {
        SegmentContext context = request.contextOf(segment.id());
        List<Note> notes = new ArrayList<>();
        if (context.description() != null) notes.add(new Note(CONTEXT, context.description()));
        String source = withCodes(segment.text(), context.codes());
        Map<String, String> glossary = new TreeMap<>();
        request.glossary().forEach((term, translation) -> {
            if (WholeWords.startingWith(term).matcher(source).find()) glossary.put(term, translation);
        });
        TreeSet<String> keep = new TreeSet<>();
        request.doNotTranslate().forEach(term -> {
            if (WholeWords.exact(term).matcher(source).find()) keep.add(term);
        });
        notes.addAll(terms(glossary, keep));
        return notes;
    }

    /** The segment's text with each placeholder replaced by what it stands for (the text the reader sees). */
    static String withCodes(String text, Map<String, String> codes) {
        Matcher matcher = InlineCodes.PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(codes.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static List<Note> terms(Map<String, String> glossary, TreeSet<String> doNotTranslate) {
        List<Note> notes = new ArrayList<>();
        glossary.forEach((term, translation) -> notes.add(new Note(GLOSSARY,
                "Glossary: translate \"" + term + "\" as \"" + translation + "\"")));
        doNotTranslate.forEach(term -> notes.add(new Note(DO_NOT_TRANSLATE,
                "Do not translate: keep \"" + term + "\" as it is")));
        return notes;
    }

    /** What kind of thing a placeholder protects, as a 1.2 {@code ctype} (user-defined values start with x-). */
    static String ctype(String original) {
        if (original == null || original.isEmpty()) return "x-code";
        if (original.startsWith("http://") || original.startsWith("https://")) return "x-link";
        if (original.startsWith("<")) return "x-markup";
        if (original.contains("@") && !original.contains(" ")) return "x-email";
        return "x-name";
    }
}
