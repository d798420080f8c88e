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
