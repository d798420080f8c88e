package no.tolk.publish.social;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The configured social channels, built from {@code tolk.social.channels} (default {@code outbox}).
 * Each HTTP channel reads {@code tolk.social.<channel>.url}, its timeouts and languages from
 * configuration and its secrets from the environment; a channel that is enabled but lacks a secret
 * or a required setting fails at startup, naming what is missing.
 */
public final class SocialChannels {

    public static final String DEFAULT_CHANNELS = "outbox";
    /**
     * The languages a channel announces unless {@code tolk.social.languages} or {@code tolk.social.<channel>.languages}
     * say otherwise: each that the article is published in (its source, Bokmål or Nynorsk, and its translations).
     */
    public static final String DEFAULT_LANGUAGES = "nb,nn,en";
    private static final String PREFIX = "tolk.social.";

    private final List<SocialChannel> channels;

    public SocialChannels(List<SocialChannel> channels) {
        this.channels = List.copyOf(channels);
        Set<String> names = new LinkedHashSet<>();
        for (SocialChannel channel : this.channels) {
            if (!names.add(channel.name())) throw new IllegalArgumentException("social channel '" + channel.name()
                    + "' is configured twice");
        }
    }

    public List<SocialChannel> all() {
        return channels;
    }

    /** The channels that announce articles in this language. */
    public List<SocialChannel> forLanguage(String language) {
        return channels.stream().filter(channel -> channel.languages().contains(language)).toList();
    }

    public Optional<SocialChannel> named(String name) {
        return channels.stream().filter(channel -> channel.name().equals(name)).findFirst();
    }

    /**
     * @param properties resolves a configuration key (environment overrides already applied), empty when unset
     * @param home Tolk's home folder; the outbox lives in {@code <home>/outbox/social}
     */
    public static SocialChannels configure(Function<String, Optional<String>> properties, Credentials credentials,
            Path home, Clock clock) {
        Configured config = new Configured(properties);
        List<SocialChannel> channels = new ArrayList<>();
        for (String name : config.list("channels", DEFAULT_CHANNELS)) {
            if (name.equals("outbox")) {
                for (String target : config.list("outbox.targets", "mastodon,bluesky,linkedin,x,facebook")) {
                    Platform platform = Platform.named(target);
                    channels.add(new OutboxChannel(home.resolve("outbox").resolve("social"), platform,
                            config.lengthRule(platform), config.languages("outbox")));
                }
                continue;
            }
            channels.add(switch (Platform.named(name)) {
                case MASTODON -> new MastodonChannel(config.endpoint(name, null),
                        credentials.require(MastodonChannel.TOKEN, name), config.languages(name),
                        config.integer("mastodon.max-characters", 500), config.get("mastodon.visibility", "public"), clock);
                case BLUESKY -> new BlueskyChannel(config.endpoint(name, "https://bsky.social"),
                        credentials.require(BlueskyChannel.HANDLE, name), credentials.require(BlueskyChannel.APP_PASSWORD, name),
                        config.languages(name), clock);
                case LINKEDIN -> new LinkedInChannel(config.endpoint(name, "https://api.linkedin.com"),
                        credentials.require(LinkedInChannel.TOKEN, name), config.get("linkedin.organization-id", ""),
                        config.get("linkedin.version", "202601"), config.languages(name), clock);
                case X -> new XChannel(config.endpoint(name, "https://api.x.com"),
                        credentials.require(XChannel.TOKEN, name), config.languages(name), clock);
                case FACEBOOK -> new FacebookChannel(config.endpoint(name, "https://graph.facebook.com"),
                        credentials.require(FacebookChannel.TOKEN, name), config.get("facebook.page-id", ""),
                        config.get("facebook.version", "v21.0"), config.languages(name), clock);
            });
        }
        return new SocialChannels(channels);
    }

    /** Reads {@code tolk.social.*} keys, falling back from per-channel keys to the shared ones. */
    private record Configured(Function<String, Optional<String>> properties) {

        String get(String key, String fallback) {
            return properties.apply(PREFIX + key).map(String::strip).filter(value -> !value.isEmpty()).orElse(fallback);
        }

        int integer(String key, int fallback) {
            String value = get(key, String.valueOf(fallback));
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PREFIX + key + " must be a whole number, not '" + value + "'");
            }
        }

        List<String> list(String key, String fallback) {
            String value = get(key, fallback);
            if (value.equalsIgnoreCase("none")) return List.of();
            return Arrays.stream(value.split("[,\\s]+"))
                    .map(item -> item.toLowerCase(Locale.ROOT))
                    .filter(item -> !item.isEmpty())
                    .distinct()
                    .toList();
        }

        Set<String> languages(String channel) {
            String shared = get("languages", DEFAULT_LANGUAGES);
            return list(channel + ".languages", shared).stream().collect(Collectors.toCollection(LinkedHashSet::new));
        }

        LengthRule lengthRule(Platform platform) {
            if (platform == Platform.MASTODON) return new GraphemeRule(integer("mastodon.max-characters", 500), 23, 0);
            return platform.defaultRule();
        }

        ChannelEndpoint endpoint(String channel, String defaultUrl) {
            String url = get(channel + ".url", defaultUrl);
            if (url == null) throw new IllegalStateException(PREFIX + channel + ".url is required for the "
                    + channel + " channel (the instance's base URL, e.g. https://mastodon.social)");
            Duration connect = Duration.ofMillis(integer(channel + ".connect-timeout-ms", integer("connect-timeout-ms", 5000)));
            Duration request = Duration.ofMillis(integer(channel + ".request-timeout-ms", integer("request-timeout-ms", 20000)));
            return new ChannelEndpoint(URI.create(url), connect, request);
        }
    }
}
