package no.tolk.translate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import no.tolk.translate.EngineUnavailableException;
import no.tolk.translate.TranslationException;

/**
 * DeepL glossaries (v3 multilingual API) made from a request's glossary map. A glossary is named
 * after the hash of its language pair and entries, so the same content is created once: found in
 * memory, else among the account's glossaries (after a restart), else created. DeepL glossaries
 * are immutable, so changed entries give a new name and a new glossary.
 */
final class DeepLGlossaries {

    private static final String ENGINE = "deepl";

    private final CamelHttpClient http;
    private final Map<String, String> authorization;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Map<String, String> idsByName = new ConcurrentHashMap<>();

    DeepLGlossaries(CamelHttpClient http, Map<String, String> authorization, RetryPolicy retry, Clock clock) {
        this.http = http;
        this.authorization = authorization;
        this.retry = retry;
        this.clock = clock;
    }

    /** The glossary id for these entries, creating the glossary when DeepL does not have it yet. */
    Optional<String> idFor(String sourceLanguage, String targetLanguage, Map<String, String> entries, AtomicInteger requests)
            throws TranslationException {
        Map<String, String> clean = clean(entries);
        if (clean.isEmpty()) return Optional.empty();
        String source = LanguageCodes.deeplGlossary(sourceLanguage);
        String target = LanguageCodes.deeplGlossary(targetLanguage);
        String tsv = tsv(clean);
        String name = "tolk-" + source + "-" + target + "-" + hash(source + "\n" + target + "\n" + tsv);
        String known = idsByName.get(name);
        if (known != null) return Optional.of(known);
        synchronized (this) {
            known = idsByName.get(name);
            if (known != null) return Optional.of(known);
            String id = existing(name, requests).orElse(null);
            if (id == null) id = create(name, source, target, tsv, requests);
            idsByName.put(name, id);
            return Optional.of(id);
        }
    }

    private Optional<String> existing(String name, AtomicInteger requests) throws TranslationException {
        JsonNode list = retry.run(() -> {
            requests.incrementAndGet();
            HttpReply reply = http.get("/v3/glossaries", Map.of(), authorization);
            if (!reply.ok()) throw DeepLTranslator.failure(reply, clock);
            return EngineJson.parse(ENGINE, reply);
        });
        for (JsonNode glossary : list.path("glossaries")) {
            if (name.equals(glossary.path("name").asText())) return Optional.of(glossary.path("glossary_id").asText());
        }
        return Optional.empty();
    }

    private String create(String name, String source, String target, String tsv, AtomicInteger requests) throws TranslationException {
        ObjectNode body = EngineJson.object();
        body.put("name", name);
        ArrayNode dictionaries = body.putArray("dictionaries");
        dictionaries.addObject()
                .put("source_lang", source)
                .put("target_lang", target)
                .put("entries", tsv)
                .put("entries_format", "tsv");
        String json = EngineJson.write(body);
        JsonNode created = retry.run(() -> {
            requests.incrementAndGet();
            HttpReply reply = http.post("/v3/glossaries", Map.of(), authorization, json);
            if (!reply.ok()) throw DeepLTranslator.failure(reply, clock);
            return EngineJson.parse(ENGINE, reply);
        });
        String id = created.path("glossary_id").asText("");
        if (id.isEmpty()) throw new EngineUnavailableException("deepl created a glossary but sent no glossary_id");
        return id;
    }

    /** DeepL refuses empty terms, duplicates, surrounding whitespace and control characters in terms. */
    static Map<String, String> clean(Map<String, String> entries) {
        Map<String, String> clean = new TreeMap<>();
        entries.forEach((source, target) -> {
            if (source == null || target == null) return;
            String s = source.strip();
            String t = target.strip();
            if (s.isEmpty() || t.isEmpty() || hasControl(s) || hasControl(t)) return;
            clean.putIfAbsent(s, t);
        });
        return clean;
    }

    private static boolean hasControl(String term) {
        return term.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                || c == 0x2028 || c == 0x2029 || c == 0x85);
    }

    private static String tsv(Map<String, String> entries) {
        StringBuilder tsv = new StringBuilder();
        entries.forEach((source, target) -> tsv.append(source).append('\t').append(target).append('\n'));
        return tsv.toString();
    }

    private static String hash(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Glossary entries for a request: its glossary, plus do-not-translate terms mapped to themselves. */
    static Map<String, String> entries(Map<String, String> glossary, java.util.Set<String> doNotTranslate) {
        Map<String, String> entries = new LinkedHashMap<>(glossary);
        List.copyOf(doNotTranslate).forEach(term -> entries.putIfAbsent(term, term));
        return entries;
    }
}
