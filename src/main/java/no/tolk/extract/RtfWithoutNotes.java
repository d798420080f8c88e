package no.tolk.extract;

import java.io.ByteArrayOutputStream;
import java.util.Set;

/**
 * An RTF file without its reviewer annotations and page headers and footers, which Tika's RTF parser
 * prints as ordinary text (the annotation inside the paragraph it comments on, headers and footers at
 * the end). Works on the bytes, before parsing: every group whose destination is one of those (RTF 1.9.1
 * specification, "Comments (Annotations)" and "Headers and Footers") is left out, braces balanced.
 * The file itself is never changed.
 */
final class RtfWithoutNotes {

    private static final Set<String> DROPPED = Set.of(
            "annotation", "atnid", "atnauthor", "atndate", "atnref", "atnicn", "atnparent", "atntime",
            "atrfstart", "atrfend",
            "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf");

    private RtfWithoutNotes() {
    }

    static byte[] strip(byte[] rtf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rtf.length);
        int i = 0;
        while (i < rtf.length) {
            byte b = rtf[i];
            if (b == '\\' && i + 1 < rtf.length && (rtf[i + 1] == '{' || rtf[i + 1] == '}' || rtf[i + 1] == '\\')) {
                out.write(rtf, i, 2);
                i += 2;
            } else if (b == '{' && DROPPED.contains(destination(rtf, i + 1))) {
                i = endOfGroup(rtf, i);
            } else {
                out.write(b);
                i++;
            }
        }
        return out.toByteArray();
    }

    /** The control word that opens a group, skipping the "ignorable" marker {@code \*}; "" when there is none. */
    private static String destination(byte[] rtf, int at) {
        int i = at;
        while (i < rtf.length && (rtf[i] == '\r' || rtf[i] == '\n' || rtf[i] == ' ')) i++;
        if (i + 1 < rtf.length && rtf[i] == '\\' && rtf[i + 1] == '*') {
            i += 2;
            while (i < rtf.length && (rtf[i] == '\r' || rtf[i] == '\n' || rtf[i] == ' ')) i++;
        }
        if (i >= rtf.length || rtf[i] != '\\') return "";
        StringBuilder word = new StringBuilder();
        for (i++; i < rtf.length && word.length() < 16 && Character.isLetter(rtf[i]); i++) word.append((char) rtf[i]);
        return word.toString();
    }

    /** The index after the brace that closes the group opened at {@code open}. */
    private static int endOfGroup(byte[] rtf, int open) {
        int depth = 0;
        for (int i = open; i < rtf.length; i++) {
            byte b = rtf[i];
            if (b == '\\') {
                i++;
            } else if (b == '{') {
                depth++;
            } else if (b == '}' && --depth == 0) {
                return i + 1;
            }
        }
        return rtf.length;
    }
}
