package no.tolk.publish.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmsPublishersTest {

    @TempDir
    Path home;

    private CmsSettings settings(String type, String url) {
        return new CmsSettings(home, type, "", "", "", url, "draft", "06:00", "Europe/Oslo", false, "Nyheter, Kultur",
                true, "", 1000, 1000, 1000);
    }

    @Test
    void staticIsTheDefaultAndLivesUnderTheHomeFolder() {
        CmsPublisher publisher = CmsPublishers.create(settings("", ""), Map.of(), Clock.systemUTC());

        assertThat(publisher).isInstanceOf(StaticSitePublisher.class);
        assertThat(((StaticSitePublisher) publisher).siteDir()).isEqualTo(home.resolve("site"));
    }

    @Test
    void wordPressTakesCredentialsFromEnvironmentOrFiles() throws Exception {
        Path secret = home.resolve("wp-password");
        Files.writeString(secret, "abcd efgh ijkl\n");

        CmsPublisher publisher = CmsPublishers.create(settings("WordPress", "https://news.example"),
                Map.of("WORDPRESS_USER", "editor", "WORDPRESS_APP_PASSWORD_FILE", secret.toString()), Clock.systemUTC());
        WordPressSettings wordPress = CmsPublishers.wordPress(settings("wordpress", "https://news.example"),
                Map.of("WORDPRESS_USER", "editor", "WORDPRESS_APP_PASSWORD_FILE", secret.toString()));

        assertThat(publisher).isInstanceOf(WordPressPublisher.class);
        assertThat(wordPress.applicationPassword()).isEqualTo("abcd efgh ijkl");
        assertThat(wordPress.categories()).containsExactly("Nyheter", "Kultur");
        assertThat(wordPress.imageDir()).isEqualTo(home.resolve("images"));
        assertThat(wordPress.siteBase()).hasToString("https://news.example/");
        assertThat(wordPress.toString()).doesNotContain("abcd");
    }

    @Test
    void wordPressWithoutCredentialsOrAddressFailsAtStartWithoutLeakingAnything() {
        assertThatThrownBy(() -> CmsPublishers.create(settings("wordpress", "https://news.example"), Map.of("WORDPRESS_USER", "editor"), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WORDPRESS_APP_PASSWORD");
        assertThatThrownBy(() -> CmsPublishers.create(settings("wordpress", ""), Map.of(), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tolk.cms.wordpress.url");
        assertThatThrownBy(() -> CmsPublishers.create(settings("drupal", ""), Map.of(), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("drupal");
    }
}
