package no.tolk.extract;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Markdown with optional YAML front matter (Hugo, Jekyll, Astro, Eleventy), read with snakeyaml-engine, or TOML
 * front matter between {@code +++} lines (Hugo), read with Jackson's TOML module; both give the same keys.
 * Front matter keys (case-insensitive): {@code title}/{@code tittel} (beats any heading in the text);
 * {@code ingress}, {@code lead}, {@code description}, {@code summary}, {@code excerpt} (the lead, in that
 * order of preference); {@code author}/{@code authors}/{@code forfatter} as a string, a list or a map with
 * {@code name}; {@code date}, {@code pubDate}, {@code publishDate}, {@code published}, {@code publisert},
 * {@code dato} (ISO or Norwegian forms); {@code lastmod}, {@code updated}, {@code modified}, {@code oppdatert};
 * {@code tags}, {@code keywords}, {@code categories}; {@code lang}/{@code language} (the declared language). Raw HTML in the text counts for its text only;
 * script, style and similar elements are dropped with their content.
 */
final class MarkdownReader {

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A\\uFEFF?---[ \\t]*\\n(.*?)\\n(?:---|\\.\\.\\.)[ \\t]*(?:\\n|\\z)", Pattern.DOTALL);
    /** Hugo's TOML front matter between "+++" lines (gohugo.io/content-management/front-matter). */
    private static final Pattern TOML_FRONT_MATTER = Pattern.compile("\\A\\uFEFF?\\+\\+\\+[ \\t]*\\n(.*?)\\n\\+\\+\\+[ \\t]*(?:\\n|\\z)", Pattern.DOTALL);
    private static final com.fasterxml.jackson.dataformat.toml.TomlMapper TOML = new com.fasterxml.jackson.dataformat.toml.TomlMapper();
    private static final List<String> TITLE_KEYS = List.of("title", "tittel", "headline");
    private static final List<String> LEAD_KEYS = List.of("ingress", "lead", "lede", "intro", "description", "summary", "excerpt", "beskrivelse");
    private static final List<String> AUTHOR_KEYS = List.of("author", "authors", "forfatter", "forfattere", "byline");
    private static final List<String> PUBLISHED_KEYS = List.of("pubdate", "publishdate", "published", "publisert", "date", "dato", "publish_date", "pub_date");
    private static final List<String> REVISED_KEYS = List.of("lastmod", "updated", "modified", "revised", "oppdatert", "updateddate", "moddate");
    private static final List<String> LANGUAGE_KEYS = List.of("lang", "language", "languagecode", "locale", "språk");
    private static final List<String> TAG_KEYS = List.of("tags", "keywords", "categories", "stikkord", "emneord");
    private static final String NOT_TEXT = "script, style, noscript, template, iframe, object, embed, svg, form, head";

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(false).sanitizeUrls(true).build();
    private final MarkupReader markup;

    MarkdownReader(MarkupReader markup) {
        this.markup = markup;
    }

    ArticleDraft read(String source) {
        String text = source.replace("\r\n", "\n");
        Matcher frontMatter = FRONT_MATTER.matcher(text);
        String body = text;
        Map<String, Object> fields = Map.of();
        Matcher tomlFrontMatter = TOML_FRONT_MATTER.matcher(text);
        if (frontMatter.find()) {
            fields = fields(frontMatter.group(1));
            body = text.substring(frontMatter.end());
        } else if (tomlFrontMatter.find()) {
            fields = tomlFields(tomlFrontMatter.group(1));
            body = text.substring(tomlFrontMatter.end());
        }
        Document html = Jsoup.parse(renderer.render(parser.parse(body)));
        html.select(NOT_TEXT).remove();
        keepLinkAddresses(html);
        String title = string(first(fields, TITLE_KEYS));
        ArticleDraft draft = markup.readDocument(html, title == null);
        if (title != null) {
            draft.blocks.removeIf(block -> block.kind() == DraftBlock.Kind.TITLE);
            draft.blocks.add(0, new DraftBlock(DraftBlock.Kind.TITLE, title));
        }
        readFrontMatter(fields, draft);
        return draft;
    }

