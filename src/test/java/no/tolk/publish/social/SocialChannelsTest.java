package no.tolk.publish.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocialChannelsTest {

    @TempDir
    Path home;

    private SocialChannels configure(Map<String, String> properties, Map<String, String> environment) {
        return SocialChannels.configure(key -> Optional.ofNullable(properties.get(key)), new Credentials(environment),
                home, SamplePosts.CLOCK);
    }

    @Test
    void theDefaultIsTheOutboxForEveryPlatformInBothLanguages() {
        SocialChannels channels = configure(Map.of(), Map.of());

        assertThat(channels.all()).extracting(SocialChannel::name).containsExactly(
                "outbox-mastodon", "outbox-bluesky", "outbox-linkedin", "outbox-x", "outbox-facebook");
        assertThat(channels.forLanguage("nb")).hasSize(5);
        assertThat(channels.named("outbox-x").orElseThrow().lengthRule()).isEqualTo(Platform.X.defaultRule());
    }

    @Test
    void buildsTheConfiguredServicesWithTheirSettings() throws Exception {
        Path tokenFile = Files.writeString(home.resolve("x-token"), "x-secret\n");
        SocialChannels channels = configure(Map.of(
                        "tolk.social.channels", "mastodon, bluesky,linkedin,x,facebook",
                        "tolk.social.mastodon.url", "https://mastodon.example",
                        "tolk.social.mastodon.max-characters", "1000",
                        "tolk.social.mastodon.languages", "nb",
                        "tolk.social.linkedin.organization-id", "2414183",
                        "tolk.social.facebook.page-id", "104523718765432"),
                Map.of("MASTODON_ACCESS_TOKEN", "m", "BLUESKY_HANDLE", "tolk.bsky.social", "BLUESKY_APP_PASSWORD", "p",
                        "LINKEDIN_ACCESS_TOKEN", "l", "X_ACCESS_TOKEN_FILE", tokenFile.toString(), "FACEBOOK_PAGE_TOKEN", "f"));

        assertThat(channels.all()).extracting(SocialChannel::name)
                .containsExactly("mastodon", "bluesky", "linkedin", "x", "facebook");
        assertThat(channels.named("mastodon").orElseThrow().lengthRule().limit()).isEqualTo(1000);
        assertThat(channels.forLanguage("en")).extracting(SocialChannel::name)
                .containsExactly("bluesky", "linkedin", "x", "facebook");
    }

    @Test
    void anEnabledChannelWithoutItsSecretFailsAtStartupNamingTheVariable() {
        assertThatThrownBy(() -> configure(Map.of("tolk.social.channels", "x"), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("X_ACCESS_TOKEN (or X_ACCESS_TOKEN_FILE) is not set");
        assertThatThrownBy(() -> configure(Map.of("tolk.social.channels", "mastodon"), Map.of("MASTODON_ACCESS_TOKEN", "m")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tolk.social.mastodon.url is required");
        assertThatThrownBy(() -> configure(Map.of("tolk.social.channels", "linkedin"), Map.of("LINKEDIN_ACCESS_TOKEN", "l")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("organization-id");
        assertThatThrownBy(() -> configure(Map.of("tolk.social.channels", "myspace"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown social platform 'myspace'");
    }

    @Test
    void noneDisablesSocialAnnouncements() {
        assertThat(configure(Map.of("tolk.social.channels", "none"), Map.of()).all()).isEmpty();
    }

    @Test
    void camelMainBindsTheChannelsAndTheComposerFromProperties() throws Exception {
        Main main = new Main();
        main.configure().addConfiguration(SocialConfiguration.class);
        Properties overrides = new Properties();
        overrides.setProperty("camel.main.routes-include-pattern", "classpath:no-routes/*.yaml");
        overrides.setProperty("camel.main.jmx-enabled", "false");
        overrides.setProperty("tolk.home", home.toString());
        overrides.setProperty("tolk.social.channels", "outbox");
        overrides.setProperty("tolk.social.outbox.targets", "mastodon,x");
        overrides.setProperty("tolk.social.hashtags.nb", "nyheter Norge");
        main.setOverrideProperties(overrides);
        main.start();
        try {
            SocialChannels channels = main.getCamelContext().getRegistry().lookupByNameAndType("socialChannels",
                    SocialChannels.class);
            assertThat(channels.all()).extracting(SocialChannel::name).containsExactly("outbox-mastodon", "outbox-x");

            PostComposer composer = main.getCamelContext().getRegistry().lookupByNameAndType("postComposer",
                    PostComposer.class);
            var article = new no.tolk.article.Article("a-1", 1, null, "nb", "Tittel", "Ingress.", null, null, null,
                    null, null, null);
            SocialPost post = composer.compose(article, SamplePosts.URL, channels.named("outbox-x").orElseThrow());
            assertThat(post.hashtags()).containsExactly("#nyheter", "#Norge");

            channels.named("outbox-x").orElseThrow().post(post);
            assertThat(home.resolve("outbox/social/x/a-1-r1-nb.txt")).exists();
        } finally {
            main.stop();
        }
    }
}
