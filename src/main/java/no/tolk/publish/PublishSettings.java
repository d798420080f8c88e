package no.tolk.publish;

import java.time.Duration;
import java.util.Locale;

/**
 * How the publish stage behaves: {@code mode} {@code immediate} or {@code nightly}; per-target retries
 * ({@code maxAttempts}, first delay {@code retryDelay}, doubled each time); at most {@code concurrency}
 * articles at once; a rate limit longer than {@code maxRateLimitWait} ends the run's attempts at that target;
 * {@code retrySchedule}: how long after a failed run a publication whose retry is safe without a person (an outage
 * of a CMS that looks posts up before creating them) is tried again, the n-th entry after the n-th failed run, the
 * last one repeated.
 */
public record PublishSettings(
        String mode,
        int maxAttempts,
        Duration retryDelay,
        int concurrency,
        boolean reannounceRevisions,
        Duration maxRateLimitWait,
        java.util.List<Duration> retrySchedule) {

    /** The default schedule of {@code tolk.publish.retry-schedule}: 1, 5, 15 minutes, then every hour. */
    public static final java.util.List<Duration> DEFAULT_RETRY_SCHEDULE = java.util.List.of(
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1));

    public PublishSettings(String mode, int maxAttempts, Duration retryDelay, int concurrency, boolean reannounceRevisions,
            Duration maxRateLimitWait) {
        this(mode, maxAttempts, retryDelay, concurrency, reannounceRevisions, maxRateLimitWait, DEFAULT_RETRY_SCHEDULE);
    }

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
        retrySchedule = retrySchedule == null || retrySchedule.isEmpty() ? DEFAULT_RETRY_SCHEDULE : java.util.List.copyOf(retrySchedule);
    }

    /** The wait after the {@code failedRuns}-th failed run (1, 2, …) before the next run retries. */
    public Duration retryAfterRun(int failedRuns) {
        return retrySchedule.get(Math.max(0, Math.min(failedRuns, retrySchedule.size()) - 1));
    }

    /** Parses {@code tolk.publish.retry-schedule}: comma-separated durations like {@code 30s, 5m, 1h} (plain numbers are ms). */
    public static java.util.List<Duration> parseSchedule(String text) {
        if (text == null || text.isBlank()) return DEFAULT_RETRY_SCHEDULE;
        java.util.List<Duration> schedule = new java.util.ArrayList<>();
        for (String part : text.split(",")) {
            String value = part.strip().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) continue;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?").matcher(value);
            if (!m.matches()) throw new IllegalArgumentException("tolk.publish.retry-schedule: '" + part.strip()
                    + "' is not a duration such as 30s, 5m or 1h");
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "ms" : m.group(2);
            schedule.add(switch (unit) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofMillis(n);
            });
        }
        return schedule.isEmpty() ? DEFAULT_RETRY_SCHEDULE : schedule;
    }

    public boolean immediate() {
        return mode.equals(IMMEDIATE);
    }

    /** The pause before attempt {@code next} (2, 3, …): the retry delay, doubled after each failed attempt. */
    public Duration backoff(int next) {
        return retryDelay.multipliedBy(1L << Math.min(20, Math.max(0, next - 2)));
    }
}
