package no.tolk.translate.xliff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.annotation.Note;
import net.sf.okapi.common.annotation.NoteAnnotation;
import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.ISegments;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.Property;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.StartSubDocument;
import net.sf.okapi.common.resource.TextContainer;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.common.resource.TextPart;
import net.sf.okapi.filters.xliff.XLIFFFilter;

/**
 * Reads XLIFF 1.x files, including Trados Studio's SDLXLIFF and memoQ's MQXLIFF (both XLIFF 1.2 with
 * extensions), with Okapi's XLIFF filter. A unit counts as translated when its target is not empty
 * and not still the copy of the source Tolk wrote (unless a state such as "translated" confirms it),
 * unless the tool marked it as not done: {@code state="new"} or {@code "needs-translation"} (XLIFF 1.2
 * section 4.3.2 "state"), or an SDLXLIFF segment confirmation level of "Draft" or "RejectedTranslation".
 */
final class Xliff12Reader {

    /** 1.2 target states that say the translation is not done (every other state, or none, is fine). */
    static final Set<String> BLOCKING_STATES = Set.of("new", "needs-translation");
    /** 1.2 states that say a person has confirmed the target, even when it reads the same as the source. */
    static final Set<String> DONE_STATES = Set.of("translated", "final", "signed-off", "needs-review-translation",
            "needs-review-l10n", "needs-review-adaptation");
    /** SDLXLIFF {@code sdl:seg conf} values that say a segment is not confirmed. */
    static final Set<String> BLOCKING_SDL_CONF = Set.of("draft", "rejectedtranslation", "unspecified");

    XliffContent read(Path file, XliffKind kind, Map<String, String> markupById) throws UnreadableXliffException {
        LocaleId source = LocaleId.fromString(kind.sourceLanguage() == null ? "nb" : kind.sourceLanguage());
        LocaleId target = LocaleId.fromString(kind.targetLanguage() == null ? "en" : kind.targetLanguage());
        List<XliffUnit> units = new ArrayList<>();
        ArticleRevision identity = null;
        try (XLIFFFilter filter = new XLIFFFilter()) {
            filter.getParameters().setAllowEmptyTargets(true);
            filter.open(new RawDocument(file.toUri(), "UTF-8", source, target), true);
            while (filter.hasNext()) {
                Event event = filter.next();
                if (event.isStartSubDocument() && identity == null) {
                    StartSubDocument start = event.getStartSubDocument();
                    identity = ArticleRevision.fromOriginal(start.getName()).orElse(null);
                } else if (event.isTextUnit()) {
                    units.add(unit(event.getTextUnit(), target, kind, markupById));
                }
            }
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UnreadableXliffException(message.replace("\r", "").replaceAll("\n+", " - ").strip(), kind.describe(), e);
        }
        return new XliffContent(kind.sourceLanguage(), kind.targetLanguage(), identity, units);
    }

    private static XliffUnit unit(ITextUnit tu, LocaleId target, XliffKind kind, Map<String, String> markupById) {
        String id = tu.getName() != null && !tu.getName().isBlank() ? tu.getName() : tu.getId();
        TaggedText source = text(tu.getSource(), markupById);
        TextContainer translated = tu.hasTarget(target) ? tu.getTarget(target) : null;
        TaggedText targetText = translated == null ? new TaggedText("", List.of(), List.of()) : text(translated, markupById);
        int segments = Math.max(1, tu.getSource().getSegments().count());
        int untranslated = 0;
        if (translated != null) {
            ISegments targetSegments = translated.getSegments();
            for (net.sf.okapi.common.resource.Segment segment : tu.getSource().getSegments()) {
                net.sf.okapi.common.resource.Segment answer = targetSegments.get(segment.getId());
                if (!segment.getContent().isEmpty() && (answer == null || answer.getContent().getText().isBlank())) {
                    untranslated++;
                }
            }
        } else {
            untranslated = segments;
        }
        int unconfirmed = 0;
        String state = property(translated, "state");
        String normalized = state == null ? "" : state.strip().toLowerCase(Locale.ROOT);
        if (BLOCKING_STATES.contains(normalized)) unconfirmed = 1;
        boolean copyOfSource = untranslated == 0 && !source.isBlank() && !DONE_STATES.contains(normalized)
                && targetText.text().strip().equals(source.text().strip());
        if (copyOfSource) untranslated = segments;
        if ("sdlxliff".equals(kind.flavour()) && translated != null) {
            for (net.sf.okapi.common.resource.Segment segment : translated.getSegments()) {
                String conf = segment.getProperty("conf") == null ? null : segment.getProperty("conf").getValue();
                if (conf != null && BLOCKING_SDL_CONF.contains(conf.toLowerCase(Locale.ROOT))) unconfirmed++;
            }
        }
        return new XliffUnit(id, source, targetText, segments, untranslated, unconfirmed, notes(tu));
    }

    private static String property(TextContainer container, String name) {
        if (container == null) return null;
        Property property = container.getProperty(name);
        return property == null ? null : property.getValue();
    }

    /** Notes a translator or reviewer added (Tolk's own notes, from="tolk-...", are left out). */
    private static List<String> notes(ITextUnit tu) {
        List<String> notes = new ArrayList<>();
        NoteAnnotation annotation = tu.getAnnotation(NoteAnnotation.class);
        if (annotation != null) {
            for (Note note : annotation) {
                if (note.getFrom() != null && note.getFrom().startsWith("tolk")) continue;
                if (note.getNoteText() != null && !note.getNoteText().isBlank()) {
                    notes.add((note.getFrom() == null ? "" : note.getFrom() + ": ") + note.getNoteText().strip());
                }
            }
        }
        return notes;
    }

    /** The whole unit's text (all segments), codes as Tolk placeholders by their XLIFF id. */
    private static TaggedText text(TextContainer container, Map<String, String> markupById) {
        List<TaggedText> parts = new ArrayList<>();
        for (TextPart part : container) parts.add(text(part.getContent(), markupById));
        return TaggedText.join(parts);
    }

    private static TaggedText text(TextFragment fragment, Map<String, String> markupById) {
        StringBuilder text = new StringBuilder();
        List<String> ids = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        String coded = fragment.getCodedText();
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (TextFragment.isMarker(c)) {
                Code code = fragment.getCode(coded.charAt(++i));
                String id = code.getOriginalId() != null ? code.getOriginalId() : Integer.toString(code.getId());
                if (code.getTagType() == TextFragment.TagType.PLACEHOLDER) {
                    ids.add(id);
                    text.append(markupById.getOrDefault(id, "<x id=\"" + id + "\"/>"));
                } else if (code.getTagType() == TextFragment.TagType.OPENING) {
                    foreign.add("a paired code (<g>/<bpt>) with id '" + id + "'");
                }
            } else {
                text.append(c);
            }
        }
        return new TaggedText(text.toString(), ids, foreign);
    }
}
