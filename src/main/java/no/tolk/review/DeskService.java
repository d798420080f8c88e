package no.tolk.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import no.tolk.article.Article;
import no.tolk.publish.Publication;
import no.tolk.publish.PublicationLedger;
import no.tolk.publish.PublicationState;
import no.tolk.publish.PublishingRun;
import no.tolk.publish.ReviewDesk;
import no.tolk.publish.ReviewGate;
import no.tolk.publish.cms.Language;
import no.tolk.publish.cms.ReviewNote;
import no.tolk.publish.cms.ReviewPreview;
import no.tolk.store.ArticleStore;
import no.tolk.store.ArticleSummary;
import no.tolk.store.JdbcTranslationStore;
import no.tolk.store.Sql;
import no.tolk.translate.QaFinding;
import no.tolk.translate.Rejection;
import no.tolk.translate.SegmentCorrection;
import no.tolk.translate.Translation;

/**
 * What the review desk shows and does, over the same stores as {@code tolk status} and the CLI review commands:
 * the "needs attention" list, an article side by side with its findings and history, corrections, approvals,
 * rejections, retries, publishing now, and quarantined files. Actions are recorded with the user who did them.
 */
public class DeskService {

    /** States that need a person, in the order the desk lists them. */
    static final List<String> ATTENTION = List.of("in_review", "failed", "awaiting_translation", "waiting_for_quota", "quarantined");

    private final ArticleStore articles;
    private final JdbcTranslationStore translations;
    private final PublicationLedger ledger;
    private final ReviewDesk desk;
    private final SegmentCorrection correction;
    private final ReviewPreview preview;
    private final Supplier<PublishingRun> publishing;
    private final Sql database;
    private final Path quarantine;
    private final Path inbox;
    private final Clock clock;

    public DeskService(ArticleStore articles, JdbcTranslationStore translations, PublicationLedger ledger, ReviewDesk desk,
            SegmentCorrection correction, ReviewPreview preview, Supplier<PublishingRun> publishing, DataSource dataSource,
            Path home, Clock clock) {
        this.articles = articles;
        this.translations = translations;
        this.ledger = ledger;
        this.desk = desk;
        this.correction = correction;
        this.preview = preview;
        this.publishing = publishing;
        this.database = new Sql(dataSource, "review desk");
        this.quarantine = home.resolve("quarantine");
        this.inbox = home.resolve("inbox");
        this.clock = clock;
    }

    /** One line of the "needs attention" list. */
    public record Item(String id, String title, String state, String stateLabel, int revision, String lastError, String age,
            Integer errors, Integer warnings, boolean link) {
    }

    public record Count(String state, String label, int count) {
    }

    /** Articles needing a person, oldest first within each state; with counts per state. */
    public Map<String, Object> attention() {
        Instant now = clock.instant();
        List<Item> items = new ArrayList<>();
        for (ArticleSummary summary : articles.listArticles()) {
            if (!ATTENTION.contains(summary.state())) continue;
            int errors = 0;
            int warnings = 0;
            List<Translation> found = summary.state().equals("quarantined") ? List.of()
                    : translations.findAll(summary.id()).stream().filter(t -> t.revision() == summary.revision()).toList();
            for (Translation translation : found) {
                int translationErrors = (int) translation.qa().stream().filter(QaFinding::isError).count();
                errors += translationErrors;
                warnings += translation.qa().size() - translationErrors;
            }
            items.add(new Item(summary.id(), summary.title(), summary.state(), stateLabel(summary.state()), summary.revision(),
                    summary.lastError(), age(Duration.between(summary.updatedAt(), now)), errors == 0 ? null : errors,
                    warnings == 0 ? null : warnings,
                    !summary.state().equals("quarantined")));
        }
        items.sort(Comparator.comparingInt((Item i) -> ATTENTION.indexOf(i.state())));
        List<Count> counts = new ArrayList<>();
        for (String state : ATTENTION) {
            int count = (int) items.stream().filter(i -> i.state().equals(state)).count();
            if (count > 0) counts.add(new Count(state, stateLabel(state), count));
        }
        List<Publication> failed = ledger.failed();
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("items", items);
        scope.put("hasItems", !items.isEmpty());
        scope.put("counts", counts);
        scope.put("none", items.isEmpty() && failed.isEmpty());
        scope.put("failedPublications", failed);
        scope.put("hasFailedPublications", !failed.isEmpty());
        List<Map<String, String>> quarantinedFiles = quarantinedFiles();
        scope.put("quarantined", quarantinedFiles);
        scope.put("hasQuarantined", !quarantinedFiles.isEmpty());
        return scope;
    }

