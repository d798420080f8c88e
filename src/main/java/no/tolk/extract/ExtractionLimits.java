package no.tolk.extract;

import java.time.Duration;

/** Bounds on untrusted input; every one comes from configuration. */
public record ExtractionLimits(long maxFileBytes, int maxCharacters, Duration timeout) {

    public static ExtractionLimits defaults() {
        return new ExtractionLimits(50L * 1024 * 1024, 2_000_000, Duration.ofSeconds(60));
    }
}
