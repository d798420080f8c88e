package no.tolk.translate.xliff;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
import no.tolk.translate.TranslationRequest;

/**
 * Writes a translation request as an XLIFF 2.0 file with Okapi's writer: one {@code <unit>} per
 * segment (unit id = segment id), placeholders as {@code <ph>} codes, the article revision in the
 * file's metadata, {@code original} and id, and glossary and do-not-translate terms as notes.
 */
final class XliffRequestWriter {

    static final String GLOSSARY = "glossary";
    static final String DO_NOT_TRANSLATE = "do-not-translate";

    /** Writes {@code file}; the content goes to a temporary file first so a reader never sees half a file. */
    void write(Path file, TranslationJob job, TranslationRequest request) throws IOException {
        Path partial = file.resolveSibling("." + file.getFileName() + ".part");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
             XLIFFWriter writer = new XLIFFWriter()) {
            writer.setUseIndentation(true);
            writer.setWithOriginalData(false);
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
        Note instructions = new Note("Tolk " + job.describe() + ". Translate every unit, keep each inline code"
                + " (tag) in the translation, confirm every segment (state translated) and save the file into"
                + " the translations/inbox folder.");
        instructions.setCategory("instructions");
        mid.addNote(instructions);
        addTermNotes(mid, new TreeMap<>(request.glossary()), new TreeSet<>(request.doNotTranslate()));
        return mid;
    }

    private static Unit unit(no.tolk.translate.Segment segment, StartFileData start, TranslationRequest request) {
        Unit unit = new Unit(segment.id(), start);
        unit.setCanResegment(false);
        Segment xliffSegment = unit.appendSegment();
        xliffSegment.setCanResegment(false);
        // list blocks carry their items on separate lines; tools must not fold them into one
        xliffSegment.setPreserveWS(true);
        InlineCodes.appendTo(xliffSegment.getSource(), segment.id(), segment.text());
        String text = segment.text().toLowerCase(Locale.ROOT);
        Map<String, String> glossary = new TreeMap<>();
        request.glossary().forEach((term, translation) -> {
            if (text.contains(term.toLowerCase(Locale.ROOT))) glossary.put(term, translation);
        });
        TreeSet<String> keep = new TreeSet<>();
        request.doNotTranslate().forEach(term -> {
            if (text.contains(term.toLowerCase(Locale.ROOT))) keep.add(term);
        });
        addTermNotes(unit, glossary, keep);
        return unit;
    }

    private static void addTermNotes(IWithNotes target, Map<String, String> glossary, TreeSet<String> doNotTranslate) {
        glossary.forEach((term, translation) -> {
            Note note = new Note("Glossary: translate \"" + term + "\" as \"" + translation + "\"");
            note.setCategory(GLOSSARY);
            target.addNote(note);
        });
        doNotTranslate.forEach(term -> {
            Note note = new Note("Do not translate: keep \"" + term + "\" as it is");
            note.setCategory(DO_NOT_TRANSLATE);
            target.addNote(note);
        });
    }
}
