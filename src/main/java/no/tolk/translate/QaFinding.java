package no.tolk.translate;

/**
 * One quality-check result: level "error" (blocks publishing), "warning" (recorded and shown) or "note"
 * (a translator's note or comment from the returned XLIFF file, check "translator-note", shown only).
 */
public record QaFinding(String level, String check, String message) {

    public static final String ERROR = "error";
    public static final String WARNING = "warning";
    public static final String NOTE = "note";

    public boolean isError() {
        return ERROR.equals(level);
    }
}
