package no.tolk.translate.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import no.tolk.translate.EngineUnavailableException;
import no.tolk.translate.RateLimitedException;
import no.tolk.translate.TranslationException;

/**
 * Retries one call while the service is rate limiting (429/529) or unavailable (5xx, timeouts):
 * exponential backoff from {@code baseDelay}, doubled per attempt, capped at {@code maxDelay}, with
 * +-20 % jitter so parallel callers spread out. A {@code Retry-After} from the service replaces the
 * computed delay; when it asks for more than {@code maxDelay} the call gives up at once with
 * {@link RateLimitedException} carrying that wait, so the pipeline can park the article instead of
 * blocking a thread. Quota, rejection and other failures are never retried.
 */
public final class RetryPolicy {

    private static final double JITTER = 0.2;

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    public RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Sleeper sleeper, RandomGenerator random) {
        if (maxAttempts < 1) throw new IllegalArgumentException("max attempts must be at least 1");
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.sleeper = sleeper;
        this.random = random;
    }

    public RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
        this(maxAttempts, baseDelay, maxDelay, Sleeper.THREAD, RandomGenerator.getDefault());
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    @FunctionalInterface
    public interface Call<T> {
        T run() throws TranslationException;
    }

    public <T> T run(Call<T> call) throws TranslationException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (RateLimitedException e) {
                Optional<Duration> asked = e.retryAfter();
                if (attempt >= maxAttempts) {
                    throw new RateLimitedException(e.getMessage() + " (gave up after " + attempt + " attempts)", asked.orElse(null));
                }
                if (asked.isPresent() && asked.get().compareTo(maxDelay) > 0) {
                    throw new RateLimitedException(e.getMessage() + " (asked to wait " + asked.get().toSeconds()
                            + " s, longer than the " + maxDelay.toSeconds() + " s Tolk waits in place)", asked.get());
                }
                pause(asked.isPresent() ? asked.get() : backoff(attempt));
            } catch (EngineUnavailableException e) {
                if (attempt >= maxAttempts) {
                    throw new EngineUnavailableException(e.getMessage() + " (gave up after " + attempt + " attempts)", e);
                }
                Optional<Duration> asked = e.retryAfter();
                if (asked.isPresent() && asked.get().compareTo(maxDelay) > 0) {
                    throw new EngineUnavailableException(e.getMessage() + " (asked to wait " + asked.get().toSeconds()
                            + " s, longer than the " + maxDelay.toSeconds() + " s Tolk waits in place)", e);
                }
                pause(asked.isPresent() ? asked.get() : backoff(attempt));
            }
        }
    }

    /** The wait before attempt {@code attempt + 1}: base * 2^(attempt-1), capped, with jitter. */
    Duration backoff(int attempt) {
        double exponential = baseDelay.toMillis() * Math.pow(2, Math.min(attempt - 1, 30));
        double capped = Math.min(exponential, maxDelay.toMillis());
        double jittered = capped * (1 - JITTER + 2 * JITTER * random.nextDouble());
        return Duration.ofMillis(Math.round(Math.min(jittered, maxDelay.toMillis())));
    }

    private void pause(Duration duration) throws EngineUnavailableException {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException("interrupted while waiting to retry", e);
        }
    }
}
