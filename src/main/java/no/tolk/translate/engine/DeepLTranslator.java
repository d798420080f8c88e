package no.tolk.translate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import no.tolk.translate.EngineCapabilities;
import no.tolk.translate.EngineRejectedException;
import no.tolk.translate.EngineUnavailableException;
import no.tolk.translate.Quota;
import no.tolk.translate.Segment;
import no.tolk.translate.TranslationException;
import no.tolk.translate.TranslationRequest;
import no.tolk.translate.TranslationResult;
import no.tolk.translate.Translator;
import no.tolk.translate.Usage;

/**
 * DeepL API v2 ({@code POST /v2/translate}, {@code GET /v2/usage}) with glossaries from the v3 API.
 * Placeholders travel as XML tags ({@code tag_handling=xml}, {@code ignore_tags=x}).
 */
public final class DeepLTranslator implements Translator {

    public static final String NAME = "deepl";
    public static final String PRO_URL = "https://api.deepl.com";
    public static final String FREE_URL = "https://api-free.deepl.com";
    /** DeepL documents 50 texts per request on its translate page and 128 KiB per request body. */
    static final int MAX_TEXTS = 50;
    static final int MAX_BYTES = 128 * 1024;
    /** Room for the JSON envelope: languages, flags, glossary id. */
    private static final int ENVELOPE_BYTES = 1024;

    private final CamelHttpClient http;
    private final Map<String, String> authorization;
    private final String englishVariant;
    private final RetryPolicy retry;
    private final Clock clock;
    private final DeepLGlossaries glossaries;

    /** @param englishVariant EN-GB or EN-US, the target DeepL translates English into */
    public DeepLTranslator(CamelHttpClient http, String authKey, String englishVariant, RetryPolicy retry, Clock clock) {
        if (!englishVariant.equalsIgnoreCase("EN-GB") && !englishVariant.equalsIgnoreCase("EN-US")) {
            throw new IllegalArgumentException("DeepL target variant must be EN-GB or EN-US, not " + englishVariant);
        }
        this.http = http;
        this.authorization = Map.of("Authorization", "DeepL-Auth-Key " + authKey);
        this.englishVariant = englishVariant;
        this.retry = retry;
        this.clock = clock;
        this.glossaries = new DeepLGlossaries(http, authorization, retry, clock);
    }

    /** Free-plan keys end in ":fx" and only work against the free API host. */
    public static String defaultUrl(String authKey) {
        return authKey.endsWith(":fx") ? FREE_URL : PRO_URL;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(MAX_TEXTS, MAX_BYTES, true, true);
    }

    @Override
    public TranslationResult translate(TranslationRequest request) throws TranslationException {
        if (request.segments().isEmpty()) return new TranslationResult(List.of(), Usage.none(NAME));
        AtomicInteger requests = new AtomicInteger();
        Optional<String> glossaryId = glossaries.idFor(request.sourceLanguage(), request.targetLanguage(),
                DeepLGlossaries.entries(request.glossary(), request.doNotTranslate()), requests);
        boolean markup = request.segments().stream().anyMatch(segment -> InlineMarkup.hasPlaceholders(segment.text()));
        List<Segment> outgoing = request.segments().stream()
                .map(segment -> markup ? new Segment(segment.id(), InlineMarkup.escape(segment.text())) : segment)
                .toList();
        List<Segment> translated = new ArrayList<>();
        long billed = 0;
        String model = null;
        for (List<Segment> batch : SegmentBatches.split(NAME, outgoing, MAX_TEXTS, MAX_BYTES - ENVELOPE_BYTES)) {
            String body = body(request, batch, markup, glossaryId);
            JsonNode reply = retry.run(() -> {
                requests.incrementAndGet();
                HttpReply answer = http.post("/v2/translate", Map.of(), authorization, body);
                if (!answer.ok()) throw failure(answer, clock);
                return EngineJson.parse(NAME, answer);
            });
            JsonNode translations = reply.path("translations");
            if (!translations.isArray() || translations.size() != batch.size()) {
                throw new EngineUnavailableException("deepl returned " + translations.size() + " translations for " + batch.size() + " texts");
            }
            for (int i = 0; i < batch.size(); i++) {
                JsonNode translation = translations.get(i);
                String text = translation.path("text").asText();
                translated.add(new Segment(batch.get(i).id(), markup ? InlineMarkup.unescape(text) : text));
                JsonNode characters = translation.get("billed_characters");
                billed += characters != null && characters.canConvertToLong()
                        ? characters.asLong()
                        : codePoints(request.segments().get(translated.size() - 1).text());
                if (translation.hasNonNull("model_type_used")) model = translation.get("model_type_used").asText();
            }
        }
        return new TranslationResult(translated, new Usage(NAME, model, billed, requests.get()));
    }

    private String body(TranslationRequest request, List<Segment> batch, boolean markup, Optional<String> glossaryId) {
        ObjectNode body = EngineJson.object();
        ArrayNode texts = body.putArray("text");
        batch.forEach(segment -> texts.add(segment.text()));
        body.put("source_lang", LanguageCodes.deeplSource(request.sourceLanguage()));
        body.put("target_lang", LanguageCodes.deeplTarget(request.targetLanguage(), englishVariant));
        if (markup) {
            body.put("tag_handling", "xml");
            body.putArray("ignore_tags").add("x");
        }
        glossaryId.ifPresent(id -> body.put("glossary_id", id));
        body.put("show_billed_characters", true);
        return EngineJson.write(body);
    }

    @Override
    public Optional<Quota> quota() throws TranslationException {
        JsonNode usage = retry.run(() -> {
            HttpReply answer = http.get("/v2/usage", Map.of(), authorization);
            if (!answer.ok()) throw failure(answer, clock);
            return EngineJson.parse(NAME, answer);
        });
        if (!usage.has("character_count") || !usage.has("character_limit")) return Optional.empty();
        return Optional.of(new Quota(usage.path("character_count").asLong(), usage.path("character_limit").asLong()));
    }

    static TranslationException failure(HttpReply reply, Clock clock) {
        String message = EngineJson.errorBody(reply).path("message").asText("");
        if (reply.status() == 403) {
            // DeepL answers 403 for a wrong, revoked or wrongly scoped key; the key itself is never quoted
            return new EngineRejectedException("deepl refused the authentication key (HTTP 403); check DEEPL_AUTH_KEY and that a free key (:fx) is used with "
                    + FREE_URL + " and a pro key with " + PRO_URL);
        }
        return HttpFailures.of(NAME, reply, message, clock);
    }

    static long codePoints(String text) {
        return text.codePointCount(0, text.length());
    }
}
