package no.tolk.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.Locale;
import no.tolk.article.Received;
import no.tolk.store.ArticleStore;

/**
 * First step for every dropped file: fingerprint it, put an untouched copy in {@code archive/},
 * and ask the ledger whether these bytes were seen before. The inbox file itself is never modified.
 */
public class InboxIntake {

    private final Path archive;
    private final ArticleStore store;
    private final Clock clock;

    public InboxIntake(Path archive, ArticleStore store, Clock clock) {
        this.archive = archive;
        this.store = store;
        this.clock = clock;
    }

    public Intake receive(String path) {
        Path file = Path.of(path);
        // macOS writes names decomposed (NFD: "A" + ring for "Å"); the same name typed elsewhere is composed (NFC)
        String name = java.text.Normalizer.normalize(file.getFileName().toString(), java.text.Normalizer.Form.NFC);
        String hash = sha256(file);
        Path archived = archiveCopy(file, hash);
        Received received = new Received(name, sourceKey(name), hash, archived);
        return new Intake(received, store.findContent(hash).orElse(null));
    }

    /**
     * Revisions of one article share the file name; the extension may change (draft.docx, then draft.pdf).
     * The key only proposes candidates: the store takes one only when the file name is the same or the text is
     * similar (see JdbcArticleStore), since unrelated files share generic names too.
     */
    static String sourceKey(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        return "file:" + base.strip().toLowerCase(Locale.ROOT);
    }

    private Path archiveCopy(Path file, String hash) {
        Path folder = archive.resolve(YearMonth.now(clock).toString());
        Path target = folder.resolve(hash.substring(0, 12) + "-" + file.getFileName());
        try {
            if (Files.exists(target)) return target;
            Files.createDirectories(folder);
            Path partial = folder.resolve("." + target.getFileName() + ".part");
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + file + ": " + e.getMessage(), e);
        }
    }

    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
