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
 * Reads an XLIFF 2.0 file with Okapi's reader, which checks well-formedness, the XLIFF schema and
 * the core constraints (unique ids, non-removable codes kept, valid states) while it reads.
 */
final class XliffFileReader {

    /** @param markupById placeholder markup to restore, by id (empty: canonical {@code <x id="n"/>}) */
    XliffContent read(Path file, Map<String, String> markupById) throws UnreadableXliffException {
        Collector collector = new Collector(markupById);
        try (XLIFFReader reader = new XLIFFReader(XLIFFReader.VALIDATION_MAXIMAL)) {
            reader.open(file.toFile());
            while (reader.hasNext()) {
                collector.accept(reader.next());
            }
        } catch (RuntimeException e) {
            throw new UnreadableXliffException(plain(e), e);
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

        Collector(Map<String, String> markupById) {
            this.markupById = markupById;
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
                    if (segment.getState() == TargetState.INITIAL) unconfirmed++;
                    if (hasTarget) target.add(InlineCodes.toText(translated, markupById));
                } else {
                    // ignorables (whitespace between sentences) keep their source when they have no target
                    target.add(InlineCodes.toText(hasTarget ? translated : part.getSource(), markupById));
                }
            }
            return new XliffUnit(unit.getId(), TaggedText.join(source), TaggedText.join(target),
                    segments, untranslated, unconfirmed);
        }

        XliffContent content() {
            ArticleRevision identity = fromMetadata != null ? fromMetadata : fromOriginal != null ? fromOriginal : fromFileId;
            return new XliffContent(sourceLanguage, targetLanguage, identity, units);
        }
    }
}
