package no.tolk.publish.cms;

import java.util.Locale;

/**
 * The languages Tolk publishes in (Bokmål {@code nb}, Nynorsk {@code nn}, English {@code en}, and any other
 * two- or three-letter code a translation may have), with the names a reader sees in a language switcher.
 */
public final class Language {

    private Language() {
    }

    /** The language's own name, as a switcher shows it: {@code Bokmål} (not "Norsk": Nynorsk is Norwegian too), {@code Nynorsk}, {@code English}; else the code. */
    public static String label(String code) {
        return switch (normalise(code)) {
            case "nb" -> "Bokmål";
            case "nn" -> "Nynorsk";
            case "en" -> "English";
            default -> code;
        };
    }

    /** A link text inviting a reader to the version in this language, in that language: {@code Les på nynorsk}. */
    public static String readIn(String code) {
        return switch (normalise(code)) {
            case "nb" -> "Les på bokmål";
            case "nn" -> "Les på nynorsk";
            case "en" -> "Read in English";
            default -> label(code);
        };
    }

    /** Whether the code is one of the two written standards of Norwegian ({@code nb}, {@code nn}). */
    public static boolean norwegian(String code) {
        String normal = normalise(code);
        return normal.equals("nb") || normal.equals("nn");
    }

    /**
     * {@code no}, {@code nob} and {@code nb-NO} are treated as Bokmål, {@code nno} and {@code nn-NO} as Nynorsk (ISO 639-2
     * and BCP 47 forms); everything else is lower-cased.
     */
    public static String normalise(String code) {
        if (code == null || code.isBlank()) throw new IllegalArgumentException("article language is required");
        String lower = code.strip().toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "no", "nob", "nb-no", "no-nb" -> "nb";
            case "nno", "nn-no", "no-nn" -> "nn";
            case "en-gb", "en-us", "eng" -> "en";
            default -> {
                if (!lower.matches("[a-z]{2,3}")) throw new IllegalArgumentException("unsupported language code: " + code);
                yield lower;
            }
        };
    }
}
