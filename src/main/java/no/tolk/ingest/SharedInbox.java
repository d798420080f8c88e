package no.tolk.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The inbox as several instances see it (issue 15, docs/scale-out.md): a file an instance listed can be read and
 * removed by another instance before this one gets to it, and the claim on it released again; such a file is gone,
 * not broken. The route asks {@link #gone} right before reading, so a stale listing ends in one log line instead of
 * a failed exchange.
 */
public class SharedInbox {

    /** True when {@code absolutePath} no longer exists (read and removed by another instance, or by a person). */
    public boolean gone(String absolutePath) {
        return !Files.exists(Path.of(absolutePath));
    }
}
