package no.tolk.extract;

/** The input cannot become an article; {@link #reason()} says why in words a staff member understands. */
public class ExtractionException extends Exception {

    public enum Reason {
        EMPTY("the file is empty"),
        TOO_LARGE("the file is larger than the configured limit"),
        TOO_LONG("the document holds more text than the configured limit"),
        ENCRYPTED("the document is encrypted or password-protected"),
        ZIP_BOMB("suspected zip bomb: the document expands far beyond its size"),
        CORRUPT("the file is damaged or incomplete and cannot be read"),
        UNSUPPORTED("the file type is not supported"),
        NO_TEXT("the document contains no readable text"),
        TIMEOUT("reading the document took too long"),
        UNREADABLE("the file could not be read"),
        TOO_SHORT("too short to be an article"),
        FRONT_PAGE("this looks like a front page with many stories, not one article"),
        DATA_TABLE("this looks like a table of data, not an article");

        private final String plainWords;

        Reason(String plainWords) {
            this.plainWords = plainWords;
        }

        public String plainWords() {
            return plainWords;
        }
    }

    private final Reason reason;

    public ExtractionException(Reason reason, String detail, Throwable cause) {
        super(reason.plainWords() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"), cause);
        this.reason = reason;
    }

    public ExtractionException(Reason reason, String detail) {
        this(reason, detail, null);
    }

    public Reason reason() {
        return reason;
    }
}
