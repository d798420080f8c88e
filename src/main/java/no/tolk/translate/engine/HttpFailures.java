package no.tolk.translate.engine;

import java.time.Clock;
import java.time.Duration;
import no.tolk.translate.EngineRejectedException;
import no.tolk.translate.EngineUnavailableException;
import no.tolk.translate.QuotaExceededException;
import no.tolk.translate.RateLimitedException;
import no.tolk.translate.TranslationException;

/**
 * The shared meaning of HTTP failures: 429/529 rate limited, 456 quota, 408 and 5xx unavailable,
 * any other 4xx rejected. Engines handle their service's exceptions (Google's 403 quota reasons,
 * Azure's 403001) before falling back to this.
 */
final class HttpFailures {

    private static final int MAX_DETAIL = 300;

    private HttpFailures() {
    }

    static TranslationException of(String engine, HttpReply reply, String detail, Clock clock) {
        int status = reply.status();
        String message = engine + " answered HTTP " + status + (detail == null || detail.isBlank() ? "" : ": " + shorten(detail));
        Duration retryAfter = RetryAfter.of(reply, clock).orElse(null);
        if (status == 429 || status == 529) return new RateLimitedException(message, retryAfter);
        if (status == 456) return new QuotaExceededException(message);
        if (status == 408 || status >= 500 || status < 400) return new EngineUnavailableException(message, retryAfter);
        return new EngineRejectedException(message);
    }

    static String shorten(String detail) {
        String flat = detail.replaceAll("\\s+", " ").trim();
        return flat.length() <= MAX_DETAIL ? flat : flat.substring(0, MAX_DETAIL) + "...";
    }

    /** Removes a secret from text a service sent back, in case it echoes the credentials. */
    static String redact(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) return text;
        return text.replace(secret, "***");
    }
}
