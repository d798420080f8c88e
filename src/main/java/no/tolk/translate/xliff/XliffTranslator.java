package no.tolk.translate.xliff;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.tolk.translate.EngineCapabilities;
import no.tolk.translate.EngineRejectedException;
import no.tolk.translate.EngineUnavailableException;
import no.tolk.translate.Segment;
import no.tolk.translate.SourceDocument;
import no.tolk.translate.TranslationException;
import no.tolk.translate.TranslationPendingException;
import no.tolk.translate.TranslationRequest;
import no.tolk.translate.TranslationResult;
import no.tolk.translate.Translator;
import no.tolk.translate.Usage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Human translation through XLIFF files (1.2 by default, 2.0 on request; returned files in 1.2, 2.0,
 * 2.1, SDLXLIFF or MQXLIFF): the first call for an article revision writes
 * {@code outbox/<article>-r<revision>-<src>-<tgt>.xlf} and reports the translation as pending; a
 * later call picks up the translated file from {@code inbox/}, checks it, moves it to {@code done/}
 * and returns its segments. Files that do not pass the check stay where they are, with a
 * {@code .error.txt} report beside them.
 */
public class XliffTranslator implements Translator {

    public static final String NAME = "xliff";
    private static final Logger LOG = LoggerFactory.getLogger(XliffTranslator.class);

    private final TranslationFolders folders;
    private final XliffFileReader reader = new XliffFileReader();
    private final XliffRequestWriter writer = new XliffRequestWriter();
    private final Xliff12Writer writer12 = new Xliff12Writer();
    private final XliffVersion version;
    /** Article id -> why its returned file was rejected, as found by the last {@link #waitingTranslations()}. */
    private final Map<String, String> rejections = new LinkedHashMap<>();

    /** Writes XLIFF 1.2 request files under {@code folder}. */
    public XliffTranslator(Path folder) {
        this(folder, XliffVersion.V1_2);
    }

    /** Writes request files in the given XLIFF version under {@code folder}; returned files may be in any version. */
    public XliffTranslator(Path folder, XliffVersion version) {
        this.folders = new TranslationFolders(folder);
        this.version = version;
    }

    public XliffVersion version() {
        return version;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** No limits: an article must travel as one file, so batching must never split it. */
    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(Integer.MAX_VALUE, Integer.MAX_VALUE, true, true);
    }

    /** Needs the article revision: build the request with {@link TranslationRequest#forDocument}. */
    @Override
    public TranslationResult translate(TranslationRequest request) throws TranslationException {
        SourceDocument document = request.sourceDocument().orElseThrow(() -> new EngineRejectedException(
                "XLIFF translation needs the article id and revision: build the request with forDocument(id, revision)"));
        return translate(document.id(), document.revision(), request);
    }

