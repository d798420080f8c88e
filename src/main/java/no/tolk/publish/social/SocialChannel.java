package no.tolk.publish.social;

import java.util.Optional;
import java.util.Set;

/**
 * A place where a published article is announced: a Mastodon account, a Bluesky account, a LinkedIn
 * page, an X account, a Facebook page, or the outbox folder. Implementations speak the service's
 * real protocol and turn every non-2xx answer into one of this package's exceptions.
 *
 * <p>Exactly-once bookkeeping lives outside the channel; the channel helps it by returning the
 * service's id for each post, by sending idempotency keys or deterministic record keys where the
 * service honours them, and by finding or updating an earlier post where the service allows.
 */
public interface SocialChannel {

    /** Stable name used in configuration and in the publication ledger, e.g. {@code mastodon}. */
    String name();

    /** Languages this channel announces ({@code nb}, {@code nn}, {@code en}); one post per language the article has. */
    Set<String> languages();

    /** How this channel counts text, and its limit; {@link PostComposer} fits posts to it. */
    LengthRule lengthRule();

    /**
     * Publishes the post.
     *
     * @throws ChannelRateLimitedException the service asked to slow down; retry after {@code resetAt}
     * @throws PostRejectedException credentials or content refused (401/403/422); retrying will not help
     * @throws ChannelUnavailableException 5xx, timeout or connection failure; retry with backoff
     */
    PostReceipt post(SocialPost post) throws SocialException;

    /** The earlier post for the same article, revision, channel and language, when the service can tell. */
    default Optional<PostReceipt> find(SocialPost post) throws SocialException {
        return Optional.empty();
    }

    /** Whether {@link #update} is supported by this service. */
    default boolean canUpdate() {
        return false;
    }

    /** Replaces the text of an earlier post (a new revision); only when {@link #canUpdate()}. */
    default PostReceipt update(String externalId, SocialPost post) throws SocialException {
        throw new UnsupportedOperationException(name() + " cannot edit a published post");
    }
}
