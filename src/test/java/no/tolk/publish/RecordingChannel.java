package no.tolk.publish;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import no.tolk.publish.social.ChannelUnavailableException;
import no.tolk.publish.social.GraphemeRule;
import no.tolk.publish.social.LengthRule;
import no.tolk.publish.social.PostReceipt;
import no.tolk.publish.social.SocialChannel;
import no.tolk.publish.social.SocialException;
import no.tolk.publish.social.SocialPost;

/** A social channel in memory: keeps its posts, can fail, crash the process after posting, or find posts. */
final class RecordingChannel implements SocialChannel {

    /** Stands for the process dying: not an Exception, so nothing in the pipeline catches it. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(String message) {
            super(message);
        }
    }

    final List<SocialPost> posts = new CopyOnWriteArrayList<>();
    final List<SocialPost> updates = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    private final String name;
    private final boolean canFind;
    volatile int failWithStatus;
    volatile boolean crashAfterNextPost;

    RecordingChannel(String name, boolean canFind) {
        this.name = name;
        this.canFind = canFind;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> languages() {
        return Set.of("nb", "en");
    }

    @Override
    public LengthRule lengthRule() {
        return new GraphemeRule(500, 23, 0);
    }

    @Override
    public PostReceipt post(SocialPost post) throws SocialException {
        calls.incrementAndGet();
        if (failWithStatus > 0) throw new ChannelUnavailableException(name, failWithStatus, "HTTP " + failWithStatus + " Service Unavailable");
        posts.add(post);
        if (crashAfterNextPost) {
            crashAfterNextPost = false;
            throw new SimulatedCrash(name + " crashed after posting");
        }
        return receipt(posts.size());
    }

    @Override
    public Optional<PostReceipt> find(SocialPost post) {
        if (!canFind) return Optional.empty();
        for (int i = 0; i < posts.size(); i++) {
            SocialPost earlier = posts.get(i);
            if (earlier.idempotencyKey().equals(post.idempotencyKey())) return Optional.of(receipt(i + 1));
        }
        return Optional.empty();
    }

    @Override
    public boolean canUpdate() {
        return true;
    }

    @Override
    public PostReceipt update(String externalId, SocialPost post) {
        updates.add(post);
        return new PostReceipt(externalId, URI.create("https://social.example/" + name + "/" + externalId));
    }

    long postsIn(String language) {
        return posts.stream().filter(post -> post.language().equals(language)).count();
    }

    private PostReceipt receipt(int number) {
        return new PostReceipt(name + "-" + number, URI.create("https://social.example/" + name + "/" + number));
    }
}
