package no.tolk.translate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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
        boolean markup = request.segments().stream().anyMatch(segment -> InlineMarkup.hasPlaceholders(segment.text()));
        List<Segment> outgoing = request.segments().stream()
                .map(segment -> markup ? new Segment(segment.id(), InlineMarkup.escape(segment.text())) : segment)
                .toList();
        Map<String, List<String>> query = CamelHttpClient.query(
                "api-version", "3.0",
                "from", LanguageCodes.azure(request.sourceLanguage()),
                "to", LanguageCodes.azure(request.targetLanguage()),
                "textType", markup ? "html" : "plain");
        List<Segment> translated = new ArrayList<>();
        long billed = 0;
        for (List<Segment> batch : SegmentBatches.split(NAME, outgoing, MAX_TEXTS, MAX_CHARACTERS)) {
            ArrayNode body = EngineJson.mapper().createArrayNode();
            batch.forEach(segment -> body.addObject().put("Text", segment.text()));
            String json = EngineJson.write(body);
            HttpReply reply = retry.run(() -> {
                requests.incrementAndGet();
                HttpReply answer = http.post("/translate", query, headers, json);
                if (!answer.ok()) throw failure(answer);
                return answer;
            });
            JsonNode results = EngineJson.parse(NAME, reply);
            if (!results.isArray() || results.size() != batch.size()) {
                throw new EngineUnavailableException("azure returned " + results.size() + " results for " + batch.size() + " texts");
            }
            for (int i = 0; i < batch.size(); i++) {
                String text = results.get(i).path("translations").path(0).path("text").asText();
                translated.add(new Segment(batch.get(i).id(), markup ? InlineMarkup.unescape(text) : text));
            }
            billed += reply.header("X-Metered-Usage").flatMap(AzureTranslator::number)
                    .orElseGet(() -> batchCharacters(request, translated.size() - batch.size(), batch.size()));
        }
        return new TranslationResult(translated, new Usage(NAME, null, billed, requests.get()));
    }

    private static long batchCharacters(TranslationRequest request, int from, int count) {
        return request.withSegments(request.segments().subList(from, from + count)).characters();
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