    /** An article side by side; empty when there is no such article. */
    public Optional<Map<String, Object>> article(String id) {
        Optional<ArticleSummary> summary = summary(id);
        Optional<Article> norwegian = articles.findArticle(id);
        if (summary.isEmpty() || norwegian.isEmpty()) return Optional.empty();
        Article source = norwegian.get().withLanguage(PublishingRun.sourceLanguage(norwegian.get().language()));
        List<Translation> found = ReviewGate.translationsOf(translations, source);
        Optional<Translation> translation = found.stream().findFirst();
        Article english = translation.map(t -> t.article().withLanguage(t.language())).orElse(source.withLanguage("en"));
        List<ReviewNote> notes = found.stream().flatMap(t -> notes(t).stream()).toList();
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("id", id);
        scope.put("revision", norwegian.get().revision());
        scope.put("state", summary.get().state());
        scope.put("stateLabel", stateLabel(summary.get().state()));
        scope.put("lastError", summary.get().lastError());
        scope.put("title", norwegian.get().title());
        scope.put("englishTitle", english.title() == null ? norwegian.get().title() : english.title());
        scope.put("hasTranslation", translation.isPresent());
        scope.put("engine", found.isEmpty() ? null : String.join(", ", found.stream().map(Translation::engine).distinct().toList()));
        scope.put("sourceLanguage", source.language());
        scope.put("targetLanguage", english.language());
        List<Map<String, Object>> pairs = new ArrayList<>();
        if (found.isEmpty()) pairs.add(pair(source, english, List.of(), true));
        for (Translation each : found) pairs.add(pair(source, each.article().withLanguage(each.language()), notes(each), pairs.isEmpty()));
        scope.put("pairs", pairs);
        long errors = notes.stream().filter(n -> n.level().equals("error")).count();
        scope.put("errors", errors);
        scope.put("hasErrors", errors > 0);
        boolean reviewable = List.of("in_review", "translated").contains(summary.get().state()) && translation.isPresent();
        scope.put("reviewable", reviewable);
        scope.put("rejectable", List.of("in_review", "translated", "approved").contains(summary.get().state()));
        scope.put("retryable", List.of("failed", "waiting_for_quota").contains(summary.get().state()));
        translations.rejection(id, norwegian.get().revision()).ifPresent(r -> scope.put("rejection", r));
        List<Publication> publications = ledger.forArticle(id);
        scope.put("publications", publications);
        scope.put("hasPublications", !publications.isEmpty());
        scope.put("history", history(id));
        return Optional.of(scope);
    }

