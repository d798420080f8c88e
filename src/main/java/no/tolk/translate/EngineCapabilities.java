package no.tolk.translate;

/** Limits and features an engine declares; batching and glossary handling follow from them. */
public record EngineCapabilities(int maxSegmentsPerRequest, int maxBytesPerRequest, boolean glossary, boolean inlineTags) {
}
