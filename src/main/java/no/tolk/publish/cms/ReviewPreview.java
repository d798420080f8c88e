package no.tolk.publish.cms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.tolk.article.Article;
import no.tolk.article.Block;

/**
 * A side-by-side page for the person who approves a translation: Norwegian left, English right,
 * block by block, with quality-check findings highlighted on the blocks they concern.
 *
 * <p>Approval is a file move: next to {@code review/<id>.html} Tolk writes {@code review/<id>.approve};
 * moving it into {@code review/approved/} approves that revision. A new revision needs a new approval.
 */
public class ReviewPreview {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
            table{border-collapse:collapse;width:100%;table-layout:fixed}
            th,td{border:1px solid #ccc;padding:.5rem .75rem;vertical-align:top;text-align:left}
            td.kind{width:6rem;color:#666;font-size:.85rem}
            tr.level-error td{background:#fde2e2}tr.level-warning td{background:#fff4d6}tr.level-info td{background:#eef4ff}
            ul.notes{margin:.25rem 0 0;padding-left:1.2rem;font-size:.9rem}
            li.error{color:#a40000}li.warning{color:#7a5200}li.info{color:#234}
            .approval{background:#f3f3f3;padding:.75rem 1rem;border-radius:4px}
            code{background:#e8e8e8;padding:0 .2rem}
            """;

    private final Path reviewDir;

    public ReviewPreview(Path siteDir) {
        this.reviewDir = siteDir.toAbsolutePath().normalize().resolve("review");
    }

    public Path reviewDir() {
        return reviewDir;
    }

    /** Writes the review page with plain warnings that concern the whole article. */
    public Path writeWithWarnings(Article norwegian, Article english, List<String> warnings) {
        return write(norwegian, english, warnings.stream().map(w -> ReviewNote.forArticle("warning", "qa", w)).toList());
    }

    /** Writes {@code review/<id>.html} and, unless this revision is already approved, the {@code .approve} marker. */
    public Path write(Article norwegian, Article english, List<ReviewNote> notes) {
        String id = checkedId(norwegian.id());
        if (!id.equals(english.id())) throw new IllegalArgumentException("review pair has different ids: " + norwegian.id() + " / " + english.id());
        Path page = reviewDir.resolve(id + ".html");
        try {
            Files.createDirectories(reviewDir.resolve("approved"));
            write(page, render(norwegian, english, notes == null ? List.of() : notes));
            if (!isApproved(id, english.revision())) {
                write(reviewDir.resolve(id + ".approve"), "# Move this file into approved/ to approve the English version for publishing.\n"
                        + "article=" + id + "\nrevision=" + english.revision() + "\n");
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
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Review: ").append(esc(norwegian.title())).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>Review of article ").append(esc(norwegian.id()))
                .append(", revision ").append(english.revision()).append("</h1>\n");
        List<ReviewNote> general = notes.stream().filter(n -> n.block() == null).sorted(bySeverity()).toList();
        if (!general.isEmpty()) html.append("<section class=\"article-notes\"><h2>Checks</h2>").append(noteList(general)).append("</section>\n");
        html.append("<table>\n<thead><tr><th class=\"kind\"></th><th lang=\"nb\">Norsk</th><th lang=\"en\">English</th></tr></thead>\n<tbody>\n");
        row(html, "title", norwegian.title(), english.title(), List.of());
        row(html, "lead", norwegian.lead(), english.lead(), List.of());
        int blocks = Math.max(norwegian.blocks().size(), english.blocks().size());
        for (int i = 0; i < blocks; i++) {
            Block nb = i < norwegian.blocks().size() ? norwegian.blocks().get(i) : null;
            Block en = i < english.blocks().size() ? english.blocks().get(i) : null;
            int index = i;
            String kind = (nb != null ? nb.type() : en.type()).jsonName();
            row(html, (index + 1) + " " + kind, nb == null ? null : nb.text(), en == null ? null : en.text(),
                    notes.stream().filter(n -> n.block() != null && n.block() == index).sorted(bySeverity()).toList());
        }
        row(html, "tags", String.join(", ", norwegian.tags()), String.join(", ", english.tags()), List.of());
        html.append("</tbody>\n</table>\n");
        html.append("<p class=\"approval\">To approve: move <code>").append(esc(norwegian.id()))
                .append(".approve</code> from this folder into <code>approved/</code>. Leave it here to hold the article back.</p>\n");
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, String kind, String norwegian, String english, List<ReviewNote> notes) {
        if ((norwegian == null || norwegian.isBlank()) && (english == null || english.isBlank()) && notes.isEmpty()) return;
        html.append("<tr");
        if (!notes.isEmpty()) html.append(" class=\"level-").append(esc(notes.get(0).level())).append('"');
        html.append("><td class=\"kind\">").append(esc(kind)).append("</td><td lang=\"nb\">").append(cell(norwegian))
                .append("</td><td lang=\"en\">").append(cell(english));
        if (!notes.isEmpty()) html.append(noteList(notes));
        html.append("</td></tr>\n");
    }

    private static String cell(String text) {
        return text == null ? "<em>(missing)</em>" : esc(text).replace("\n", "<br>");
    }

    private static String noteList(List<ReviewNote> notes) {
        return notes.stream()
                .map(n -> "<li class=\"" + esc(n.level()) + "\"><strong>" + esc(n.level())
                        + (n.check() == null ? "" : " · " + esc(n.check())) + ":</strong> " + esc(n.message()) + "</li>")
                .collect(Collectors.joining("", "<ul class=\"notes\">", "</ul>"));
    }

    private static Comparator<ReviewNote> bySeverity() {
        return Comparator.comparingInt(ReviewNote::severity).reversed();
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

    private static String esc(String text) {
        return BodyHtml.escape(text);
    }
}
