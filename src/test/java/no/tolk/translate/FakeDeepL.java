package no.tolk.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import no.tolk.article.ArticleJson;

/**
 * A DeepL {@code /v2/translate} that translates each text with a phrase book (as a stub extension):
 * phrases are replaced in order, placeholder tags pass through, and every text bills its code points.
 */
final class FakeDeepL implements ResponseDefinitionTransformerV2 {

    static final String NAME = "fake-deepl";

    private final Map<String, String> phrases;
    private volatile UnaryOperator<String> mistake = UnaryOperator.identity();

    FakeDeepL(Map<String, String> phrases) {
        this.phrases = new LinkedHashMap<>(phrases);
    }

    /** An extra change to every translated text (to make quality errors on purpose). */
    void makeMistake(UnaryOperator<String> mistake) {
        this.mistake = mistake;
    }

    String translate(String text) {
        String result = text;
        for (Map.Entry<String, String> phrase : phrases.entrySet()) {
            result = result.replace(phrase.getKey(), phrase.getValue());
        }
        return mistake.apply(result);
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        try {
            JsonNode request = ArticleJson.mapper().readTree(serveEvent.getRequest().getBodyAsString());
            ObjectNode reply = ArticleJson.mapper().createObjectNode();
            ArrayNode translations = reply.putArray("translations");
            for (JsonNode text : request.path("text")) {
                translations.addObject().put("detected_source_language", "NB")
                        .put("text", translate(text.asText()))
                        .put("billed_characters", text.asText().codePointCount(0, text.asText().length()));
            }
            return ResponseDefinition.okForJson(Json.read(reply.toString(), Object.class));
        } catch (Exception e) {
            return new ResponseDefinition(400, "{\"message\":\"" + e.getMessage() + "\"}");
        }
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
