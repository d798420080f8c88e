package no.tolk.publish.social;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxChannelTest {

    @TempDir
    Path home;

    private OutboxChannel outbox(Platform platform) {
        return new OutboxChannel(home.resolve("outbox/social"), platform, platform.defaultRule(), Set.of("nb", "en"));
    }

    @Test
    void writesAReadyToPostTextAndItsMetadataPerPlatformAndLanguage() throws Exception {
        OutboxChannel channel = outbox(Platform.BLUESKY);
        SocialPost post = SamplePosts.post(channel.name(), "nb");

        PostReceipt receipt = channel.post(post);

        Path text = home.resolve("outbox/social/bluesky/a-2026-0042-r3-nb.txt");
        Path json = home.resolve("outbox/social/bluesky/a-2026-0042-r3-nb.json");
        assertThat(channel.name()).isEqualTo("outbox-bluesky");
        assertThat(receipt.externalId()).isEqualTo("bluesky/a-2026-0042-r3-nb.txt");
        assertThat(receipt.url()).isEqualTo(text.toUri());
        assertThat(Files.readString(text, StandardCharsets.UTF_8)).isEqualTo(SamplePosts.TEXT + "\n");

        JsonNode metadata = ChannelHttp.json().readTree(json.toFile());
        assertThat(metadata.path("channel").asText()).isEqualTo("outbox-bluesky");
        assertThat(metadata.path("platform").asText()).isEqualTo("bluesky");
        assertThat(metadata.path("articleId").asText()).isEqualTo("a-2026-0042");
        assertThat(metadata.path("revision").asInt()).isEqualTo(3);
        assertThat(metadata.path("language").asText()).isEqualTo("nb");
        assertThat(metadata.path("title").asText()).isEqualTo(SamplePosts.TITLE);
        assertThat(metadata.path("url").asText()).isEqualTo(SamplePosts.URL.toString());
        assertThat(metadata.path("hashtags").toString()).isEqualTo("[\"#nyheter\",\"#Trøndelag\"]");
        assertThat(metadata.path("text").asText()).isEqualTo(SamplePosts.TEXT);
        assertThat(metadata.path("length").asInt()).isEqualTo(Graphemes.count(SamplePosts.TEXT));
        assertThat(metadata.path("limit").asInt()).isEqualTo(300);
        assertThat(metadata.path("counting").asText()).isEqualTo("300 graphemes, at most 3000 UTF-8 bytes");
        assertThat(metadata.path("idempotencyKey").asText()).isEqualTo(post.idempotencyKey());
        try (var files = Files.list(text.getParent())) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("a-2026-0042-r3-nb.txt", "a-2026-0042-r3-nb.json");
        }
    }

    @Test
    void postingTheSameContentAgainLeavesTheFilesUntouched() throws Exception {
        OutboxChannel channel = outbox(Platform.MASTODON);
        SocialPost post = SamplePosts.post(channel.name(), "en");
        channel.post(post);
        Path text = home.resolve("outbox/social/mastodon/a-2026-0042-r3-en.txt");
        Path json = home.resolve("outbox/social/mastodon/a-2026-0042-r3-en.json");
        FileTime past = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(text, past);
        Files.setLastModifiedTime(json, past);

        PostReceipt again = channel.post(post);

        assertThat(again).isEqualTo(channel.find(post).orElseThrow());
        assertThat(Files.getLastModifiedTime(text)).isEqualTo(past);
        assertThat(Files.getLastModifiedTime(json)).isEqualTo(past);
    }

    @Test
    void changedContentReplacesTheFiles() throws Exception {
        OutboxChannel channel = outbox(Platform.X);
        SocialPost first = SamplePosts.post(channel.name(), "nb");
        channel.post(first);
        SocialPost changed = new SocialPost(first.articleId(), first.revision(), first.channel(), first.language(),
                "Ny tittel", "", first.url(), first.hashtags(), "Ny tittel\n\n" + first.url(), first.published());

        channel.update("x/a-2026-0042-r3-nb.txt", changed);

        assertThat(Files.readString(home.resolve("outbox/social/x/a-2026-0042-r3-nb.txt")))
                .isEqualTo("Ny tittel\n\n" + first.url() + "\n");
        assertThat(Files.readString(home.resolve("outbox/social/x/a-2026-0042-r3-nb.json"))).contains("\"Ny tittel\"");
    }

    @Test
    void findsOnlyWhatWasWritten() throws Exception {
        OutboxChannel channel = outbox(Platform.LINKEDIN);
        SocialPost nb = SamplePosts.post(channel.name(), "nb");
        assertThat(channel.find(nb)).isEmpty();
        channel.post(nb);
        assertThat(channel.find(nb)).isPresent();
        assertThat(channel.find(SamplePosts.post(channel.name(), "en"))).isEmpty();
    }
}