    /**
     * One pair being reviewed (source → a translation): its languages and names, its rows and its findings on the whole
     * article. Row anchors are the segment ids for the first pair ({@code b0}), language-prefixed for others ({@code nn-b0}).
     */
    private static Map<String, Object> pair(Article source, Article translation, List<ReviewNote> notes, boolean first) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("sourceLanguage", source.language());
        pair.put("targetLanguage", translation.language());
        pair.put("sourceName", Language.label(source.language()));
        pair.put("targetName", Language.label(translation.language()));
        pair.put("prefix", first ? "" : translation.language() + "-");
        pair.put("rows", ReviewRows.of(source, translation, notes));
        List<ReviewRows.Note> general = ReviewRows.general(notes.stream().filter(n -> n.segment() == null).toList());
        pair.put("general", general);
        pair.put("hasGeneral", !general.isEmpty());
        return pair;
    }

    private static List<ReviewNote> notes(Translation translation) {
        return translation.qa().stream().map(f -> ReviewNote.ofFinding(f.level(), f.check(), f.message())).toList();
    }

    /** Corrects one English segment; returns what happened, for the page. */
    public String correct(String id, String segment, String text, String user) {
        return correct(id, "en", segment, text, user);
    }

    /**
     * Corrects one segment of the translation into {@code language} ({@code en}, {@code nn}, ...); the review page is
     * written again with every pair. Returns what happened, for the page.
     */
    public String correct(String id, String language, String segment, String text, String user) {
        Article norwegian = articles.findArticle(id).orElseThrow(() -> new IllegalArgumentException("no article " + id));
        Optional<ArticleSummary> summary = summary(id);
        if (summary.isEmpty() || !List.of("in_review", "translated").contains(summary.get().state())) {
            throw new IllegalArgumentException("article " + id + " is " + summary.map(ArticleSummary::state).orElse("unknown")
                    + "; only an article in review can be corrected");
        }
        String target = Language.normalise(language);
        Translation updated = correction.correct(norwegian, target, segment, text, user);
        long left = updated.qa().stream().filter(f -> f.isError() && f.message().startsWith(segment + ": ")).count();
        event(id, norwegian.revision(), user, "corrected", ReviewRows.label(segment) + " (" + Language.label(target) + "): " + text.strip());
        if (summary.get().state().equals("in_review")) {
            Article source = norwegian.withLanguage(PublishingRun.sourceLanguage(norwegian.language()));
            List<Translation> found = ReviewGate.translationsOf(translations, source);
            preview.write(source, found.stream().map(t -> new ReviewPreview.Target(t.article().withLanguage(t.language()), notes(t))).toList());
            List<String> errors = new ArrayList<>();
            for (Translation each : found) {
                if (!each.hasErrors()) continue;
                errors.add(each.language() + ": quality checks found errors: "
                        + String.join("; ", each.qa().stream().filter(QaFinding::isError).map(QaFinding::message).toList()));
            }
            translations.setLastError(id, errors.isEmpty() ? null : String.join("; ", errors));
        }
        return ReviewRows.label(segment) + " saved" + (left == 0 ? " and checked: no error left on it." : "; the quality check still finds "
                + left + " error(s) on it.") + " Saved to the translation memory as a human translation"
                + (left == 0 ? "." : " only once it passes.");
    }

    public ReviewDesk.Answer approve(String id, boolean despiteErrors, String user) {
        return desk.approve(id, despiteErrors, user);
    }

    public ReviewDesk.Answer reject(String id, String reason, boolean toHuman, String user) {
        return desk.reject(id, reason, toHuman, user);
    }

    public ReviewDesk.Answer retry(String id, String user) {
        return desk.retry(id, user);
    }

    /** Publishes every approved article now; returns a sentence for the page. */
    public String publishNow(String user) throws InterruptedException {
        PublishingRun run = publishing.get();
        if (run == null) return "Publishing is not available in this process.";
        int published = run.publishApproved();
        return published + " article(s) published (requested by " + user + ").";
    }

    /** Quarantined files with their reports. */
    public List<Map<String, String>> quarantinedFiles() {
        if (!Files.isDirectory(quarantine)) return List.of();
        try (Stream<Path> files = Files.list(quarantine)) {
            return files.filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().endsWith(".error.txt")
                            && !f.getFileName().toString().startsWith("."))
                    .sorted().map(f -> Map.of("name", f.getFileName().toString())).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The {@code .error.txt} report of a quarantined file; empty for unknown names. */
    public Optional<String> quarantineReport(String name) {
        Path file = quarantined(name);
        if (file == null) return Optional.empty();
        Path report = quarantine.resolve(name + ".error.txt");
        try {
            return Optional.of(Files.isRegularFile(report) ? Files.readString(report, StandardCharsets.UTF_8) : "(no report)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a quarantined file back into the inbox (the report goes to quarantine/requeued/). */
    public String requeue(String name, String user) {
        Path file = quarantined(name);
        if (file == null) throw new IllegalArgumentException("no quarantined file " + name);
        try {
            Files.createDirectories(inbox);
            Path report = quarantine.resolve(name + ".error.txt");
            if (Files.isRegularFile(report)) {
                Files.createDirectories(quarantine.resolve("requeued"));
                Files.move(report, quarantine.resolve("requeued").resolve(name + ".error.txt"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(file, inbox.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + name + " back to the inbox: " + e.getMessage(), e);
        }
        return name + " is back in the inbox (by " + user + "); it is read again at the next poll.";
    }

    private Path quarantined(String name) {
        if (name == null || name.contains("/") || name.contains("\\") || name.startsWith(".")) return null;
        Path file = quarantine.resolve(name).normalize();
        return file.getParent().equals(quarantine.normalize()) && Files.isRegularFile(file) ? file : null;
    }

    /** One line of an article's history. */
    public record Event(String at, String actor, String what, String reason) {
    }

    /** State changes and desk actions, oldest first. */
    public List<Event> history(String id) {
        List<Object[]> rows = new ArrayList<>();
        database.query("select at, actor, from_state, to_state, reason from state_history where article_id = ?", rs -> {
            String from = rs.getString(3);
            rows.add(new Object[] {rs.getTimestamp(1).toInstant(), rs.getString(2),
                    (from == null ? "new" : stateLabel(from.toLowerCase())) + " → " + stateLabel(rs.getString(4).toLowerCase()), rs.getString(5)});
            return null;
        }, id);
        database.query("select at, actor, action, detail from review_event where article_id = ?", rs -> {
            rows.add(new Object[] {rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)});
            return null;
        }, id);
        rows.sort(Comparator.comparing(r -> (Instant) r[0]));
        return rows.stream().map(r -> new Event(r[0].toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"),
                r[1] == null ? "pipeline" : (String) r[1], (String) r[2], (String) r[3])).toList();
    }

    private void event(String id, int revision, String user, String action, String detail) {
        database.update("insert into review_event (article_id, revision, actor, action, detail, at) values (?, ?, ?, ?, ?, ?)",
                id, revision, user, action, detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...",
                Timestamp.from(clock.instant()));
    }

    private Optional<ArticleSummary> summary(String id) {
        return articles.listArticles().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    static String stateLabel(String state) {
        return switch (state) {
            case "in_review" -> "in review";
            case "awaiting_translation" -> "awaiting human translation";
            case "waiting_for_quota" -> "waiting for quota";
            case "failed" -> "failed";
            case "quarantined" -> "quarantined";
            default -> state.replace('_', ' ');
        };
    }

    static String age(Duration age) {
        if (age.toMinutes() < 1) return "just now";
        if (age.toHours() < 1) return age.toMinutes() + " min";
        if (age.toDays() < 1) return age.toHours() + " h";
        return age.toDays() + " d";
    }

    static boolean isPending(Publication publication) {
        return publication.state() != PublicationState.PUBLISHED;
    }

    static Rejection none() {
        return null;
    }
}