    /**
     * An article's text is plain text, so a link's address would be lost with its markup: {@code [the report](https://x.no/r)}
     * is kept as {@code the report (https://x.no/r)}, which translation leaves alone and publishing to HTML makes a link
     * again ({@code BodyHtml.renderWithLinks}). Only http(s) addresses, and only where the link text is not the address.
     */
    private static void keepLinkAddresses(Document html) {
        for (org.jsoup.nodes.Element link : html.select("a[href]")) {
            String href = link.attr("href").strip();
            if (!href.matches("(?i)https?://\\S+")) continue;
            String text = link.text().strip();
            if (text.isEmpty() || text.equals(href) || link.closest("h1, h2, h3, h4, h5, h6") != null) continue;
            link.after(" (" + org.jsoup.nodes.Entities.escape(href) + ")");
        }
    }

    /** The front matter as a map with lower-case keys; empty when it is not a YAML mapping. */
    private static Map<String, Object> fields(String yaml) {
        try {
            Object loaded = new Load(LoadSettings.builder().setAllowDuplicateKeys(true).setMaxAliasesForCollections(10).build())
                    .loadFromString(yaml);
            if (!(loaded instanceof Map<?, ?> map)) return Map.of();
            Map<String, Object> fields = new java.util.LinkedHashMap<>();
            map.forEach((key, value) -> fields.putIfAbsent(String.valueOf(key).toLowerCase(Locale.ROOT), value));
            return fields;
        } catch (YamlEngineException e) {
            // front matter that is not valid YAML is ignored, as Hugo reports it; the text is still the article
            return Map.of();
        }
    }

    /** TOML front matter as a map with lower-case keys; empty when it is not valid TOML (the text is still the article). */
    private static Map<String, Object> tomlFields(String toml) {
        try {
            Map<?, ?> loaded = TOML.readValue(toml, Map.class);
            Map<String, Object> fields = new java.util.LinkedHashMap<>();
            loaded.forEach((key, value) -> fields.putIfAbsent(String.valueOf(key).toLowerCase(Locale.ROOT), value));
            return fields;
        } catch (java.io.IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private static void readFrontMatter(Map<String, Object> fields, ArticleDraft draft) {
        String lead = string(first(fields, LEAD_KEYS));
        if (lead != null) {
            draft.lead = lead;
            String key = Text.key(lead);
            draft.blocks.removeIf(block -> block.kind() == DraftBlock.Kind.PARAGRAPH && Text.key(block.text()).equals(key));
        }
        List<String> authors = strings(first(fields, AUTHOR_KEYS));
        if (!authors.isEmpty()) draft.offerAuthor(joinNames(authors));
        for (String key : PUBLISHED_KEYS) {
            if (draft.published == null && fields.containsKey(key)) draft.offerPublished(string(fields.get(key)));
        }
        for (String key : REVISED_KEYS) {
            if (draft.revised == null && fields.containsKey(key)) draft.offerRevised(string(fields.get(key)));
        }
        draft.declaredLanguage = string(first(fields, LANGUAGE_KEYS));
        for (String key : TAG_KEYS) {
            Object value = fields.get(key);
            List<String> tags = value instanceof String single ? List.of(single.split(",")) : strings(value);
            tags.stream().map(Text::clean).filter(tag -> !tag.isEmpty()).forEach(draft.tags::add);
        }
    }

    private static Object first(Map<String, Object> fields, List<String> keys) {
        for (String key : keys) {
            Object value = fields.get(key);
            if (value != null && string(value) != null || value instanceof Collection<?> list && !list.isEmpty()) return value;
        }
        return null;
    }

    /** "Kari Nordmann", "Kari Nordmann og Ola Hansen", "A, B og C". */
    private static String joinNames(List<String> names) {
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + " og " + names.get(names.size() - 1);
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> {
                String text = string(item);
                if (text != null) out.add(text);
            });
        } else {
            String text = string(value);
            if (text != null) out.add(text);
        }
        return out;
    }

    /** A scalar (or a map's name/title) as clean text; null when empty. */
    private static String string(Object value) {
        if (value instanceof Map<?, ?> map) value = map.containsKey("name") ? map.get("name") : map.get("title");
        if (value == null || value instanceof Collection<?>) return null;
        String text = value instanceof TemporalAccessor ? value.toString() : Text.clean(String.valueOf(value));
        text = Jsoup.parse(text).text().strip();
        return text.isEmpty() ? null : text;
    }
}
