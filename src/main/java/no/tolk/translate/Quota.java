package no.tolk.translate;

/** Characters used and allowed in the engine's current billing period. */
public record Quota(long used, long limit) {

    public long remaining() {
        return Math.max(0, limit - used);
    }
}
