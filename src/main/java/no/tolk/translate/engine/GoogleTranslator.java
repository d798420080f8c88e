package no.tolk.translate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import no.tolk.translate.EngineCapabilities;
import no.tolk.translate.EngineUnavailableException;
import no.tolk.translate.QuotaExceededException;
import no.tolk.translate.RateLimitedException;
import no.tolk.translate.Segment;
import no.tolk.translate.TranslationException;
import no.tolk.translate.TranslationRequest;
import no.tolk.translate.TranslationResult;
import no.tolk.translate.Translator;
import no.tolk.translate.Usage;

/**
 * Google Cloud Translation v2 (Basic) with an API key: {@code POST /language/translate/v2?key=...}.
 * Placeholders are sent with {@code format=html}, which Google leaves as tags.
 */
public final class GoogleTranslator implements Translator {

    public static final String NAME = "google";
    public static final String DEFAULT_URL = "https://translation.googleapis.com";
    /** Google documents at most 128 text segments and 100K bytes per Basic request. */
    static final int MAX_TEXTS = 128;
    static final int MAX_BYTES = 100_000;
    private static final int ENVELOPE_BYTES = 512;
    private static final Set<String> QUOTA_REASONS = Set.of("dailyLimitExceeded", "quotaExceeded", "dailyLimitExceededUnreg");
    private static final Set<String> RATE_REASONS = Set.of("userRateLimitExceeded", "rateLimitExceeded", "userRateLimitExceededUnreg");

    private final CamelHttpClient http;
    private final String apiKey;
    private final RetryPolicy retry;
    private final Clock clock;

    public GoogleTranslator(CamelHttpClient http, String apiKey, RetryPolicy retry, Clock clock) {
        this.http = http;
        this.apiKey = apiKey;
        this.retry = retry;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(MAX_TEXTS, MAX_BYTES, false, true);
    }

    @Override
    public TranslationResult translate(TranslationRequest request) throws TranslationException {
        AtomicInteger requests = new AtomicInteger();
        BatchTranslation plan = BatchTranslation.plan(NAME, request, MAX_TEXTS, MAX_BYTES - ENVELOPE_BYTES);
        List<Segment> translated = plan.run(batch -> {
            ObjectNode body = EngineJson.object();
            ArrayNode q = body.putArray("q");
            batch.forEach(segment -> q.add(segment.text()));
            body.put("source", LanguageCodes.google(request.sourceLanguage()));
            body.put("target", LanguageCodes.google(request.targetLanguage()));
            body.put("format", plan.markup() ? "html" : "text");
            String json = EngineJson.write(body);
            JsonNode reply = retry.run(() -> {
                requests.incrementAndGet();
                HttpReply answer = http.post("/language/translate/v2", CamelHttpClient.query("key", apiKey), Map.of(), json);
                if (!answer.ok()) throw failure(answer);
                return EngineJson.parse(NAME, answer);
            });
            List<String> texts = new ArrayList<>();
            reply.path("data").path("translations").forEach(item -> texts.add(item.path("translatedText").asText()));
            return texts;
        });
        return new TranslationResult(translated, new Usage(NAME, null, request.characters(), requests.get()));
    }

    /** Google reports quota and rate limits as 403 with a reason; only other 403s mean a bad key or API not enabled. */
    private TranslationException failure(HttpReply reply) {
        JsonNode error = EngineJson.errorBody(reply).path("error");
        String message = HttpFailures.redact(error.path("message").asText(""), apiKey);
        List<String> reasons = new ArrayList<>();
        error.path("errors").forEach(item -> reasons.add(item.path("reason").asText("")));
        String detail = message + (reasons.isEmpty() ? "" : " " + reasons);
        if (reasons.stream().anyMatch(QUOTA_REASONS::contains)) {
            return new QuotaExceededException("google answered HTTP " + reply.status() + ": " + HttpFailures.shorten(detail));
        }
        if (reasons.stream().anyMatch(RATE_REASONS::contains)) {
            return new RateLimitedException("google answered HTTP " + reply.status() + ": " + HttpFailures.shorten(detail),
                    RetryAfter.of(reply, clock).orElse(null));
        }
        return HttpFailures.of(NAME, reply, detail, clock);
    }
}
