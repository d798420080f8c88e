package no.tolk.publish.cms;

import java.util.List;
import java.util.regex.Pattern;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.article.Image;

/**
 * One article as a Hugo content file: YAML front matter with every value quoted, then the blocks
 * as Markdown. Text is escaped so that nothing in an article can become HTML, a link or a Hugo
 * shortcode when Hugo renders it.
 */
public final class HugoContent {

    private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>{}|~])");
    private static final Pattern ENTITY_LIKE = Pattern.compile("&(?=#?[A-Za-z0-9]+;)");
    private static final Pattern LINE_START_MARKER = Pattern.compile("^([#+=-])");
    private static final Pattern ORDERED_MARKER = Pattern.compile("^(\\d+)([.)])");

    private HugoContent() {
    }

    public static String render(Article article, String slug) {
        StringBuilder page = new StringBuilder("---\n");
        field(page, "title", article.title());
        if (article.published() != null) page.append("date: ").append(article.published()).append('\n');
        if (article.revised() != null || article.published() != null) {
            page.append("lastmod: ").append(article.revised() != null ? article.revised() : article.published()).append('\n');
        }
        field(page, "author", article.author());
        field(page, "summary", article.lead());
        if (!article.tags().isEmpty()) {
            page.append("tags:\n");
            article.tags().forEach(tag -> page.append("  - ").append(yamlString(tag)).append('\n'));
        }
        field(page, "slug", slug);
        field(page, "translationKey", article.id());
        page.append("revision: ").append(article.revision()).append('\n');
        article.images().stream().findFirst().ifPresent(image -> image(page, image));
        page.append("---\n\n");
        page.append(markdown(article.blocks()));
        return page.toString();
    }

    /** The front matter line a lookup can search for to find the file of an article. */
    public static String translationKeyLine(String articleId) {
        return "translationKey: " + yamlString(articleId);
    }

    public static String markdown(List<Block> blocks) {
        StringBuilder body = new StringBuilder();
        BlockType previous = null;
        for (Block block : blocks) {
            boolean continuesList = previous == BlockType.LIST && block.type() == BlockType.LIST;
            if (previous != null && !continuesList) body.append('\n');
            body.append(markdown(block)).append('\n');
            previous = block.type();
        }
        return body.toString();
    }

    static String markdown(Block block) {
        return switch (block.type()) {
            case HEADING -> "## " + inline(block.text()).replace('\n', ' ');
            case PARAGRAPH -> lines(block.text(), "");
            case QUOTE -> lines(block.text(), "> ");
            case CAPTION -> "*" + inline(block.text()).replace('\n', ' ') + "*";
            case LIST -> "- " + inline(block.text()).replace('\n', ' ');
        };
    }

    /** Escapes Markdown syntax in one piece of plain text. */
    public static String inline(String text) {
        String trimmed = text.strip();
        String escaped = MARKDOWN_SPECIAL.matcher(trimmed).replaceAll("\\\\$1");
        escaped = ENTITY_LIKE.matcher(escaped).replaceAll("\\\\&");
        StringBuilder lines = new StringBuilder();
        for (String line : escaped.split("\n", -1)) {
            String start = LINE_START_MARKER.matcher(line.stripLeading()).replaceFirst("\\\\$1");
            start = ORDERED_MARKER.matcher(start).replaceFirst("$1\\\\$2");
            if (!lines.isEmpty()) lines.append('\n');
            lines.append(start);
        }
        return lines.toString();
    }

    private static String lines(String text, String prefix) {
        String[] lines = inline(text).split("\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) out.append("\\\n");
            out.append(prefix).append(lines[i]);
        }
        return out.toString();
    }

    private static void image(StringBuilder page, Image image) {
        page.append("image:\n");
        nested(page, "source", image.source());
        nested(page, "alt", image.alt());
        nested(page, "caption", image.caption());
        nested(page, "credit", image.credit());
    }

    private static void field(StringBuilder page, String name, String value) {
        if (value != null && !value.isBlank()) page.append(name).append(": ").append(yamlString(value)).append('\n');
    }

    private static void nested(StringBuilder page, String name, String value) {
        if (value != null && !value.isBlank()) page.append("  ").append(name).append(": ").append(yamlString(value)).append('\n');
    }

    /** A YAML double-quoted scalar: safe for any text, including quotes, colons, '#' and line breaks. */
    public static String yamlString(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
