package no.tolk.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises mojibake: text whose UTF-8 bytes were decoded as Latin-1 or Windows-1252 ("pÃ¥" for "på",
 * "â€™" for "’"), and text that lost its characters to U+FFFD replacement characters ("p� R�ros").
 * Usable by every reader: {@link #score} counts the suspicious sequences, {@link #repair} undoes a
 * double decoding when the undoing is certain (the re-encoded bytes are strict UTF-8 and no suspicious
 * sequence is left), {@link #isGarbled} says whether a text must not be published as it is.
 *
 * <p>The sequences are the UTF-8 lead bytes 0xC2/0xC3 (Â, Ã) and 0xE2 (â) followed by a continuation
 * byte (0x80-0xBF) as Windows-1252 and Latin-1 render them; see the W3C/WHATWG Encoding Standard and
 * the "ftfy" project for the same rule.
 */
public final class Mojibake {

    /** Ã or Â followed by a character that a UTF-8 continuation byte becomes in Windows-1252/Latin-1. */
    private static final Pattern DOUBLE_ENCODED = Pattern.compile(
            "[ÃÂ][\\u0080-\\u00BF\\u20AC\\u201A\\u0192\\u201E\\u2026\\u2020\\u2021\\u02C6\\u2030\\u0160\\u2039\\u0152\\u017D"
                    + "\\u2018\\u2019\\u201C\\u201D\\u2022\\u2013\\u2014\\u02DC\\u2122\\u0161\\u203A\\u0153\\u017E\\u0178]"
                    + "|â€[\\u0080-\\u00BF\\u2122\\u0153\\u0161\\u02DC\\u201C\\u201D\\u2018\\u2019\\u2022\\u2013\\u2014\\u017E\\u2026\\u00A2\\u00A6\\u00AC]?");
    private static final Pattern REPLACEMENT = Pattern.compile("\\uFFFD");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Mojibake() {
    }

    /** Number of double-encoding sequences and replacement characters in {@code text} (0 for null). */
    public static int score(String text) {
        if (text == null || text.isEmpty()) return 0;
        int count = 0;
        Matcher matcher = DOUBLE_ENCODED.matcher(text);
        while (matcher.find()) count++;
        Matcher replacement = REPLACEMENT.matcher(text);
        while (replacement.find()) count++;
        return count;
    }

    /**
     * Whether the text is too damaged to publish: at least two suspicious sequences, or one in a very short
     * text. A single "Ã" before a capital letter in a long text is a name, not damage.
     */
    public static boolean isGarbled(String text) {
        int score = score(text);
        return score >= 2 || (score == 1 && text.length() < 200);
    }

    /**
     * The text with a UTF-8-read-as-Windows-1252 (or Latin-1) double decoding undone, when that is certain:
     * every character maps back to one byte, the bytes are strict UTF-8, and the result has no suspicious
     * sequence left. Empty when the text is clean or the repair would be a guess.
     */
    public static Optional<String> repair(String text) {
        if (score(text) == 0 || text.indexOf('\uFFFD') >= 0) return Optional.empty();
        for (Charset single : new Charset[] {WINDOWS_1252, StandardCharsets.ISO_8859_1}) {
            Optional<String> undone = redecode(text, single);
            if (undone.isPresent() && score(undone.get()) == 0) return undone;
        }
        return Optional.empty();
    }

    private static Optional<String> redecode(String text, Charset single) {
        try {
            ByteBuffer bytes = single.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
