package no.tolk.translate.engine;

import java.util.Locale;

/**
 * How to talk to one OpenAI-compatible chat-completions server.
 *
 * @param path           {@code /v1/chat/completions} (OpenAI, Ollama, vLLM) or Azure OpenAI's
 *                       {@code /openai/deployments/<deployment>/chat/completions?api-version=...}
 * @param model          the model (ignored by Azure OpenAI deployments, still reported in usage)
 * @param responseFormat {@code json_schema} (OpenAI, vLLM, recent Ollama) or {@code json_object}
 * @param authStyle      {@code bearer} ({@code Authorization: Bearer}) or {@code api-key} (Azure OpenAI)
 * @param maxTexts       segments per request
 * @param maxBytes       UTF-8 bytes of segment text per request; keep the reply within the model's output limit
 */
public record OpenAiOptions(String path, String model, String responseFormat, String authStyle, int maxTexts, int maxBytes) {

    public OpenAiOptions {
        if (model == null || model.isBlank()) throw new IllegalArgumentException("an OpenAI-compatible engine needs a model");
        path = path == null || path.isBlank() ? "/v1/chat/completions" : path.startsWith("/") ? path : "/" + path;
        responseFormat = responseFormat == null || responseFormat.isBlank() ? "json_schema" : responseFormat.toLowerCase(Locale.ROOT);
        if (!responseFormat.equals("json_schema") && !responseFormat.equals("json_object")) {
            throw new IllegalArgumentException("response format must be json_schema or json_object, not " + responseFormat);
        }
        authStyle = authStyle == null || authStyle.isBlank() ? "bearer" : authStyle.toLowerCase(Locale.ROOT);
        if (!authStyle.equals("bearer") && !authStyle.equals("api-key")) {
            throw new IllegalArgumentException("auth style must be bearer or api-key, not " + authStyle);
        }
        if (maxTexts < 1 || maxBytes < 1) throw new IllegalArgumentException("batch limits must be positive");
    }
}
