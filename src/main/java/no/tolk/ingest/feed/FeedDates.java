package no.tolk.ingest.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feed dates that Rome's RFC 822 / W3C parser does not take, as Norwegian CMSs write them:
 * {@code "man, 13 mai 2024 09:15:00 +0200"} (RFC 822 in Norwegian), {@code "13.05.2024 kl. 09.15"},
 * {@code "2024-05-13 09:15:00"}, {@code "13. mai 2024 09:15"}, with or without weekday, seconds or zone.
 * A date without a zone is Oslo time ({@link #OSLO}); a date alone is midnight in Oslo.
 */
final class FeedDates {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final String TIME = "(?:,?\\s+(?:kl\\.?\\s*)?(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2})(?:\\.\\d+)?)?)?";
    private static final String ZONE = "\\s*(z|ut|utc|gmt|cet|cest|met|mest|[+-]\\d{2}:?\\d{2})?";
    private static final String WEEKDAY = "(?:\\p{L}+\\.?,?\\s+)?";
    private static final Pattern WRITTEN = Pattern.compile(
            "^" + WEEKDAY + "(\\d{1,2})\\.?\\s+(\\p{L}+)\\.?,?\\s+(\\d{4})" + TIME + ZONE + "$");
    private static final Pattern NUMERIC = Pattern.compile(
            "^" + WEEKDAY + "(\\d{1,2})[./](\\d{1,2})[./](\\d{4})" + TIME + ZONE + "$");
    private static final Pattern ISO = Pattern.compile(
            "^(\\d{4})-(\\d{2})-(\\d{2})(?:[ t](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?" + ZONE + "$");

    private FeedDates() {
    }

    /** The instant the text names, or empty when it is no date in any of the known forms. */
    static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String value = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        try {
            Matcher written = WRITTEN.matcher(value);
            if (written.matches()) {
                Integer month = no.tolk.extract.NorwegianDates.month(written.group(2));
                if (month == null) return Optional.empty();
                return at(written.group(3), month, written.group(1), written, 4);
            }
            Matcher numeric = NUMERIC.matcher(value);
            if (numeric.matches()) {
                return at(numeric.group(3), Integer.parseInt(numeric.group(2)), numeric.group(1), numeric, 4);
            }
            Matcher iso = ISO.matcher(value);
            if (iso.matches()) {
                return at(iso.group(1), Integer.parseInt(iso.group(2)), iso.group(3), iso, 4);
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Groups from {@code first}: hour, minute, second, zone. */
    private static Optional<Instant> at(String year, int month, String day, Matcher m, int first) {
        int hour = m.group(first) == null ? 0 : Integer.parseInt(m.group(first));
        int minute = m.group(first + 1) == null ? 0 : Integer.parseInt(m.group(first + 1));
        int second = m.group(first + 2) == null ? 0 : Integer.parseInt(m.group(first + 2));
        LocalDateTime local = LocalDateTime.of(Integer.parseInt(year), month, Integer.parseInt(day), hour, minute, second);
        String zone = m.group(first + 3);
        if (zone == null) return Optional.of(local.atZone(OSLO).toInstant());
        ZoneOffset offset = switch (zone) {
            case "z", "ut", "utc", "gmt" -> ZoneOffset.UTC;
            case "cet", "met" -> ZoneOffset.ofHours(1);
            case "cest", "mest" -> ZoneOffset.ofHours(2);
            default -> ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
        };
        return Optional.of(local.toInstant(offset));
    }
}
