package no.tolk.publish;

import java.time.Duration;
import java.util.Locale;

/**
 * How the publish stage behaves: {@code mode} {@code immediate} or {@code nightly}; per-target retries
 * ({@code maxAttempts}, first delay {@code retryDelay}, doubled each time); at most {@code concurrency}
 * articles at once; a rate limit longer than {@code maxRateLimitWait} ends the run's attempts at that target.
 */
public record PublishSettings(
        String mode,
        int maxAttempts,
        Duration retryDelay,
        int concurrency,
        boolean reannounceRevisions,
        Duration maxRateLimitWait) {

    public static final String IMMEDIATE = "immediate";
    public static final String NIGHTLY = "nightly";

    public PublishSettings {
        mode = mode == null || mode.isBlank() ? IMMEDIATE : mode.strip().toLowerCase(Locale.ROOT);
        if (!mode.equals(IMMEDIATE) && !mode.equals(NIGHTLY)) {
            throw new IllegalArgumentException("tolk.publish.mode must be immediate or nightly, not " + mode);
        }
        if (maxAttempts < 1) throw new IllegalArgumentException("tolk.publish.max-attempts must be at least 1");
        if (concurrency < 1) throw new IllegalArgumentException("tolk.publish.concurrency must be at least 1");
        if (retryDelay == null || retryDelay.isNegative()) retryDelay = Duration.ofSeconds(2);
        if (maxRateLimitWait == null) maxRateLimitWait = Duration.ofMinutes(5);
    }

    public boolean immediate() {
        return mode.equals(IMMEDIATE);
    }

    /** The pause before attempt {@code next} (2, 3, …): the retry delay, doubled after each failed attempt. */
    public Duration backoff(int next) {
        return retryDelay.multipliedBy(1L << Math.min(20, Math.max(0, next - 2)));
    }
}
