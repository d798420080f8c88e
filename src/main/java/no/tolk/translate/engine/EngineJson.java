package no.tolk.translate.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.tolk.article.ArticleJson;
import no.tolk.translate.EngineUnavailableException;

/** JSON in and out of the services, with Tolk's shared mapper. */
final class EngineJson {

    private EngineJson() {
    }

    static ObjectMapper mapper() {
        return ArticleJson.mapper();
    }

    static ObjectNode object() {
        return mapper().createObjectNode();
    }

    static String write(JsonNode node) {
        try {
            return mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a request body", e);
        }
    }

    /** A successful reply that is not the JSON the service documents means the service misbehaves. */
    static JsonNode parse(String engine, HttpReply reply) throws EngineUnavailableException {
        try {
            return mapper().readTree(reply.body());
        } catch (JsonProcessingException e) {
            throw new EngineUnavailableException(engine + " answered HTTP " + reply.status() + " with a body that is not JSON");
        }
    }

    /** Best-effort read of an error body; an empty or non-JSON body gives a missing node. */
    static JsonNode errorBody(HttpReply reply) {
        try {
            JsonNode node = mapper().readTree(reply.body());
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
