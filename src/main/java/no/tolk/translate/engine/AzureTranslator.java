package no.tolk.translate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import no.tolk.translate.EngineCapabilities;
import no.tolk.translate.EngineUnavailableException;
import no.tolk.translate.QuotaExceededException;
import no.tolk.translate.Segment;
import no.tolk.translate.TranslationException;
import no.tolk.translate.TranslationRequest;
import no.tolk.translate.TranslationResult;
import no.tolk.translate.Translator;
import no.tolk.translate.Usage;

/**
 * Azure AI Translator v3.0: {@code POST /translate?api-version=3.0&from=..&to=..}, key and region
 * in {@code Ocp-Apim-Subscription-*} headers. Placeholders are sent with {@code textType=html}.
 */
public final class AzureTranslator implements Translator {

    public static final String NAME = "azure";
    public static final String DEFAULT_URL = "https://api.cognitive.microsofttranslator.com";
    /**
     * Azure allows 1,000 elements and 50,000 characters per request. Batching counts UTF-8 bytes,
     * which are never fewer than characters, so a 50,000-byte batch is within the character limit.
     */
    static final int MAX_TEXTS = 1000;
    static final int MAX_CHARACTERS = 50_000;

    private final CamelHttpClient http;
    private final Map<String, String> headers;
    private final String key;
    private final RetryPolicy retry;
    private final Clock clock;

    /** @param region the resource's region; required for regional and multi-service resources, null for global */
    public AzureTranslator(CamelHttpClient http, String key, String region, RetryPolicy retry, Clock clock) {
        this.http = http;
        this.key = key;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Ocp-Apim-Subscription-Key", key);
        if (region != null && !region.isBlank()) headers.put("Ocp-Apim-Subscription-Region", region);
        this.headers = Map.copyOf(headers);
        this.retry = retry;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(MAX_TEXTS, MAX_CHARACTERS, false, true);
    }

    @Override
    public TranslationResult translate(TranslationRequest request) throws TranslationException {
        AtomicInteger requests = new AtomicInteger();
        AtomicLong billed = new AtomicLong();
        BatchTranslation plan = BatchTranslation.plan(NAME, request, MAX_TEXTS, MAX_CHARACTERS);
        Map<String, List<String>> query = CamelHttpClient.query(
                "api-version", "3.0",
                "from", LanguageCodes.azure(request.sourceLanguage()),
                "to", LanguageCodes.azure(request.targetLanguage()),
                "textType", plan.markup() ? "html" : "plain");
        List<Segment> translated = plan.run(batch -> {
            ArrayNode body = EngineJson.mapper().createArrayNode();
            batch.forEach(segment -> body.addObject().put("Text", segment.text()));
            String json = EngineJson.write(body);
            HttpReply reply = retry.run(() -> {
                requests.incrementAndGet();
                HttpReply answer = http.post("/translate", query, headers, json);
                if (!answer.ok()) throw failure(answer);
                return answer;
            });
            List<String> texts = new ArrayList<>();
            EngineJson.parse(NAME, reply).forEach(item -> texts.add(item.path("translations").path(0).path("text").asText()));
            billed.addAndGet(reply.header("X-Metered-Usage").flatMap(AzureTranslator::number)
                    .orElseGet(() -> request.withSegments(batch).characters()));
            return texts;
        });
        return new TranslationResult(translated, new Usage(NAME, null, billed.get(), requests.get()));
    }

    private static java.util.Optional<Long> number(String value) {
        try {
            return java.util.Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** Azure's six-digit code is the HTTP status plus a sub-code; 403001 is the free tier's exhausted quota. */
    private TranslationException failure(HttpReply reply) {
        JsonNode error = EngineJson.errorBody(reply).path("error");
        int code = error.path("code").asInt(0);
        String detail = (code == 0 ? "" : code + " ") + HttpFailures.redact(error.path("message").asText(""), key);
        if (code == 403001) return new QuotaExceededException("azure answered HTTP 403: " + HttpFailures.shorten(detail));
        return HttpFailures.of(NAME, reply, detail, clock);
    }
}
