package no.tolk.publish.cms;

import java.util.Locale;

/** The two languages Tolk publishes in, with the names a reader sees in a language switcher. */
public final class Language {

    private Language() {
    }

    public static String label(String code) {
        return switch (normalise(code)) {
            case "nb" -> "Norsk";
            case "en" -> "English";
            default -> code;
        };
    }

    /** {@code no} and {@code nob} are treated as Bokmål; everything else is lower-cased. */
    public static String normalise(String code) {
        if (code == null || code.isBlank()) throw new IllegalArgumentException("article language is required");
        String lower = code.strip().toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "no", "nob", "nb-no", "no-nb" -> "nb";
            case "en-gb", "en-us", "eng" -> "en";
            default -> {
                if (!lower.matches("[a-z]{2,3}")) throw new IllegalArgumentException("unsupported language code: " + code);
                yield lower;
            }
        };
    }
}
