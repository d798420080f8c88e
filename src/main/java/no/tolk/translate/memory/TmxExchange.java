package no.tolk.translate.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.filterwriter.TMXWriter;
import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.common.resource.TextContainer;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.filters.tmx.TmxFilter;
import no.tolk.translate.TranslationStage;

/**
 * Exchanges the translation memory with CAT tools as TMX 1.4b, read and written with Okapi.
 * <p>Import: every translation unit with a source ({@code nb}, regional variants too) and a target
 * ({@code en}, {@code en-GB}, ...) becomes an exact match, keyed like Tolk's own entries (SHA-256 of
 * the source text with placeholders), engine {@code tmx}, origin = the file name; such matches cost
 * nothing. Importing the same file again changes nothing. A file that cannot be read as TMX is
 * refused as a whole, before anything is stored. Placeholders travel as {@code <ph x="n">&lt;x id="n"/&gt;</ph>}.
 * <p>Export: every memory entry whose source text is known (Tolk stores only segments that passed
 * its quality checks or were approved, and imported ones).
 */
public final class TmxExchange {

    /** What an import did: units read, entries added, entries changed, units skipped (no source or target). */
    public record ImportResult(int read, int added, int changed, int unchanged, int skipped) {
    }

    /** A TMX file Tolk cannot use; nothing was stored. */
    public static final class UnusableTmxException extends Exception {
        public UnusableTmxException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("<x id=\"([^\"<>]*)\"/>");

    private final DataSource dataSource;
    private final Clock clock;

