package no.tolk.translate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import no.tolk.translate.EngineCapabilities;
import no.tolk.translate.EngineUnavailableException;
import no.tolk.translate.Segment;
import no.tolk.translate.TranslationException;
import no.tolk.translate.TranslationRequest;
import no.tolk.translate.TranslationResult;
import no.tolk.translate.Translator;
import no.tolk.translate.Usage;

/**
 * A (usually self-hosted) LibreTranslate server: {@code POST /translate} with {@code q} as an array.
 * Its limits are server settings ({@code --batch-limit}, {@code --char-limit}), so they are configured here too.
 */
public final class LibreTranslateTranslator implements Translator {

    public static final String NAME = "libretranslate";
    public static final String DEFAULT_URL = "http://localhost:5000";
    private static final int ENVELOPE_BYTES = 512;

    private final CamelHttpClient http;
    private final String apiKey;
    private final int maxTexts;
    private final int maxBytes;
    private final RetryPolicy retry;
    private final Clock clock;

    /** @param apiKey null when the server does not require keys */
    public LibreTranslateTranslator(CamelHttpClient http, String apiKey, int maxTexts, int maxBytes, RetryPolicy retry, Clock clock) {
        this.http = http;
        this.apiKey = apiKey;
        this.maxTexts = maxTexts;
        this.maxBytes = maxBytes;
        this.retry = retry;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(maxTexts, maxBytes, false, true);
    }

    @Override
    public TranslationResult translate(TranslationRequest request) throws TranslationException {
        AtomicInteger requests = new AtomicInteger();
        boolean markup = request.segments().stream().anyMatch(segment -> InlineMarkup.hasPlaceholders(segment.text()));
        List<Segment> outgoing = request.segments().stream()
                .map(segment -> markup ? new Segment(segment.id(), InlineMarkup.escape(segment.text())) : segment)
                .toList();
        List<Segment> translated = new ArrayList<>();
        for (List<Segment> batch : SegmentBatches.split(NAME, outgoing, maxTexts, Math.max(1, maxBytes - ENVELOPE_BYTES))) {
            ObjectNode body = EngineJson.object();
            ArrayNode q = body.putArray("q");
            batch.forEach(segment -> q.add(segment.text()));
            body.put("source", LanguageCodes.libreTranslate(request.sourceLanguage()));
            body.put("target", LanguageCodes.libreTranslate(request.targetLanguage()));
            body.put("format", markup ? "html" : "text");
            if (apiKey != null && !apiKey.isBlank()) body.put("api_key", apiKey);
            String json = EngineJson.write(body);
            JsonNode reply = retry.run(() -> {
                requests.incrementAndGet();
                HttpReply answer = http.post("/translate", Map.of(), Map.of(), json);
                if (!answer.ok()) {
                    String error = HttpFailures.redact(EngineJson.errorBody(answer).path("error").asText(""), apiKey);
                    throw HttpFailures.of(NAME, answer, error, clock);
                }
                return EngineJson.parse(NAME, answer);
            });
            JsonNode texts = reply.path("translatedText");
            if (!texts.isArray() || texts.size() != batch.size()) {
                throw new EngineUnavailableException("libretranslate returned " + (texts.isArray() ? texts.size() : "no list of")
                        + " translations for " + batch.size() + " texts");
            }
            for (int i = 0; i < batch.size(); i++) {
                String text = texts.get(i).asText();
                translated.add(new Segment(batch.get(i).id(), markup ? InlineMarkup.unescape(text) : text));
            }
        }
        return new TranslationResult(translated, new Usage(NAME, null, request.characters(), requests.get()));
    }
}