    /**
     * Returns the human translation of this article revision if a valid translated file is waiting
     * in the inbox; otherwise makes sure the request file is in the outbox and throws
     * {@link TranslationPendingException}.
     */
    public synchronized TranslationResult translate(String articleId, int revision, TranslationRequest request)
            throws TranslationException {
        TranslationJob job = job(articleId, revision, request);
        try {
            folders.create();
            List<Path> rejected = new ArrayList<>();
            Map<String, String> markup = markup(request.segments());
            for (Path file : folders.returnedFiles()) {
                Optional<TranslationResult> result = tryReturnedFile(file, job, request.segments(), markup, rejected);
                if (result.isPresent()) return result.get();
            }
            Path outbox = ensureRequestFile(job, request);
            throw new TranslationPendingException("Waiting for human translation of " + job.describe()
                    + ": translate " + outbox + " and save the translated file into " + folders.inbox()
                    + rejectedNote(rejected));
        } catch (IOException e) {
            throw new EngineUnavailableException("XLIFF folder " + folders.root() + " is not usable for "
                    + job.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks every file in the inbox and lists the valid translations waiting there, one per article
     * revision and target language (the newest file wins), so a route can resume those articles.
     * Invalid files get their {@code .error.txt} report and are left in place.
     */
    public synchronized List<ReturnedTranslation> waitingTranslations() throws TranslationException {
        try {
            folders.create();
            rejections.clear();
            Map<TranslationJob, ReturnedTranslation> waiting = new LinkedHashMap<>();
            for (Path file : folders.returnedFiles()) {
                checkAgainstOutbox(file).ifPresent(job -> waiting.putIfAbsent(job,
                        new ReturnedTranslation(job.articleId(), job.revision(), job.targetLanguage(), file)));
            }
            return List.copyOf(waiting.values());
        } catch (IOException e) {
            throw new EngineUnavailableException("XLIFF folder " + folders.root() + " is not usable: " + e.getMessage(), e);
        }
    }

    /**
     * Why returned files were rejected at the last {@link #waitingTranslations()}, by article id: one line
     * naming the file, the first problem and the report, for {@code status}, {@code show} and JMX (lastError).
     */
    public synchronized Map<String, String> rejections() {
        return Map.copyOf(rejections);
    }

    private void noteRejection(Path file, String articleId, List<Problem> problems) {
        if (articleId == null || problems.isEmpty()) return;
        Problem first = problems.get(0);
        rejections.putIfAbsent(articleId, "returned translation " + file.getFileName() + " was rejected: " + first.where()
                + ": " + first.what() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "")
                + " See translations/inbox/" + ErrorReport.pathFor(file).getFileName() + ".");
    }

    private static TranslationJob job(String articleId, int revision, TranslationRequest request)
            throws EngineRejectedException {
        try {
            return new TranslationJob(articleId, revision, request.sourceLanguage(), request.targetLanguage());
        } catch (IllegalArgumentException e) {
            throw new EngineRejectedException("cannot send article " + articleId + " to human translation: " + e.getMessage(), e);
        }
    }

    private Optional<TranslationResult> tryReturnedFile(Path file, TranslationJob job, List<Segment> segments,
                                                        Map<String, String> markup, List<Path> rejected) throws IOException {
        XliffContent content;
        try {
            content = reader.read(file, markup);
        } catch (UnreadableXliffException e) {
            reject(file, List.of(e.problem()));
            if (file.getFileName().toString().startsWith(job.fileStem() + "-")) rejected.add(file);
            return Optional.empty();
        }
        Optional<ArticleRevision> identity = content.identity();
        if (identity.isEmpty()) {
            reject(file, List.of(anonymous()));
            return Optional.empty();
        }
        if (!job.isFor(identity.get())) {
            if (identity.get().articleId().equals(job.articleId()) && identity.get().revision() < job.revision()) {
                reject(file, List.of(olderRevision(identity.get(), job)));
                rejected.add(file);
            }
            return Optional.empty();
        }
        List<Problem> problems = ReturnedFileCheck.check(content, job, segments);
        if (!problems.isEmpty()) {
            reject(file, problems);
            rejected.add(file);
            return Optional.empty();
        }
        TranslationResult result = result(content, segments);
        Path done = folders.moveToDone(file);
        ErrorReport.remove(file);
        Files.deleteIfExists(folders.request(job));
        LOG.info("Human translation of {} taken from {}", job.describe(), done);
        return Optional.of(result);
    }

    private Optional<TranslationJob> checkAgainstOutbox(Path file) throws IOException {
        XliffContent content;
        try {
            content = reader.read(file, Map.of());
        } catch (UnreadableXliffException e) {
            reject(file, List.of(e.problem()));
            noteRejection(file, articleNamedBy(file), List.of(e.problem()));
            return Optional.empty();
        }
        Optional<ArticleRevision> identity = content.identity();
        if (identity.isEmpty()) {
            reject(file, List.of(anonymous()));
            return Optional.empty();
        }
        Optional<Path> request = outstandingRequest(identity.get(), content);
        if (request.isEmpty()) {
            List<Problem> problems = List.of(notWaiting(identity.get()));
            reject(file, problems);
            if (!folders.requestsFor(identity.get().articleId()).isEmpty()) {
                noteRejection(file, identity.get().articleId(), problems);
            }
            return Optional.empty();
        }
        XliffContent requested;
        try {
            requested = reader.read(request.get(), Map.of());
        } catch (UnreadableXliffException e) {
            throw new IOException("request file " + request.get() + " cannot be read back: " + e.getMessage(), e);
        }
        TranslationJob job = new TranslationJob(identity.get().articleId(), identity.get().revision(),
                requested.sourceLanguage(), requested.targetLanguage());
        List<Segment> segments = requested.units().stream().map(unit -> new Segment(unit.id(), unit.source().text())).toList();
        List<Problem> problems = ReturnedFileCheck.check(content, job, segments);
        if (!problems.isEmpty()) {
            reject(file, problems);
            noteRejection(file, job.articleId(), problems);
            return Optional.empty();
        }
        ErrorReport.remove(file);
        return Optional.of(job);
    }

    /** The outbox file this returned file answers: same article revision, same languages when they match, else any of that revision. */
    private Optional<Path> outstandingRequest(ArticleRevision identity, XliffContent content) throws IOException {
        String stem = identity.articleId() + "-r" + identity.revision() + "-";
        List<Path> candidates = folders.requestsFor(identity.articleId()).stream()
                .filter(path -> path.getFileName().toString().startsWith(stem))
                .toList();
        for (Path candidate : candidates) {
            String expected = stem + lower(content.sourceLanguage()) + "-" + lower(content.targetLanguage()) + ".xlf";
            if (candidate.getFileName().toString().equals(expected)) return Optional.of(candidate);
        }
        // a file for the right revision in the wrong language: check it against that request to say so
        return candidates.stream().findFirst();
    }

    /** The article whose outbox file this file's name starts with (a tool usually keeps the name), or null. */
    private String articleNamedBy(Path file) throws IOException {
        String name = file.getFileName().toString();
        for (Path request : folders.requests()) {
            String stem = request.getFileName().toString();
            int revision = stem.lastIndexOf("-r");
            if (revision > 0 && name.startsWith(stem.substring(0, revision) + "-r")) return stem.substring(0, revision);
        }
        return null;
    }

    private Problem notWaiting(ArticleRevision identity) throws IOException {
        List<String> others = folders.requestsFor(identity.articleId()).stream()
                .map(path -> path.getFileName().toString()).toList();
        if (!others.isEmpty()) {
            return Problem.ofFile("This file is for " + identity + ", but Tolk is waiting for another revision of"
                            + " that article: " + String.join(", ", others) + ".",
                    "Translate the newer file from translations/outbox instead, then delete this file and this report.");
        }
        return Problem.ofFile("Tolk is not waiting for a translation of " + identity + ". It may already have been"
                        + " translated (see translations/done) or the article has changed since.",
                "Delete this file and this report if the translation is already published; otherwise ask the editors"
                        + " to send the article to translation again.");
    }

    private static Problem olderRevision(ArticleRevision identity, TranslationJob job) {
        return Problem.ofFile("This file is for " + identity + ", but the article has changed since: Tolk now needs"
                        + " revision " + job.revision() + ".",
                "Translate translations/outbox/" + job.fileName() + " instead (your translation tool's memory will"
                        + " fill in the unchanged paragraphs), then delete this file and this report.");
    }

    private static Problem anonymous() {
        return Problem.ofFile("The file does not say which article it belongs to (no Tolk article id and revision"
                        + " in its metadata, <file original> or <file id>).",
                "Translate the file Tolk wrote in translations/outbox; do not create a new XLIFF file from scratch.");
    }

    private void reject(Path file, List<Problem> problems) throws IOException {
        ErrorReport.write(file, problems);
        LOG.warn("Translation file {} rejected ({} problem(s)), see {}", file, problems.size(), ErrorReport.pathFor(file));
    }

    private Path ensureRequestFile(TranslationJob job, TranslationRequest request) throws IOException, EngineRejectedException {
        Path file = folders.request(job);
        if (Files.exists(file)) return file;
        try {
            if (version == XliffVersion.V2_0) {
                writer.write(file, job, request);
            } else {
                writer12.write(file, job, request, Map.of(), Map.of());
            }
            LOG.info("Wrote {} for human translation of {}", file, job.describe());
            retireOlderRequests(job);
        } catch (FileAlreadyExistsException e) {
            // written by a concurrent call a moment ago: keep that one
        } catch (IllegalArgumentException e) {
            throw new EngineRejectedException("cannot write " + job.describe() + " as XLIFF: " + e.getMessage(), e);
        }
        return file;
    }

    /** A new revision makes the outbox files of earlier revisions obsolete; translating them would be wasted work. */
    private void retireOlderRequests(TranslationJob job) throws IOException {
        for (Path older : folders.requestsFor(job.articleId())) {
            Optional<Integer> revision = revisionInName(older, job);
            if (revision.isPresent() && revision.get() < job.revision()) {
                Files.deleteIfExists(older);
                LOG.info("Removed {}: {} supersedes it", older, job.describe());
            }
        }
    }

    private static Optional<Integer> revisionInName(Path request, TranslationJob job) {
        String name = request.getFileName().toString();
        String suffix = "-" + job.sourceLanguage() + "-" + job.targetLanguage() + ".xlf";
        String prefix = job.articleId() + "-r";
        if (!name.endsWith(suffix)) return Optional.empty();
        String revision = name.substring(prefix.length(), name.length() - suffix.length());
        return revision.matches("\\d{1,9}") ? Optional.of(Integer.parseInt(revision)) : Optional.empty();
    }

    private static TranslationResult result(XliffContent content, List<Segment> requested) {
        Map<String, XliffUnit> units = new HashMap<>();
        content.units().forEach(unit -> units.putIfAbsent(unit.id(), unit));
        List<Segment> translated = requested.stream()
                .map(segment -> new Segment(segment.id(), units.get(segment.id()).target().text()))
                .toList();
        Map<String, List<String>> notes = new LinkedHashMap<>();
        for (Segment segment : requested) {
            List<String> unitNotes = units.get(segment.id()).notes();
            if (!unitNotes.isEmpty()) notes.put(segment.id(), unitNotes);
        }
        return new TranslationResult(translated, Usage.none(NAME), notes);
    }

    private static Map<String, String> markup(List<Segment> segments) {
        Map<String, String> markup = new HashMap<>();
        Set<String> conflicting = new HashSet<>();
        for (Segment segment : segments) {
            InlineCodes.markup(segment.text()).forEach((id, text) -> {
                String earlier = markup.putIfAbsent(id, text);
                if (earlier != null && !earlier.equals(text)) conflicting.add(id);
            });
        }
        conflicting.forEach(markup::remove);
        return markup;
    }

    private static String rejectedNote(List<Path> rejected) {
        if (rejected.isEmpty()) return "";
        return "; rejected so far: " + String.join(", ", rejected.stream()
                .map(file -> file.getFileName() + " (see " + ErrorReport.pathFor(file).getFileName() + ")").toList());
    }

    private static String lower(String language) {
        return language == null ? "" : language.toLowerCase(Locale.ROOT);
    }
}
