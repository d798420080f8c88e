package no.tolk.publish.social;

import java.net.URI;
import java.util.Objects;

/**
 * What a channel answered for a post: the service's own id (status id, at-URI, share URN, tweet id,
 * page post id, or outbox file) and where people can see it, when the service says.
 */
public record PostReceipt(String externalId, URI url) {

    public PostReceipt {
        Objects.requireNonNull(externalId, "externalId");
        if (externalId.isBlank()) throw new IllegalArgumentException("externalId is blank");
    }
}
