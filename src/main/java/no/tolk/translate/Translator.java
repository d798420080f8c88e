package no.tolk.translate;

import java.util.Optional;

/**
 * A translation engine (DeepL, Google, Azure, LibreTranslate, an OpenAI-compatible LLM, or
 * human translators through XLIFF). Implementations speak their service's real protocol and
 * turn its failures into the exceptions of this package.
 */
public interface Translator {

    /** Configuration name: deepl, google, azure, libretranslate, openai, xliff. */
    String name();

    EngineCapabilities capabilities();

    /**
     * Translates all segments of the request, batching as the engine's limits require.
     * @throws RateLimitedException   the service asked to slow down (after the engine's own retries)
     * @throws QuotaExceededException the character quota or budget is used up; retry later or fall back
     * @throws EngineRejectedException the service refused the credentials or the request; retrying will not help
     * @throws EngineUnavailableException 5xx, timeouts, connection failures (after retries)
     * @throws TranslationPendingException the translation will arrive later (human translation)
     */
    TranslationResult translate(TranslationRequest request) throws TranslationException;

    /** Remaining characters in the current billing period, when the service reports it. */
    default Optional<Quota> quota() throws TranslationException {
        return Optional.empty();
    }
}
