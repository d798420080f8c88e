package no.tolk.translate.engine;

import java.util.ArrayList;
import java.util.List;
import no.tolk.translate.EngineRejectedException;
import no.tolk.translate.EngineUnavailableException;
import no.tolk.translate.Segment;
import no.tolk.translate.TranslationException;
import no.tolk.translate.TranslationRequest;

/**
 * What the batching engines share: inline placeholders sent as markup when the request has any,
 * segments split by the engine's limits, and the answers checked and put back in request order.
 */
final class BatchTranslation {

    /** One request to the service for one batch; returns the translated texts in the batch's order. */
    @FunctionalInterface
    interface BatchCall {
        List<String> translate(List<Segment> batch) throws TranslationException;
    }

    private final String engine;
    private final boolean markup;
    private final List<List<Segment>> batches;

    private BatchTranslation(String engine, boolean markup, List<List<Segment>> batches) {
        this.engine = engine;
        this.markup = markup;
        this.batches = batches;
    }

    static BatchTranslation plan(String engine, TranslationRequest request, int maxTexts, int maxBytes)
            throws EngineRejectedException {
        boolean markup = request.segments().stream().anyMatch(segment -> InlineMarkup.hasPlaceholders(segment.text()));
        List<Segment> outgoing = request.segments().stream()
                .map(segment -> markup ? new Segment(segment.id(), InlineMarkup.escape(segment.text())) : segment)
                .toList();
        return new BatchTranslation(engine, markup, SegmentBatches.split(engine, outgoing, maxTexts, maxBytes));
    }

    /** True when the texts carry placeholders, so the service must be told they are markup (html/xml). */
    boolean markup() {
        return markup;
    }

    List<Segment> run(BatchCall call) throws TranslationException {
        List<Segment> translated = new ArrayList<>();
        for (List<Segment> batch : batches) {
            List<String> texts = call.translate(batch);
            if (texts.size() != batch.size()) {
                throw new EngineUnavailableException(engine + " returned " + texts.size() + " translations for " + batch.size() + " texts");
            }
            for (int i = 0; i < batch.size(); i++) {
                String text = texts.get(i);
                translated.add(new Segment(batch.get(i).id(), markup ? InlineMarkup.unescape(text) : text));
            }
        }
        return translated;
    }
}
