package no.tolk.translate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English punctuation for text translated from Norwegian: a paragraph opened by a dialogue dash
 * ({@code – Konkurransekraft kan ikke kjøpes, sier hun.}) becomes a quotation
 * ({@code “Competitiveness cannot be bought,” she says.}), and guillemets become curly quotes.
 */
public final class EnglishTypography {

    private static final Pattern DIALOGUE = Pattern.compile("^\\s*[–—-]\\s+(.+)$", Pattern.DOTALL);
    /** A speech verb near the start of what follows the quote marks the attribution ("she says", "says CEO Ola Dahl"). */
    private static final Pattern SPEECH_VERB = Pattern.compile(
            "^(?:[\\p{L}.'’-]+\\s+){0,6}?(?:says|said|adds|added|explains|explained|writes|wrote|asks|asked|tells|told"
                    + "|continues|continued|stresses|stressed|points out|pointed out|believes|thinks|replies|replied"
                    + "|notes|noted|emphasises|emphasizes|concludes|concluded|according to)\\b.*$",
            Pattern.DOTALL | Pattern.UNICODE_CASE);
    private static final Pattern ATTRIBUTION_BREAK = Pattern.compile("([,?!…])\\s+");

    private EnglishTypography() {
    }

    public static String apply(String text) {
        String result = text.replace('«', '“').replace('»', '”');
        Matcher dialogue = DIALOGUE.matcher(result);
        return dialogue.matches() ? quote(dialogue.group(1).strip()) : result;
    }

    private static String quote(String speech) {
        Matcher breaks = ATTRIBUTION_BREAK.matcher(speech);
        while (breaks.find()) {
            String after = speech.substring(breaks.end());
            if (after.length() <= 120 && SPEECH_VERB.matcher(after).matches()) {
                String quoted = speech.substring(0, breaks.start());
                String mark = breaks.group(1);
                String inside = mark.equals(",") ? "," : mark;
                return "“" + quoted + inside + "” " + after;
            }
        }
        return "“" + speech + "”";
    }
}
