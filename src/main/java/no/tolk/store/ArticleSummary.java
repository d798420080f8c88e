package no.tolk.store;

import java.time.Instant;

public record ArticleSummary(String id, String title, String state, int revision, String lastError, Instant updatedAt) {
}
