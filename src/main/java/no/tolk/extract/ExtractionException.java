package no.tolk.extract;

/**
 * The input cannot become an article. {@link #getMessage()} says why in words a staff member understands
 * (it goes into quarantine reports and the status' last error); the Java exception that caused it, if any,
 * is only in {@link #getCause()} and {@link #technicalDetail()}, which belong in the log.
 */
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
        TOO_SHORT("too short to be an article"),
        NO_TITLE("no line in the document can serve as its title"),
        TIMEOUT("reading the document took too long"),
        UNREADABLE("the file could not be read"),
        GARBLED("the text is garbled: its letters were decoded with the wrong character encoding"),
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

    /**
     * @param detail plain words that complete the reason (shown after it, or after a colon for
     *               {@link Reason#TOO_SHORT}); never an exception's name or message
     * @param cause  the technical failure, for the log only
     */
    public ExtractionException(Reason reason, String detail, Throwable cause) {
        super(reason.plainWords() + (detail == null || detail.isBlank() ? ""
                : reason == Reason.TOO_SHORT ? ": " + detail : " (" + detail + ")"), cause);
        this.reason = reason;
    }

    public ExtractionException(Reason reason, String detail) {
        this(reason, detail, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The cause chain as "Type: message; caused by ...", for the log; null when there is no cause. */
    public String technicalDetail() {
        StringBuilder chain = new StringBuilder();
        for (Throwable cause = getCause(); cause != null && chain.length() < 2000; cause = cause.getCause()) {
            if (chain.length() > 0) chain.append("; caused by ");
            chain.append(cause.getClass().getName()).append(": ").append(cause.getMessage());
            if (cause.getCause() == cause) break;
        }
        return chain.length() == 0 ? null : chain.toString();
    }
}
