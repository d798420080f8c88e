package no.tolk.publish.cms;

import java.util.List;
import no.tolk.article.Block;
import no.tolk.article.BlockType;

/**
 * The article body as an HTML fragment: every block's text escaped, consecutive list blocks
 * gathered into one {@code <ul>}. Block text is plain text, so nothing in it can become markup.
 */
public final class BodyHtml {

    private BodyHtml() {
    }

    public static String render(List<Block> blocks) {
        StringBuilder html = new StringBuilder();
        boolean inList = false;
        for (Block block : blocks) {
            if (block.type() == BlockType.LIST != inList) {
                html.append(inList ? "</ul>\n" : "<ul>\n");
                inList = !inList;
            }
            html.append(render(block)).append('\n');
        }
        if (inList) html.append("</ul>\n");
        return html.toString();
    }

    /**
     * As {@link #render(List)}, with every http(s) address in the text made a link to itself
     * ({@code <a href="https://ssb.no/a?b=1&amp;c=2">…</a>}): the addresses of an article's links travel in its text
     * (the Markdown reader writes {@code [the report](https://…)} as {@code the report (https://…)}), through
     * translation, and become links again where HTML is published. Trailing sentence punctuation is not part of an address.
     */
    public static String renderWithLinks(List<Block> blocks) {
        return linkAddresses(render(blocks));
    }

    /** Every http(s) address in HTML made of escaped text ({@link #escape}) as a link to itself; see {@link #renderWithLinks}. */
    public static String linkAddresses(String escapedText) {
        java.util.regex.Matcher address = ADDRESS.matcher(escapedText);
        StringBuilder html = new StringBuilder();
        while (address.find()) {
            String url = address.group();
            int end = url.length();
            while (end > 0 && ".,;:!?".indexOf(url.charAt(end - 1)) >= 0) end--;
            String trailing = url.substring(end);
            url = url.substring(0, end);
            address.appendReplacement(html, java.util.regex.Matcher.quoteReplacement(
                    "<a href=\"" + url + "\">" + url + "</a>" + trailing));
        }
        address.appendTail(html);
        return html.toString();
    }

    /** An http(s) address in escaped text: up to white space, markup, parentheses or an escaped quote or bracket. */
    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile(
            "https?://(?:(?!&quot;|&#39;|&lt;|&gt;)[^\\s<>\"()\\[\\]])+");

    public static String render(Block block) {
        String text = escape(block.text());
        return switch (block.type()) {
            case HEADING -> "<h2>" + text + "</h2>";
            case PARAGRAPH -> "<p>" + lineBreaks(text) + "</p>";
            case QUOTE -> "<blockquote><p>" + lineBreaks(text) + "</p></blockquote>";
            case CAPTION -> "<p class=\"caption\"><em>" + text + "</em></p>";
            case LIST -> "<li>" + text + "</li>";
        };
    }

    /** Escapes text for element content and double-quoted attribute values. */
    public static String escape(String text) {
        if (text == null) return "";
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String lineBreaks(String escaped) {
        return escaped.replace("\n", "<br>\n");
    }
}
