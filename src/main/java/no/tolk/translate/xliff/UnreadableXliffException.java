package no.tolk.translate.xliff;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file that Okapi's reader refused: not well-formed XML, not valid against the XLIFF 2.0 schema,
 * or breaking a core rule such as dropping a code marked {@code canDelete="no"}.
 */
class UnreadableXliffException extends Exception {

    private static final Pattern UNIT = Pattern.compile("<unit> id='([^']*)'");
    private static final Pattern MISSING_CODE = Pattern.compile("Code id='([^']*)' \\(\\w+\\) is non-removable but missing from the target");

    private final Problem given;
    private final String kind;

    UnreadableXliffException(String message, Throwable cause) {
        this(message, "XLIFF 2.0", cause);
    }

    /** @param kind what the file is, e.g. "XLIFF 2.1" or "SDLXLIFF (Trados Studio, XLIFF 1.2)" */
    UnreadableXliffException(String message, String kind, Throwable cause) {
        super(message, cause);
        this.given = null;
        this.kind = kind;
    }

    /** A refusal already put in plain words. */
    UnreadableXliffException(Problem problem, Throwable cause) {
        super(problem.what(), cause);
        this.given = problem;
        this.kind = null;
    }

    /** The reader's complaint in plain words, attributed to a unit when the reader names one. */
    Problem problem() {
        if (given != null) return given;
        String message = getMessage();
        Matcher unit = UNIT.matcher(message);
        String unitId = unit.find() ? unit.group(1) : null;
        Matcher missingCode = MISSING_CODE.matcher(message);
        if (unitId != null && missingCode.find()) {
            return Problem.ofUnit(unitId, "The translation lacks the inline code <ph id=\"" + missingCode.group(1)
                            + "\"/> that the source text has.",
                    "Put every inline code (tag) of the source into the translation, where it belongs in the sentence,"
                            + " and save the file again.");
        }
        return new Problem(unitId, "The file is " + kind + " but not valid " + kind + ", so Tolk cannot read it."
                + " The XLIFF reader said: " + message,
                "Export the translation again from your translation tool (XLIFF 1.2 or 2.0 both work), or undo the hand edits that"
                        + " broke the XML (every <target> must be closed by </target>, codes such as <ph id=\"1\"/>"
                        + " must stay as they are). If the file was still being copied, just wait: Tolk checks it again.");
    }
}
