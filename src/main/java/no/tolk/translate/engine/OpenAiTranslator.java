package no.tolk.translate.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A large language model behind an OpenAI-compatible {@code chat/completions} endpoint (OpenAI,
 * Azure OpenAI, Ollama, vLLM). Segments go out as JSON {@code [{"id","text"}]}; the reply must be
 * JSON with exactly one translation per id. A reply that is not is asked for once more, then the
 * batch fails with {@link EngineUnavailableException} saying what was wrong.
 */
public final class OpenAiTranslator implements Translator {

    public static final String NAME = "openai";
    public static final String DEFAULT_URL = "https://api.openai.com";
    private static final int REPLY_ATTEMPTS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiTranslator.class);

    private final CamelHttpClient http;
    private final Map<String, String> authorization;
    private final String apiKey;
    private final OpenAiOptions options;
    private final RetryPolicy retry;
    private final Clock clock;

    /** @param apiKey null for servers without keys (Ollama, an open vLLM) */
    public OpenAiTranslator(CamelHttpClient http, String apiKey, OpenAiOptions options, RetryPolicy retry, Clock clock) {
        this.http = http;
        this.apiKey = apiKey;
        if (apiKey == null || apiKey.isBlank()) this.authorization = Map.of();
        else if (options.authStyle().equals("api-key")) this.authorization = Map.of("api-key", apiKey);
        else this.authorization = Map.of("Authorization", "Bearer " + apiKey);
        this.options = options;
        this.retry = retry;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(options.maxTexts(), options.maxBytes(), true, true);
    }

    @Override
    public TranslationResult translate(TranslationRequest request) throws TranslationException {
        AtomicInteger requests = new AtomicInteger();
        String system = systemPrompt(request);
        List<Segment> translated = new ArrayList<>();
        for (List<Segment> batch : SegmentBatches.split(NAME, request.segments(), options.maxTexts(), options.maxBytes())) {
            translated.addAll(translateBatch(system, batch, requests));
        }
        return new TranslationResult(translated, new Usage(NAME, options.model(), request.characters(), requests.get()));
    }

    private List<Segment> translateBatch(String system, List<Segment> batch, AtomicInteger requests) throws TranslationException {
        String body = body(system, batch);
        String problem = null;
        for (int attempt = 1; attempt <= REPLY_ATTEMPTS; attempt++) {
            JsonNode reply = retry.run(() -> {
                requests.incrementAndGet();
                HttpReply answer = http.post(options.path(), Map.of(), authorization, body);
                if (!answer.ok()) throw failure(answer);
                return EngineJson.parse(NAME, answer);
            });
            LOG.debug("{} used {} prompt and {} completion tokens", options.model(),
                    reply.path("usage").path("prompt_tokens").asLong(), reply.path("usage").path("completion_tokens").asLong());
            try {
                return read(reply, batch);
            } catch (UnusableReply e) {
                problem = e.getMessage();
                LOG.warn("{} gave an unusable reply (attempt {} of {}): {}", options.model(), attempt, REPLY_ATTEMPTS, problem);
            }
        }
        throw new EngineUnavailableException(NAME + " model " + options.model() + " gave an unusable reply "
                + REPLY_ATTEMPTS + " times for " + batch.size() + " segments; last problem: " + problem);
    }

    private String systemPrompt(TranslationRequest request) {
        StringBuilder prompt = new StringBuilder()
                .append("You are a professional news translator. Translate each segment from ")
                .append(LanguageCodes.name(request.sourceLanguage())).append(" to ")
                .append(LanguageCodes.name(request.targetLanguage())).append(".\n")
                .append("Translate faithfully in the register of a news article; do not add, drop or explain anything.\n")
                .append("Segments may contain placeholders such as <x id=\"1\"/>. Keep every placeholder exactly as written, ")
                .append("once each, at the matching position in the translation.\n");
        if (!request.glossary().isEmpty()) {
            prompt.append("Use these glossary translations (source term => target term):\n");
            new TreeMap<>(request.glossary()).forEach((source, target) ->
                    prompt.append("- ").append(source).append(" => ").append(target).append('\n'));
        }
        if (!request.doNotTranslate().isEmpty()) {
            prompt.append("Keep these terms untranslated, exactly as written: ")
                    .append(String.join(", ", new java.util.TreeSet<>(request.doNotTranslate()))).append('\n');
        }
        prompt.append("The user message is a JSON array of {\"id\", \"text\"} objects. Reply with JSON only, in the form ")
                .append("{\"translations\":[{\"id\":\"<the segment id>\",\"text\":\"<the translation>\"}]}, ")
                .append("with exactly one entry for every input id and no other ids.");
        return prompt.toString();
    }

    private String body(String system, List<Segment> batch) {
        ArrayNode segments = EngineJson.mapper().createArrayNode();
        batch.forEach(segment -> segments.addObject().put("id", segment.id()).put("text", segment.text()));
        ObjectNode body = EngineJson.object();
        body.put("model", options.model());
        body.put("temperature", 0);
        body.put("stream", false);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", EngineJson.write(segments));
        ObjectNode format = body.putObject("response_format");
        if (options.responseFormat().equals("json_schema")) {
            format.put("type", "json_schema");
            ObjectNode schema = format.putObject("json_schema");
            schema.put("name", "translations");
            schema.put("strict", true);
            schema.set("schema", schema());
        } else {
            format.put("type", "json_object");
        }
        return EngineJson.write(body);
    }

    private static ObjectNode schema() {
        ObjectNode item = EngineJson.object().put("type", "object");
        item.putObject("properties").<ObjectNode>set("id", EngineJson.object().put("type", "string"))
                .set("text", EngineJson.object().put("type", "string"));
        item.putArray("required").add("id").add("text");
        item.put("additionalProperties", false);
        ObjectNode root = EngineJson.object().put("type", "object");
        root.putObject("properties").putObject("translations").put("type", "array").set("items", item);
        root.putArray("required").add("translations");
        root.put("additionalProperties", false);
        return root;
    }

    private List<Segment> read(JsonNode reply, List<Segment> batch) throws UnusableReply {
        JsonNode choice = reply.path("choices").path(0);
        if (choice.isMissingNode()) throw new UnusableReply("the reply has no choices");
        if ("length".equals(choice.path("finish_reason").asText())) {
            throw new UnusableReply("the reply was cut off at the token limit (finish_reason=length)");
        }
        String content = choice.path("message").path("content").asText("").strip();
        if (content.startsWith("```")) {
            content = content.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        JsonNode parsed;
        try {
            parsed = EngineJson.mapper().readTree(content);
        } catch (JsonProcessingException e) {
            throw new UnusableReply("the message content is not valid JSON");
        }
        JsonNode items = parsed == null ? null : parsed.isArray() ? parsed : parsed.get("translations");
        if (items == null || !items.isArray()) throw new UnusableReply("the JSON holds no \"translations\" array");
        Map<String, String> byId = new LinkedHashMap<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (JsonNode item : items) {
            JsonNode id = item.get("id");
            JsonNode text = item.get("text");
            if (id == null || !id.isValueNode() || text == null || !text.isTextual()) {
                throw new UnusableReply("an entry lacks a string id or text: " + HttpFailures.shorten(item.toString()));
            }
            if (byId.put(id.asText(), text.asText()) != null) duplicates.add(id.asText());
        }
        Set<String> expected = new LinkedHashSet<>();
        batch.forEach(segment -> expected.add(segment.id()));
        Set<String> missing = new LinkedHashSet<>(expected);
        missing.removeAll(byId.keySet());
        Set<String> extra = new LinkedHashSet<>(byId.keySet());
        extra.removeAll(expected);
        if (!missing.isEmpty() || !extra.isEmpty() || !duplicates.isEmpty()) {
            List<String> problems = new ArrayList<>();
            problems.add(items.size() + " translations for " + batch.size() + " segments");
            if (!missing.isEmpty()) problems.add("missing ids " + missing);
            if (!extra.isEmpty()) problems.add("unexpected ids " + extra);
            if (!duplicates.isEmpty()) problems.add("duplicate ids " + duplicates);
            throw new UnusableReply(String.join(", ", problems));
        }
        return batch.stream().map(segment -> new Segment(segment.id(), byId.get(segment.id()))).toList();
    }

    private TranslationException failure(HttpReply reply) {
        JsonNode error = EngineJson.errorBody(reply).path("error");
        String code = error.path("code").asText("");
        String type = error.path("type").asText("");
        String detail = HttpFailures.redact(error.path("message").asText(""), apiKey);
        // OpenAI answers 429 both for "slow down" and for "no credit left"; only the latter is a quota
        if (code.equals("insufficient_quota") || type.equals("insufficient_quota")) {
            return new QuotaExceededException(NAME + " answered HTTP " + reply.status() + ": " + HttpFailures.shorten(detail));
        }
        return HttpFailures.of(NAME, reply, detail, clock);
    }

    private static final class UnusableReply extends Exception {
        UnusableReply(String message) {
            super(message, null, false, false);
        }
    }
}
