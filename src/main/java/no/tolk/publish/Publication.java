package no.tolk.publish;

import java.time.Instant;

/**
 * Where one language version of an article went out on one target ({@code cms} or a social channel's name).
 * {@code attemptStartedAt} is set while a call to the outside world has no known outcome (in flight, timed out,
 * or interrupted by a crash); {@code publishedRevision} is the last revision the target confirmed.
 */
public record Publication(
        String articleId,
        String target,
        String language,
        String externalId,
        String url,
        int revision,
        Integer publishedRevision,
        PublicationState state,
        int attempts,
        Instant attemptStartedAt,
        String lastError,
        Instant updatedAt) {

    public boolean outcomeUnknown() {
        return attemptStartedAt != null;
    }

    public boolean publishedAt(int articleRevision) {
        return state == PublicationState.PUBLISHED && publishedRevision != null && publishedRevision == articleRevision;
    }

    public boolean everPublished() {
        return publishedRevision != null;
    }
}
