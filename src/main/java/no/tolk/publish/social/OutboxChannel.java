package no.tolk.publish.social;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded default channel: instead of calling a service it writes each post, fitted to one
 * platform's rules, as a ready-to-post text file plus a JSON file with its metadata:
 * {@code <home>/outbox/social/<platform>/<articleId>-r<revision>-<lang>.txt} and {@code .json}.
 * Writing is idempotent: the same post gives byte-identical files, rewritten only when they differ.
 */
public final class OutboxChannel extends ChannelIdentity {

    public static final String NAME_PREFIX = "outbox-";

    private final Path folder;
    private final Platform platform;

    /** @param socialOutbox {@code <home>/outbox/social}; files go into its {@code <platform>} subfolder */
    public OutboxChannel(Path socialOutbox, Platform platform, LengthRule lengthRule, Set<String> languages) {
        super(NAME_PREFIX + platform.configName(), languages, lengthRule);
        this.folder = socialOutbox.resolve(platform.configName());
        this.platform = platform;
    }

    @Override
    public PostReceipt post(SocialPost post) throws SocialException {
        try {
            Files.createDirectories(folder);
            write(folder.resolve(post.slug() + ".json"), metadata(post));
            // the text file last: its presence means the post is complete
            Path text = folder.resolve(post.slug() + ".txt");
            write(text, post.text() + "\n");
            return receipt(text);
        } catch (IOException e) {
            throw new ChannelUnavailableException(name(), "cannot write to " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<PostReceipt> find(SocialPost post) {
        Path text = folder.resolve(post.slug() + ".txt");
        return Files.isRegularFile(text) ? Optional.of(receipt(text)) : Optional.empty();
    }

    @Override
    public boolean canUpdate() {
        return true;
    }

    @Override
    public PostReceipt update(String externalId, SocialPost post) throws SocialException {
        return post(post);
    }

    private PostReceipt receipt(Path text) {
        return new PostReceipt(platform.configName() + "/" + text.getFileName(), text.toUri());
    }

    private String metadata(SocialPost post) throws JsonProcessingException {
        ObjectNode json = ChannelHttp.json().createObjectNode()
                .put("channel", name())
                .put("platform", platform.configName())
                .put("articleId", post.articleId())
                .put("revision", post.revision())
                .put("language", post.language())
                .put("title", post.title())
                .put("excerpt", post.excerpt())
                .put("url", post.url().toString());
        post.hashtags().forEach(json.putArray("hashtags")::add);
        json.put("text", post.text())
                .put("length", lengthRule().length(post.text()))
                .put("limit", lengthRule().limit())
                .put("counting", lengthRule().description())
                .put("idempotencyKey", post.idempotencyKey());
        return ChannelHttp.json().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
    }

    private static void write(Path target, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) return;
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
