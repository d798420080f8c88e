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
        BatchTranslation plan = BatchTranslation.plan(NAME, request, maxTexts, Math.max(1, maxBytes - ENVELOPE_BYTES));
        List<Segment> translated = plan.run(batch -> {
            ObjectNode body = EngineJson.object();
            ArrayNode q = body.putArray("q");
            batch.forEach(segment -> q.add(segment.text()));
            body.put("source", LanguageCodes.libreTranslate(request.sourceLanguage()));
            body.put("target", LanguageCodes.libreTranslate(request.targetLanguage()));
            body.put("format", plan.markup() ? "html" : "text");
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
            List<String> texts = new ArrayList<>();
            reply.path("translatedText").forEach(item -> texts.add(item.asText()));
            return texts;
        });
        return new TranslationResult(translated, new Usage(NAME, null, request.characters(), requests.get()));
    }
}
