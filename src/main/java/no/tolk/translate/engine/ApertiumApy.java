package no.tolk.translate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import no.tolk.translate.EngineUnavailableException;
import no.tolk.translate.TranslationException;

/**
 * An Apertium APy server (Debian package {@code apertium-apy}, started as {@code apertium-apy /usr/share/apertium/modes}):
 * {@code POST /translate} with the form fields {@code langpair=nob|nno}, {@code q} and {@code markUnknown=yes};
 * the answer is {@code {"responseData": {"translatedText": ...}, "responseStatus": 200}}. APy's default
 * formats are {@code html} in and {@code html-noent} out, the same as {@link ApertiumProcess} uses.
 * {@code GET /listPairs} lists the installed directions. Source: apertium-apy's handlers/translate.py and
 * handlers/list_modes.py.
 */
public final class ApertiumApy implements ApertiumBackend {

    private final CamelHttpClient http;
    private final String url;
    private final RetryPolicy retry;
    private final Clock clock;

    public ApertiumApy(CamelHttpClient http, String url, RetryPolicy retry, Clock clock) {
        this.http = http;
        this.url = url;
        this.retry = retry;
        this.clock = clock;
    }

    @Override
    public String translate(String mode, String html) throws TranslationException {
        int dash = mode.indexOf('-');
        String langpair = dash < 0 ? mode : mode.substring(0, dash) + "|" + mode.substring(dash + 1);
        JsonNode reply = retry.run(() -> {
            HttpReply answer = http.postForm("/translate",
                    CamelHttpClient.query("langpair", langpair, "q", html, "markUnknown", "yes"));
            if (!answer.ok()) {
                JsonNode error = EngineJson.errorBody(answer);
                String detail = error.path("explanation").asText(error.path("responseDetails").asText(""));
                throw HttpFailures.of(ApertiumTranslator.NAME, answer, detail, clock);
            }
            return EngineJson.parse(ApertiumTranslator.NAME, answer);
        });
        JsonNode text = reply.path("responseData").path("translatedText");
        if (!text.isTextual()) {
            throw new EngineUnavailableException("Apertium APy answered without responseData.translatedText");
        }
        return text.asText();
    }

    @Override
    public Set<String> modes() throws TranslationException {
        HttpReply answer = http.get("/listPairs", java.util.Map.of(), java.util.Map.of());
        if (!answer.ok()) throw HttpFailures.of(ApertiumTranslator.NAME, answer, "", clock);
        Set<String> modes = new LinkedHashSet<>();
        EngineJson.parse(ApertiumTranslator.NAME, answer).path("responseData").forEach(pair ->
                modes.add(pair.path("sourceLanguage").asText() + "-" + pair.path("targetLanguage").asText()));
        return modes;
    }

    @Override
    public String describe() {
        return "Apertium APy at " + url;
    }
}
