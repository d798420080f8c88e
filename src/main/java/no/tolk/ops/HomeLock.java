package no.tolk.ops;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One pipeline process per home: {@code run} and {@code once} take an OS file lock on
 * {@code data/tolk.lock}. The OS releases it when the process dies, even by {@code kill -9}.
 */
public final class HomeLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private HomeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The home lock when the store is the embedded H2 database (or an H2 URL); null (no lock) for a server database
     * such as PostgreSQL, where several instances share the work through claims in the database (issue 15).
     */
    public static HomeLock acquireIfEmbedded(Path home, String storeUrl) throws IOException {
        boolean server = storeUrl != null && !storeUrl.isBlank() && !storeUrl.strip().startsWith("jdbc:h2:");
        return server ? null : acquire(home);
    }

    public static HomeLock acquire(Path home) throws IOException {
        Path file = home.resolve("data").resolve("tolk.lock");
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another Tolk process ('run' or 'once') is already working on " + home
                    + "; stop it first (commands such as 'tolk status' work alongside it)");
        }
        channel.truncate(0);
        channel.write(StandardCharsets.UTF_8.encode(ProcessHandle.current().pid() + "\n"));
        return new HomeLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
