package no.tolk.translate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import no.tolk.translate.EngineRejectedException;
import no.tolk.translate.EngineUnavailableException;
import no.tolk.translate.QuotaExceededException;
import no.tolk.translate.RateLimitedException;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final List<Duration> sleeps = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    private RetryPolicy policy(int maxAttempts, RandomGenerator random) {
        return new RetryPolicy(maxAttempts, Duration.ofMillis(100), Duration.ofSeconds(30), sleeps::add, random);
    }

    /** Always the middle of the jitter range, so the backoff is exactly base * 2^(n-1). */
    private static final class Middle implements RandomGenerator {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public double nextDouble() {
            return 0.5;
        }
    }

    @Test
    void backsOffExponentiallyOnUnavailableAndGivesUpAfterMaxAttempts() {
        RetryPolicy policy = policy(4, new Middle());

        assertThatThrownBy(() -> policy.run(() -> {
            calls.incrementAndGet();
            throw new EngineUnavailableException("x answered HTTP 503");
        })).isInstanceOf(EngineUnavailableException.class).hasMessage("x answered HTTP 503 (gave up after 4 attempts)");

        assertThat(calls).hasValue(4);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void jitterStaysWithinTwentyPercentAndTheCapHolds() {
        RetryPolicy low = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(5), sleeps::add, () -> 0L);
        RandomGenerator highest = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return 0.999999;
            }
        };
        RetryPolicy high = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(5), sleeps::add, highest);

        assertThat(low.backoff(1)).isEqualTo(Duration.ofMillis(800));
        assertThat(high.backoff(1)).isEqualTo(Duration.ofMillis(1200));
        assertThat(high.backoff(10)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void succeedsAfterTransientFailures() throws Exception {
        String result = policy(3, new Middle()).run(() -> {
            if (calls.incrementAndGet() < 3) throw new EngineUnavailableException("timed out");
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(3);
    }

    @Test
    void honoursRetryAfterInsteadOfTheComputedDelay() throws Exception {
        String result = policy(3, new Middle()).run(() -> {
            if (calls.incrementAndGet() == 1) throw new RateLimitedException("429", Duration.ofSeconds(7));
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void honoursRetryAfterOnUnavailableToo() throws Exception {
        policy(3, new Middle()).run(() -> {
            if (calls.incrementAndGet() == 1) throw new EngineUnavailableException("503", Duration.ofSeconds(3));
            return "done";
        });

        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aRetryAfterLongerThanMaxDelayIsHandedToTheCallerAtOnce() {
        assertThatThrownBy(() -> policy(5, new Middle()).run(() -> {
            calls.incrementAndGet();
            throw new RateLimitedException("429", Duration.ofMinutes(10));
        })).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(10)));

        assertThat(calls).hasValue(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void neverRetriesRejectionOrQuota() {
        RetryPolicy policy = policy(5, new Middle());

        assertThatThrownBy(() -> policy.run(() -> {
            calls.incrementAndGet();
            throw new EngineRejectedException("403");
        })).isInstanceOf(EngineRejectedException.class);
        assertThatThrownBy(() -> policy.run(() -> {
            calls.incrementAndGet();
            throw new QuotaExceededException("456");
        })).isInstanceOf(QuotaExceededException.class);

        assertThat(calls).hasValue(2);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() {
        assertThat(RetryAfter.parse("120", EngineHarness.CLOCK)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Mon, 02 Mar 2026 10:00:30 GMT", EngineHarness.CLOCK)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Mon, 02 Mar 2026 09:00:00 GMT", EngineHarness.CLOCK)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", EngineHarness.CLOCK)).isEmpty();
        assertThat(RetryAfter.parse("-1", EngineHarness.CLOCK)).isEmpty();
        assertThat(RetryAfter.parse(null, EngineHarness.CLOCK)).isEmpty();
    }
}
