package no.tolk.translate.xliff;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import net.sf.okapi.lib.xliff2.core.IWithNotes;
import net.sf.okapi.lib.xliff2.core.MidFileData;
import net.sf.okapi.lib.xliff2.core.Note;
import net.sf.okapi.lib.xliff2.core.Segment;
import net.sf.okapi.lib.xliff2.core.StartFileData;
import net.sf.okapi.lib.xliff2.core.StartXliffData;
import net.sf.okapi.lib.xliff2.core.Unit;
import net.sf.okapi.lib.xliff2.metadata.Meta;
import net.sf.okapi.lib.xliff2.metadata.MetaGroup;
import net.sf.okapi.lib.xliff2.metadata.Metadata;
import net.sf.okapi.lib.xliff2.writer.XLIFFWriter;
import no.tolk.translate.SegmentContext;
import no.tolk.translate.TranslationRequest;

/**
 * Writes a translation request as an XLIFF 2.0 file with Okapi's writer: one {@code <unit>} per
 * segment (unit id = segment id), placeholders as {@code <ph>} codes, the article revision in the
 * file's metadata, {@code original} and id, each code with {@code disp}/{@code equiv} and its original
 * data (the protected name itself), {@code type} saying what part of the article a unit is, and
 * context, glossary and do-not-translate notes (see {@link RequestNotes}).
 */
final class XliffRequestWriter {

    static final String GLOSSARY = RequestNotes.GLOSSARY;
    static final String DO_NOT_TRANSLATE = RequestNotes.DO_NOT_TRANSLATE;

    /** Writes {@code file}; the content goes to a temporary file first so a reader never sees half a file. */
    void write(Path file, TranslationJob job, TranslationRequest request) throws IOException {
        Path partial = file.resolveSibling("." + file.getFileName() + ".part");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
             XLIFFWriter writer = new XLIFFWriter()) {
            writer.setUseIndentation(true);
            writer.setWithOriginalData(true);
            writer.setLineBreak("\n");
            writer.create(out, job.sourceLanguage(), job.targetLanguage());
            StartXliffData xliff = new StartXliffData(null);
            xliff.setSourceLanguage(job.sourceLanguage());
            xliff.setTargetLanguage(job.targetLanguage());
            writer.writeStartDocument(xliff, null);
            StartFileData start = startFile(job);
            writer.writeStartFile(start);
            writer.writeMidFile(midFile(job, request));
            for (no.tolk.translate.Segment segment : request.segments()) {
                writer.writeUnit(unit(segment, start, request));
            }
            writer.writeEndFile();
            writer.writeEndDocument();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    private static StartFileData startFile(TranslationJob job) {
        StartFileData start = new StartFileData(job.fileId());
        start.setOriginal(ArticleRevision.original(job));
        // one unit is one paragraph; tools may still show sentences, but the unit comes back whole
        start.setCanResegment(false);
        return start;
    }

    private static MidFileData midFile(TranslationJob job, TranslationRequest request) {
        MidFileData mid = new MidFileData();
        MetaGroup group = new MetaGroup();
        group.setCategory(ArticleRevision.METADATA_CATEGORY);
        group.add(new Meta(ArticleRevision.META_ARTICLE_ID, job.articleId()));
        group.add(new Meta(ArticleRevision.META_REVISION, Integer.toString(job.revision())));
        Metadata metadata = new Metadata();
        metadata.addGroup(group);
        mid.setMetadata(metadata);
        addNotes(mid, RequestNotes.file(job, request));
        return mid;
    }

    private static Unit unit(no.tolk.translate.Segment segment, StartFileData start, TranslationRequest request) {
        Unit unit = new Unit(segment.id(), start);
        unit.setCanResegment(false);
        unit.setName(segment.id());
        SegmentContext context = request.contextOf(segment.id());
        if (context.kind() != null) unit.setType("tolk:" + context.kind());
        Segment xliffSegment = unit.appendSegment();
        xliffSegment.setCanResegment(false);
        // list blocks carry their items on separate lines; tools must not fold them into one
        xliffSegment.setPreserveWS(true);
        InlineCodes.appendTo(xliffSegment.getSource(), segment.id(), segment.text(), context.codes());
        addNotes(unit, RequestNotes.unit(segment, request));
        return unit;
    }

    private static void addNotes(IWithNotes target, List<RequestNotes.Note> notes) {
        for (RequestNotes.Note text : notes) {
            Note note = new Note(text.text());
            note.setCategory(text.category());
            target.addNote(note);
        }
    }
}
