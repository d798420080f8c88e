package no.tolk.ingest.feed;

import java.time.Duration;

/** A feed or page could not be fetched or read; {@link #kind()} classifies it for logs, status and backoff. */
public class FeedFailure extends Exception {

    public enum Kind {
        UNREACHABLE("the server cannot be reached"),
        TIMEOUT("the server did not answer in time"),
        HTTP_STATUS("the server answered with an error status"),
        NOT_A_FEED("the address does not serve an RSS or Atom feed"),
        MALFORMED("the feed is not well-formed XML"),
        TOO_LARGE("the response is larger than the configured limit"),
        OFF_SITE_REDIRECT("the server redirects to another site"),
        UNSUPPORTED("the linked page is not an HTML page");

        private final String plainWords;

        Kind(String plainWords) {
            this.plainWords = plainWords;
        }

        public String plainWords() {
            return plainWords;
        }
    }

    private final Kind kind;
    private final Duration retryAfter;
    private int httpStatus;

    public FeedFailure(Kind kind, String detail) {
        this(kind, detail, null, null);
    }

    public FeedFailure(Kind kind, String detail, Duration retryAfter, Throwable cause) {
        super(kind.plainWords() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"), cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public static FeedFailure httpStatus(int status, String detail, Duration retryAfter) {
        FeedFailure failure = new FeedFailure(Kind.HTTP_STATUS, "HTTP " + status + " " + detail, retryAfter, null);
        failure.httpStatus = status;
        return failure;
    }

    /** Worth trying again soon: the network, a timeout, a server error or a rate limit, not a missing page. */
    public boolean isTransient() {
        return switch (kind) {
            case UNREACHABLE, TIMEOUT -> true;
            case HTTP_STATUS -> httpStatus >= 500 || httpStatus == 429 || httpStatus == 408 || httpStatus == 0;
            default -> false;
        };
    }

    /** The HTTP status for {@link Kind#HTTP_STATUS}, else 0. */
    public int httpStatus() {
        return httpStatus;
    }

    public Kind kind() {
        return kind;
    }

    /** What the server asked for with {@code Retry-After}, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
