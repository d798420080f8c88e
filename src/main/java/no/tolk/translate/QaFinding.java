package no.tolk.translate;

/** One quality-check result: level "error" (blocks publishing) or "warning" (recorded and shown). */
public record QaFinding(String level, String check, String message) {

    public static final String ERROR = "error";
    public static final String WARNING = "warning";

    public boolean isError() {
        return ERROR.equals(level);
    }
}
