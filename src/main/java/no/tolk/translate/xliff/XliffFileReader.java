package no.tolk.translate.xliff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sf.okapi.lib.xliff2.core.Fragment;
import net.sf.okapi.lib.xliff2.core.MidFileData;
import net.sf.okapi.lib.xliff2.core.Part;
import net.sf.okapi.lib.xliff2.core.Segment;
import net.sf.okapi.lib.xliff2.core.StartFileData;
import net.sf.okapi.lib.xliff2.core.StartXliffData;
import net.sf.okapi.lib.xliff2.core.TargetState;
import net.sf.okapi.lib.xliff2.core.Unit;
import net.sf.okapi.lib.xliff2.metadata.IMetadataItem;
import net.sf.okapi.lib.xliff2.metadata.Meta;
import net.sf.okapi.lib.xliff2.metadata.MetaGroup;
import net.sf.okapi.lib.xliff2.reader.Event;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;

/**
 * Reads a returned file: XLIFF 1.x (and SDLXLIFF, MQXLIFF) through {@link Xliff12Reader}, XLIFF 2.x
 * with Okapi's XLIFF 2 reader, which checks well-formedness, the XLIFF schema and
 * the core constraints (unique ids, non-removable codes kept, valid states) while it reads.
 */
final class XliffFileReader {

    /** @param markupById placeholder markup to restore, by id (empty: canonical {@code <x id="n"/>}) */
    XliffContent read(Path file, Map<String, String> markupById) throws UnreadableXliffException {
        XliffKind kind = XliffKind.of(file);
        if (!kind.isVersion2()) return new Xliff12Reader().read(file, kind, markupById);
        Collector collector = new Collector(markupById, kind);
        try (XLIFFReader reader = new XLIFFReader(XLIFFReader.VALIDATION_MAXIMAL)) {
            reader.open(file.toFile());
            while (reader.hasNext()) {
                collector.accept(reader.next());
            }
        } catch (RuntimeException e) {
            throw new UnreadableXliffException(plain(e), kind.describe(), e);
        }
        return collector.content();
    }

    private static String plain(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace("\r", "").replaceAll("\n+", " - ").strip();
    }

    private static final class Collector {
        private final Map<String, String> markupById;
        private final List<XliffUnit> units = new ArrayList<>();
        private String sourceLanguage;
        private String targetLanguage;
        private ArticleRevision fromMetadata;
        private ArticleRevision fromOriginal;
        private ArticleRevision fromFileId;

        private final XliffKind kind;

        Collector(Map<String, String> markupById, XliffKind kind) {
            this.markupById = markupById;
            this.kind = kind;
        }

        void accept(Event event) {
            if (event.isStartXliff()) {
                StartXliffData xliff = event.getStartXliffData();
                sourceLanguage = xliff.getSourceLanguage();
                targetLanguage = xliff.getTargetLanguage();
            } else if (event.isStartFile() && fromOriginal == null && fromFileId == null) {
                StartFileData file = event.getStartFileData();
                fromOriginal = ArticleRevision.fromOriginal(file.getOriginal()).orElse(null);
                fromFileId = ArticleRevision.fromFileId(file.getId()).orElse(null);
            } else if (event.isMidFile() && fromMetadata == null) {
                fromMetadata = metadata(event.getMidFileData());
            } else if (event.isUnit()) {
                units.add(unit(event.getUnit()));
            }
        }

        private static ArticleRevision metadata(MidFileData mid) {
            if (!mid.hasMetadata()) return null;
            for (MetaGroup group : mid.getMetadata()) {
                if (!ArticleRevision.METADATA_CATEGORY.equals(group.getCategory())) continue;
                String articleId = null;
                String revision = null;
                for (IMetadataItem item : group) {
                    if (item instanceof Meta meta) {
                        if (ArticleRevision.META_ARTICLE_ID.equals(meta.getType())) articleId = meta.getData();
                        if (ArticleRevision.META_REVISION.equals(meta.getType())) revision = meta.getData();
                    }
                }
                return ArticleRevision.fromMetadata(articleId, revision).orElse(null);
            }
            return null;
        }

        private XliffUnit unit(Unit unit) {
            List<TaggedText> source = new ArrayList<>();
            List<TaggedText> target = new ArrayList<>();
            int segments = 0;
            int untranslated = 0;
            int unconfirmed = 0;
            for (Part part : unit) {
                source.add(InlineCodes.toText(part.getSource(), markupById));
            }
            for (Part part : unit.getTargetOrderedParts()) {
                Fragment translated = part.hasTarget() ? part.getTarget(Part.GetTarget.DONT_CREATE) : null;
                boolean hasTarget = translated != null && !translated.isEmpty();
                if (part.isSegment()) {
                    Segment segment = (Segment) part;
                    segments++;
                    if (!hasTarget && !segment.getSource().isEmpty()) untranslated++;
                    // Okapi reports "initial" for a segment without a state too; only an explicit one blocks
                    if (segment.getState() == TargetState.INITIAL && kind.explicitlyInitialUnits().contains(unit.getId())) {
                        unconfirmed++;
                    }
                    if (hasTarget) target.add(InlineCodes.toText(translated, markupById));
                } else {
                    // ignorables (whitespace between sentences) keep their source when they have no target
                    target.add(InlineCodes.toText(hasTarget ? translated : part.getSource(), markupById));
                }
            }
            List<String> notes = new ArrayList<>();
            if (unit.getNoteCount() > 0) {
                for (net.sf.okapi.lib.xliff2.core.Note note : unit.getNotes()) {
                    String category = note.getCategory();
                    if (category != null && RequestNotes.isTolks(category)) continue;
                    if (note.getText() != null && !note.getText().isBlank()) {
                        notes.add((category == null ? "" : category + ": ") + note.getText().strip());
                    }
                }
            }
            return new XliffUnit(unit.getId(), TaggedText.join(source), TaggedText.join(target),
                    segments, untranslated, unconfirmed, notes);
        }

        XliffContent content() {
            ArticleRevision identity = fromMetadata != null ? fromMetadata : fromOriginal != null ? fromOriginal : fromFileId;
            return new XliffContent(sourceLanguage, targetLanguage, identity, units);
        }
    }
}
