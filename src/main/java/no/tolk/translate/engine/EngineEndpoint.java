package no.tolk.translate.engine;

import java.time.Duration;

/** Where and how patiently an engine talks to its service. */
public record EngineEndpoint(String baseUrl, Duration connectTimeout, Duration requestTimeout) {

    public EngineEndpoint {
        if (baseUrl == null || baseUrl.isBlank()) throw new IllegalArgumentException("base URL is required");
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("base URL must start with http:// or https://: " + baseUrl);
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) connectTimeout = Duration.ofSeconds(10);
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) requestTimeout = Duration.ofSeconds(60);
    }

    public EngineEndpoint withBaseUrl(String url) {
        return new EngineEndpoint(url, connectTimeout, requestTimeout);
    }
}
