package no.tolk.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;

/** Markdown with optional YAML front matter (title, author, date, lastmod, tags, description). */
final class MarkdownReader {

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\s*\\n(.*?)\\n---\\s*\\n", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z_]+)\\s*:\\s*(.*)$");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).build();
    private final MarkupReader markup;

    MarkdownReader(MarkupReader markup) {
        this.markup = markup;
    }

    ArticleDraft read(String source) {
        String text = source.replace("\r\n", "\n");
        Matcher frontMatter = FRONT_MATTER.matcher(text);
        String body = text;
        String fields = "";
        if (frontMatter.find()) {
            fields = frontMatter.group(1);
            body = text.substring(frontMatter.end());
        }
        ArticleDraft draft = markup.readDocument(Jsoup.parse(renderer.render(parser.parse(body))), true);
        readFrontMatter(fields, draft);
        return draft;
    }

    private static void readFrontMatter(String fields, ArticleDraft draft) {
        String listKey = null;
        for (String line : fields.lines().toList()) {
            if (listKey != null && line.matches("^\\s*-\\s+.*")) {
                if (listKey.equals("tags")) draft.tags.add(unquote(line.replaceFirst("^\\s*-\\s+", "")));
                continue;
            }
            listKey = null;
            Matcher field = FIELD.matcher(line);
            if (!field.matches()) continue;
            String key = field.group(1).toLowerCase();
            String value = unquote(field.group(2));
            switch (key) {
                case "title" -> draft.offerTitle(value);
                case "author", "forfatter" -> draft.offerAuthor(value);
                case "date", "published", "publisert" -> draft.offerPublished(value);
                case "lastmod", "updated", "revised", "oppdatert" -> draft.offerRevised(value);
                case "description", "lead", "summary", "ingress" -> draft.lead = value.isEmpty() ? null : value;
                case "tags", "keywords", "categories" -> {
                    if (value.isEmpty()) {
                        listKey = "tags";
                    } else {
                        List.of(value.replaceAll("^\\[|]$", "").split(",")).stream()
                                .map(MarkdownReader::unquote).filter(tag -> !tag.isEmpty()).forEach(draft.tags::add);
                    }
                }
                default -> { }
            }
        }
    }

    private static String unquote(String value) {
        return value.strip().replaceAll("^[\"']|[\"']$", "").strip();
    }
}