    public TmxExchange(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Reads every unit first (so a broken file stores nothing), then stores all of them in one transaction. */
    public ImportResult importTmx(Path file, String sourceLanguage, String targetLanguage) throws UnusableTmxException {
        Map<String, String[]> pairs = new LinkedHashMap<>();
        int read = 0;
        int skipped = 0;
        LocaleId source = LocaleId.fromString(sourceLanguage);
        LocaleId target = LocaleId.fromString(targetLanguage);
        if (!Files.isRegularFile(file)) throw new UnusableTmxException("There is no file " + file + ".", null);
        try (TmxFilter filter = new TmxFilter()) {
            filter.open(new RawDocument(file.toUri(), "UTF-8", source, target), true);
            while (filter.hasNext()) {
                Event event = filter.next();
                if (!event.isTextUnit()) continue;
                read++;
                ITextUnit unit = event.getTextUnit();
                TextContainer translated = unit.getTarget(target);
                if (translated == null) {
                    // regional variants count as the language: en-GB, en-US -> en
                    for (LocaleId locale : unit.getTargetLocales()) {
                        if (locale.getLanguage().equalsIgnoreCase(target.getLanguage())) {
                            translated = unit.getTarget(locale);
                            break;
                        }
                    }
                }
                String sourceText = text(unit.getSource().getUnSegmentedContentCopy());
                String targetText = translated == null ? "" : text(translated.getUnSegmentedContentCopy());
                if (sourceText.isBlank() || targetText.isBlank()) {
                    skipped++;
                    continue;
                }
                pairs.put(TranslationStage.hash(sourceText), new String[] {sourceText, targetText});
            }
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UnusableTmxException(file.getFileName() + " is not a TMX file Tolk can read, so nothing was imported"
                    + " (the TMX reader said: " + message.replaceAll("\\s+", " ").strip() + "). Export the translation memory"
                    + " again from your CAT tool as TMX 1.4.", e);
        }
        if (read > 0 && pairs.isEmpty()) {
            throw new UnusableTmxException(file.getFileName() + " holds no " + sourceLanguage + " -> " + targetLanguage
                    + " translation pairs (" + read + " units without both languages); nothing was imported.", null);
        }
        return store(pairs, sourceLanguage, targetLanguage, read, skipped, file.getFileName().toString());
    }

    private ImportResult store(Map<String, String[]> pairs, String sourceLanguage, String targetLanguage, int read,
                               int skipped, String origin) throws UnusableTmxException {
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement find = connection.prepareStatement("select target_text, source_text from translation_memory"
                    + " where source_hash = ? and source_language = ? and target_language = ?");
                 PreparedStatement delete = connection.prepareStatement("delete from translation_memory where source_hash = ?"
                         + " and source_language = ? and target_language = ?");
                 PreparedStatement insert = connection.prepareStatement("insert into translation_memory (source_hash,"
                         + " source_language, target_language, target_text, engine, created_at, source_text, origin)"
                         + " values (?, ?, ?, ?, 'tmx', ?, ?, ?)")) {
                for (Map.Entry<String, String[]> pair : pairs.entrySet()) {
                    find.setString(1, pair.getKey());
                    find.setString(2, sourceLanguage);
                    find.setString(3, targetLanguage);
                    String existing = null;
                    String existingSource = null;
                    try (ResultSet rs = find.executeQuery()) {
                        if (rs.next()) {
                            existing = rs.getString(1);
                            existingSource = rs.getString(2);
                        }
                    }
                    if (pair.getValue()[1].equals(existing) && existingSource != null) {
                        unchanged++;
                        continue;
                    }
                    if (existing == null) added++;
                    else changed++;
                    delete.setString(1, pair.getKey());
                    delete.setString(2, sourceLanguage);
                    delete.setString(3, targetLanguage);
                    delete.executeUpdate();
                    insert.setString(1, pair.getKey());
                    insert.setString(2, sourceLanguage);
                    insert.setString(3, targetLanguage);
                    insert.setString(4, pair.getValue()[1]);
                    insert.setTimestamp(5, now);
                    insert.setString(6, pair.getValue()[0]);
                    insert.setString(7, origin.length() > 200 ? origin.substring(0, 200) : origin);
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new UnusableTmxException("The translation memory could not be stored (" + e.getMessage()
                    + "); nothing was imported.", e);
        }
        return new ImportResult(read, added, changed, unchanged, skipped);
    }

    /** Writes every memory entry with a known source text, sorted by source; returns how many units were written. */
    public int exportTmx(Path file, String sourceLanguage, String targetLanguage) throws IOException {
        List<String[]> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select source_text, target_text from translation_memory"
                     + " where source_language = ? and target_language = ? and source_text is not null order by source_text")) {
            select.setString(1, sourceLanguage);
            select.setString(2, targetLanguage);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) entries.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        } catch (SQLException e) {
            throw new IOException("cannot read the translation memory: " + e.getMessage(), e);
        }
        Path partial = file.toAbsolutePath().resolveSibling("." + file.getFileName() + ".part");
        TMXWriter writer = new TMXWriter(partial.toString());
        try {
            writer.writeStartDocument(LocaleId.fromString(sourceLanguage), LocaleId.fromString(targetLanguage),
                    "Tolk", "1", "paragraph", "Tolk translation memory", "plaintext");
            for (String[] entry : entries) {
                writer.writeTU(fragment(entry[0]), fragment(entry[1]), null, null);
            }
            writer.writeEndDocument();
        } finally {
            writer.close();
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return entries.size();
    }

    /** Segment text with {@code <x id="n"/>} placeholders as an Okapi fragment whose codes carry the placeholder. */
    static TextFragment fragment(String text) {
        TextFragment fragment = new TextFragment();
        Matcher matcher = PLACEHOLDER.matcher(text);
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() > end) fragment.append(text.substring(end, matcher.start()));
            int id;
            try {
                id = Integer.parseInt(matcher.group(1));
            } catch (NumberFormatException e) {
                id = -1;
            }
            fragment.append(TextFragment.TagType.PLACEHOLDER, "x", matcher.group(), id);
            end = matcher.end();
        }
        if (end < text.length()) fragment.append(text.substring(end));
        return fragment;
    }

    /** An Okapi fragment back to segment text: a code whose data is a Tolk placeholder stays it, others by their id. */
    static String text(TextFragment fragment) {
        StringBuilder text = new StringBuilder();
        String coded = fragment.getCodedText();
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (TextFragment.isMarker(c)) {
                Code code = fragment.getCode(coded.charAt(++i));
                String data = code.getData() == null ? "" : code.getData();
                text.append(PLACEHOLDER.matcher(data).matches() ? data
                        : "<x id=\"" + (code.getOriginalId() != null ? code.getOriginalId() : code.getId()) + "\"/>");
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
