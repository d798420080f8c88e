package no.tolk.translate.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns segment text into XML/HTML for services that translate markup, and back. Placeholders
 * {@code <x id="n"/>} stay tags; every other {@code &}, {@code <} and {@code >} is escaped so a
 * literal "AT&T" or "3 < 4" cannot break the service's parser. Replies are unescaped, including
 * the numeric entities some services emit in HTML mode.
 */
public final class InlineMarkup {

    private static final Pattern PLACEHOLDER = Pattern.compile("<x\\s+id=\"[^\"<>]*\"\\s*/>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");

    private InlineMarkup() {
    }

    public static boolean hasPlaceholders(String text) {
        return PLACEHOLDER.matcher(text).find();
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder();
        Matcher matcher = PLACEHOLDER.matcher(text);
        int last = 0;
        while (matcher.find()) {
            out.append(escapeText(text.substring(last, matcher.start()))).append(matcher.group());
            last = matcher.end();
        }
        return out.append(escapeText(text.substring(last))).toString();
    }

    private static String escapeText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public static String unescape(String markup) {
        Matcher matcher = ENTITY.matcher(markup);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String entity = matcher.group(1);
            String replacement = switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> "\u00a0";
                default -> {
                    boolean hex = entity.startsWith("#x") || entity.startsWith("#X");
                    int codePoint = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
                    yield Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : matcher.group();
                }
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
