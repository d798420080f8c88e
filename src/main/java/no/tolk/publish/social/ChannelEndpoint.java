package no.tolk.publish.social;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** Where a channel's service lives and how long Tolk waits for it; tests point {@code baseUrl} at WireMock. */
public record ChannelEndpoint(URI baseUrl, Duration connectTimeout, Duration requestTimeout) {

    public ChannelEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** The base URL joined with an absolute path such as {@code /api/v1/statuses}. */
    public URI resolve(String path) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        return URI.create(base + (path.startsWith("/") ? path : "/" + path));
    }
}
