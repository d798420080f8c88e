package no.tolk.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as Norwegian sites write them: "13. mai 2024", "05.04.2019", "2024-05-13T10:00:00+02:00". */
public final class NorwegianDates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januar", 1), Map.entry("jan", 1), Map.entry("january", 1),
            Map.entry("februar", 2), Map.entry("feb", 2), Map.entry("february", 2),
            Map.entry("mars", 3), Map.entry("mar", 3), Map.entry("march", 3),
            Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("mai", 5), Map.entry("may", 5),
            Map.entry("juni", 6), Map.entry("jun", 6), Map.entry("june", 6),
            Map.entry("juli", 7), Map.entry("jul", 7), Map.entry("july", 7),
            Map.entry("august", 8), Map.entry("aug", 8),
            Map.entry("september", 9), Map.entry("sep", 9), Map.entry("sept", 9),
            Map.entry("oktober", 10), Map.entry("okt", 10), Map.entry("october", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nov", 11),
            Map.entry("desember", 12), Map.entry("des", 12), Map.entry("december", 12), Map.entry("dec", 12));

    private static final Pattern WRITTEN = Pattern.compile(
            "(?iu)\\b(\\d{1,2})\\.?\\s+(\\p{L}{3,9})\\.?\\s+(\\d{4})\\b");
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})\\b");
    private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");

    /** The month (1-12) a Norwegian or English month name or abbreviation names ("mai", "okt", "october"), or null. */
    public static Integer month(String name) {
        return name == null ? null : MONTHS.get(name.toLowerCase(Locale.ROOT));
    }

    /** Weekday names (Bokmål, Nynorsk, English), times of day and joining words that may stand around a date. */
    private static final Pattern AROUND_A_DATE = Pattern.compile(
            "(?iu)\\b(?:mandag|måndag|tirsdag|tysdag|onsdag|torsdag|fredag|lørdag|laurdag|søndag|sundag"
                    + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday|man|tir|tys|ons|tor|fre|lør|lau|søn"
                    + "|kl|klokka|klokken|den|at|cet|cest|utc|gmt)\\b\\.?|\\b\\d{1,2}[:.]\\d{2}\\b|[-–—,|/()]");

    private static final Pattern ISO_TIME = Pattern.compile("T\\d{2}:\\d{2}(:\\d{2})?([+-]\\d{2}:?\\d{2}|Z)?");

    private NorwegianDates() {
    }

    /**
     * Whether a line says nothing but a date, as pages print it without a label: "mandag 10. januar 2022",
     * "10.01.2022 kl. 14.05", "10. jan. 2022", "2022-01-10 14:05". Weekday, time of day and separators may
     * stand around the date; any other word makes it a sentence, not a date line.
     */
    public static boolean isDateLine(String text) {
        if (text == null || text.length() > 60 || text.chars().noneMatch(Character::isDigit) || parse(text).isEmpty()) return false;
        String rest = WRITTEN.matcher(text).replaceAll(" ");
        rest = NUMERIC.matcher(rest).replaceAll(" ");
        rest = ISO.matcher(rest).replaceAll(" ");
        rest = ISO_TIME.matcher(rest).replaceAll(" ");
        rest = AROUND_A_DATE.matcher(rest).replaceAll(" ");
        return rest.isBlank();
    }

    public static Optional<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String value = text.strip();
        if (value.length() >= 16 && value.charAt(4) == '-' && value.charAt(10) == 'T') { // only then can it be ISO 8601
            try {
                return Optional.of(OffsetDateTime.parse(value).toLocalDate());
            } catch (DateTimeParseException ignored) {
                // not a full timestamp; try the written forms
            }
        }
        Matcher iso = ISO.matcher(value);
        if (iso.find()) return date(iso.group(1), iso.group(2), iso.group(3));
        Matcher written = WRITTEN.matcher(value);
        while (written.find()) {
            Integer month = MONTHS.get(written.group(2).toLowerCase(Locale.ROOT));
            if (month != null) return date(written.group(3), month.toString(), written.group(1));
        }
        Matcher numeric = NUMERIC.matcher(value);
        if (numeric.find()) {
            String year = numeric.group(3).length() == 2 ? "20" + numeric.group(3) : numeric.group(3);
            return date(year, numeric.group(2), numeric.group(1));
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
