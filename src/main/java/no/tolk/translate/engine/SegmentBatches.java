package no.tolk.translate.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.tolk.translate.EngineRejectedException;
import no.tolk.translate.Segment;

/**
 * Splits segments, in order, into requests that respect an engine's limits: at most
 * {@code maxSegments} texts and at most {@code maxBytes} of UTF-8 text per request. Each text is
 * counted with {@value #OVERHEAD_PER_SEGMENT} extra bytes for JSON quoting and separators, and
 * escapes are counted at their worst case, so a batch stays under the limit once serialised.
 */
public final class SegmentBatches {

    static final int OVERHEAD_PER_SEGMENT = 16;

    private SegmentBatches() {
    }

    public static List<List<Segment>> split(String engine, List<Segment> segments, int maxSegments, int maxBytes)
            throws EngineRejectedException {
        List<List<Segment>> batches = new ArrayList<>();
        List<Segment> current = new ArrayList<>();
        long currentBytes = 0;
        for (Segment segment : segments) {
            long bytes = cost(segment.text());
            if (bytes > maxBytes) {
                throw new EngineRejectedException(engine + " accepts at most " + maxBytes + " bytes per request; segment "
                        + segment.id() + " alone needs " + bytes + " and must be split before translation");
            }
            if (!current.isEmpty() && (current.size() >= maxSegments || currentBytes + bytes > maxBytes)) {
                batches.add(current);
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(segment);
            currentBytes += bytes;
        }
        if (!current.isEmpty()) batches.add(current);
        return batches;
    }

    static long cost(String text) {
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // JSON escapes a quote or backslash as two bytes, control characters as six (\\u0000)
            if (c == '"' || c == '\\') bytes += 1;
            else if (c < 0x20) bytes += 5;
        }
        return bytes + OVERHEAD_PER_SEGMENT;
    }
}
