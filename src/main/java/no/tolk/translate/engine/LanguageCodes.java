package no.tolk.translate.engine;

import java.util.Locale;

/**
 * Maps Tolk's ISO 639-1 codes to each service's own. Norwegian arrives as nb, nn or no; the
 * services know Bokmål as NB (DeepL), no (Google) and nb (Azure, LibreTranslate).
 */
public final class LanguageCodes {

    private LanguageCodes() {
    }

    static boolean norwegian(String code) {
        String c = base(code);
        return c.equals("nb") || c.equals("nn") || c.equals("no");
    }

    private static String normal(String code) {
        if (code == null || code.isBlank()) throw new IllegalArgumentException("language code is required");
        return code.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String base(String code) {
        String c = normal(code);
        int dash = c.indexOf('-');
        return dash < 0 ? c : c.substring(0, dash);
    }

    public static String deeplSource(String code) {
        return norwegian(code) ? "NB" : base(code).toUpperCase(Locale.ROOT);
    }

    /** @param englishVariant EN-GB or EN-US: DeepL wants a variant for an English target */
    public static String deeplTarget(String code, String englishVariant) {
        String c = normal(code);
        if (norwegian(c)) return "NB";
        if (c.equals("en")) return englishVariant.toUpperCase(Locale.ROOT);
        if (c.equals("pt")) return "PT-PT";
        return c.toUpperCase(Locale.ROOT);
    }

    /** Glossaries apply to a language, not a variant (an en glossary serves EN-GB and EN-US). */
    public static String deeplGlossary(String code) {
        return norwegian(code) ? "nb" : base(code);
    }

    public static String google(String code) {
        return norwegian(code) ? "no" : normal(code);
    }

    public static String azure(String code) {
        return norwegian(code) ? "nb" : normal(code);
    }

    public static String libreTranslate(String code) {
        return norwegian(code) ? "nb" : base(code);
    }

    /** A language name for a prompt: models follow "Norwegian Bokmål" better than "nb". */
    public static String name(String code) {
        String c = normal(code);
        if (base(c).equals("nn")) return "Norwegian Nynorsk";
        if (norwegian(c)) return "Norwegian Bokmål";
        if (c.equals("en-us")) return "English (American spelling)";
        if (c.equals("en") || c.equals("en-gb")) return "English (British spelling)";
        String name = Locale.forLanguageTag(c).getDisplayName(Locale.ENGLISH);
        return name.isBlank() ? c : name;
    }
}
