package no.tolk.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import no.tolk.article.Received;
import no.tolk.extract.ExtractionException;
import no.tolk.store.ArticleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where input that cannot become an article goes: a byte-identical copy in {@code quarantine/}
 * with {@code <name>.error.txt} beside it, and a ledger entry so the same bytes are not retried forever.
 */
public class Quarantine {

    private static final Logger LOG = LoggerFactory.getLogger(Quarantine.class);

    private final Path folder;
    private final ArticleStore store;
    private final Clock clock;

    public Quarantine(Path folder, ArticleStore store, Clock clock) {
        this.folder = folder;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Copies the file to quarantine with a report in plain words. The report and the stored last error hold only
     * {@link ExtractionException#getMessage()} (never a Java exception's name or message); the technical cause
     * goes to the log.
     */
    public Path quarantine(Received received, Exception failure) {
        String reason;
        if (failure instanceof ExtractionException extraction) {
            reason = extraction.getMessage();
            if (extraction.technicalDetail() != null) {
                LOG.info("Technical detail for {}: {}", received.sourceName(), extraction.technicalDetail());
            }
        } else {
            reason = "an unexpected error inside Tolk while reading it (the details are in Tolk's log)";
            LOG.error("Unexpected error while extracting {}", received.sourceName(), failure);
        }
        Path copy = uniqueTarget(received);
        try {
            Files.createDirectories(folder);
            Files.copy(received.archivedCopy(), copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            Files.writeString(copy.resolveSibling(copy.getFileName() + ".error.txt"), report(received, reason, copy),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to quarantine folder " + folder + ": " + e.getMessage(), e);
        }
        var record = store.saveQuarantined(received, reason);
        LOG.warn("Quarantined {} as article {}: {}. Fix the file and drop it into the inbox again; details in {}",
                received.sourceName(), record.articleId(), reason, copy.getFileName() + ".error.txt");
        return copy;
    }

    private Path uniqueTarget(Received received) {
        Path target = folder.resolve(received.sourceName());
        if (!Files.exists(target)) return target;
        String name = received.sourceName();
        int dot = name.lastIndexOf('.');
        String suffix = "-" + received.contentHash().substring(0, 8);
        return folder.resolve(dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix);
    }

    private String report(Received received, String reason, Path copy) {
        return """
                Tolk could not read this file.

                File:      %s
                Why:       %s
                When:      %s
                SHA-256:   %s
                Original:  %s (kept unchanged)

                What to do: open the file and check it. If it is damaged, save or export it again
                (for example as .docx or .pdf without a password) and drop the new file into the inbox.
                """.formatted(received.sourceName(), reason,
                ZonedDateTime.now(clock).format(DateTimeFormatter.RFC_1123_DATE_TIME),
                received.contentHash(), received.archivedCopy());
    }
}
