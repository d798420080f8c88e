package no.tolk.publish.cms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import no.tolk.article.Article;
import no.tolk.review.ReviewRows;
import no.tolk.review.Templates;

/**
 * A side-by-side page for the person who approves a translation without the review desk: the first translation's
 * headline as heading, how to approve or reject at the top, then one section per pair being reviewed (nb → en,
 * nb → nn; nn → en for a Nynorsk article), source left and translation right block by block (numbered from 1), each
 * quality-check finding on the row it concerns (error red, warning amber). Rendered from
 * {@code templates/review/page.mustache}.
 *
 * <p>Approval is a file move: next to {@code review/<id>.html} Tolk writes {@code review/<id>.approve};
 * moving it into {@code review/approved/} approves that revision. A new revision needs a new approval.
 */
public class ReviewPreview {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private final Path reviewDir;

    public ReviewPreview(Path siteDir) {
        this.reviewDir = siteDir.toAbsolutePath().normalize().resolve("review");
    }

    public Path reviewDir() {
        return reviewDir;
    }

    /** One translation under review, with the findings of its quality checks. */
    public record Target(Article translation, List<ReviewNote> notes) {

        public Target {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    /** Writes the review page with plain warnings that concern the whole article. */
    public Path writeWithWarnings(Article norwegian, Article english, List<String> warnings) {
        return write(norwegian, english, warnings.stream().map(w -> ReviewNote.forArticle("warning", "qa", w)).toList());
    }

    /** {@link #write(Article, List)} for an article with one translation. */
    public Path write(Article norwegian, Article english, List<ReviewNote> notes) {
        return write(norwegian, List.of(new Target(english, notes)));
    }

    /**
     * Writes {@code review/<id>.html}, one side-by-side section per pair being reviewed (source → each translation, e.g.
     * nb → en, nb → nn), and, unless this revision is already approved, the {@code .approve} marker. Approval covers
     * every translation of the revision, as publishing does.
     */
    public Path write(Article source, List<Target> targets) {
        String id = checkedId(source.id());
        if (targets.isEmpty()) throw new IllegalArgumentException("nothing to review: article " + id + " has no translation");
        for (Target target : targets) {
            if (!id.equals(target.translation().id())) {
                throw new IllegalArgumentException("review pair has different ids: " + id + " / " + target.translation().id());
            }
        }
        Path page = reviewDir.resolve(id + ".html");
        int revision = targets.get(0).translation().revision();
        try {
            Files.createDirectories(reviewDir.resolve("approved"));
            write(page, render(source, targets));
            if (!isApproved(id, revision)) {
                write(reviewDir.resolve(id + ".approve"), "# Move this file into approved/ to approve the translations ("
                        + String.join(", ", targets.stream().map(t -> Language.label(t.translation().language())).toList())
                        + ") for publishing.\narticle=" + id + "\nrevision=" + revision + "\n");
            }
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the review page " + page + ": " + e.getMessage(), e);
        }
    }

    /** True when {@code review/approved/<id>.approve} names this revision. */
    public boolean isApproved(String articleId, int revision) {
        Path marker = reviewDir.resolve("approved").resolve(checkedId(articleId) + ".approve");
        if (!Files.isRegularFile(marker)) return false;
        try {
            return Files.readAllLines(marker, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .anyMatch(line -> line.equals("revision=" + revision));
        } catch (IOException e) {
            return false;
        }
    }

    String render(Article norwegian, Article english, List<ReviewNote> notes) {
        return render(norwegian, List.of(new Target(english, notes)));
    }

    String render(Article source, List<Target> targets) {
        Map<String, Object> scope = new HashMap<>();
        Article first = targets.get(0).translation();
        scope.put("id", source.id());
        scope.put("revision", first.revision());
        scope.put("title", source.title());
        scope.put("sourceLanguage", source.language());
        scope.put("targetLanguage", first.language());
        scope.put("englishTitle", first.title() == null || first.title().isBlank() ? source.title() : first.title());
        scope.put("translationNames", String.join(", ", targets.stream().map(t -> Language.label(t.translation().language())).toList()));
        List<ReviewNote> all = targets.stream().flatMap(t -> t.notes().stream()).toList();
        long errors = all.stream().filter(n -> n.level().equals("error")).count();
        long warnings = all.stream().filter(n -> n.level().equals("warning")).count();
        if (errors > 0) scope.put("errors", errors);
        if (warnings > 0) scope.put("warnings", warnings);
        List<Map<String, Object>> pairs = new java.util.ArrayList<>();
        for (Target target : targets) pairs.add(pair(source, target, pairs.isEmpty()));
        scope.put("pairs", pairs);
        return Templates.render("review/page", scope);
    }

    /**
     * One pair's section: its languages, and its rows; row anchors are the segment ids ({@code b0}) for the first pair,
     * prefixed with the language for the others ({@code nn-b0}).
     */
    private static Map<String, Object> pair(Article source, Target target, boolean first) {
        Article translation = target.translation();
        List<ReviewNote> notes = target.notes();
        Map<String, Object> pair = new HashMap<>();
        pair.put("sourceLanguage", source.language());
        pair.put("targetLanguage", translation.language());
        pair.put("sourceName", Language.label(source.language()));
        pair.put("targetName", Language.label(translation.language()));
        pair.put("prefix", first ? "" : translation.language() + "-");
        List<ReviewRows.Row> rows = ReviewRows.of(source, translation, notes);
        List<ReviewNote> unplaced = notes.stream()
                .filter(n -> n.segment() != null && rows.stream().noneMatch(r -> n.segment().equals(r.segment())))
                .map(n -> ReviewNote.forArticle(n.level(), n.check(), ReviewRows.label(n.segment()) + ": " + n.message()))
                .toList();
        List<ReviewNote> general = new java.util.ArrayList<>(notes.stream().filter(n -> n.segment() == null).toList());
        general.addAll(unplaced);
        pair.put("general", ReviewRows.general(general));
        pair.put("hasGeneral", !general.isEmpty());
        pair.put("rows", rows);
        return pair;
    }

    /** Moves a decided article's page to {@code review/done/} and removes its pending marker; returns whether there was one. */
    public boolean markDone(String articleId) {
        String id = checkedId(articleId);
        Path page = reviewDir.resolve(id + ".html");
        try {
            Files.deleteIfExists(reviewDir.resolve(id + ".approve"));
            if (!Files.isRegularFile(page)) return false;
            Files.createDirectories(reviewDir.resolve("done"));
            Files.move(page, reviewDir.resolve("done").resolve(id + ".html"), StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy the review page " + page + ": " + e.getMessage(), e);
        }
    }

    /** Ids of the articles with a review page or approval marker still in {@code review/} (not yet in done/). */
    public java.util.Set<String> pendingIds() {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        if (!Files.isDirectory(reviewDir)) return ids;
        try (java.util.stream.Stream<Path> files = Files.list(reviewDir)) {
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".html") || name.endsWith(".approve"))
                    .forEach(name -> ids.add(name.substring(0, name.lastIndexOf('.'))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the review pages in " + reviewDir + ": " + e.getMessage(), e);
        }
        return ids;
    }

    /** Whether {@code review/<id>.html} exists for this revision (pages written for other revisions do not count). */
    public boolean hasPage(String articleId, int revision) {
        Path page = reviewDir.resolve(checkedId(articleId) + ".html");
        if (!Files.isRegularFile(page)) return false;
        try {
            return Files.readString(page, StandardCharsets.UTF_8).contains("<meta name=\"tolk-revision\" content=\"" + revision + "\">");
        } catch (IOException e) {
            return false;
        }
    }

    private static String checkedId(String id) {
        if (id == null || !SAFE_ID.matcher(id).matches()) throw new IllegalArgumentException("article id unusable as a file name: " + id);
        return id;
    }

    private static void write(Path target, String text) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

}
