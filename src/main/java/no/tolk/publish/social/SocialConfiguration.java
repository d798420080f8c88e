package no.tolk.publish.social;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/**
 * Wires the social stage: the configured {@link SocialChannels} as {@code socialChannels} and the
 * {@link PostComposer} (with {@code tolk.social.hashtags.<lang>}) as {@code postComposer}.
 */
public class SocialConfiguration implements CamelConfiguration {

    @BindToRegistry
    public SocialChannels socialChannels(CamelContext context) {
        Path home = Path.of(context.getPropertiesComponent().resolveProperty("tolk.home").orElse("."))
                .toAbsolutePath().normalize();
        return SocialChannels.configure(context.getPropertiesComponent()::resolveProperty,
                Credentials.fromEnvironment(), home, Clock.systemUTC());
    }

    @BindToRegistry
    public PostComposer postComposer(CamelContext context) {
        Map<String, List<String>> hashtags = new HashMap<>();
        Set<String> languages = new LinkedHashSet<>(List.of(SocialChannels.DEFAULT_LANGUAGES.split(",")));
        context.getPropertiesComponent().resolveProperty("tolk.social.languages")
                .ifPresent(value -> languages.addAll(List.of(value.strip().split("[,\\s]+"))));
        for (String language : languages) {
            context.getPropertiesComponent().resolveProperty("tolk.social.hashtags." + language)
                    .ifPresent(value -> hashtags.put(language, PostComposer.hashtags(value)));
        }
        return new PostComposer(hashtags);
    }
}
