package no.tolk.translate.xliff;

import java.util.Locale;

/**
 * The XLIFF version Tolk writes its request files in ({@code tolk.translate.xliff.version}). 1.2 is the
 * default because every CAT tool imports it (Debian's OmegaT 3.6 reads nothing else); 2.0 on request.
 * Returned files are read in any of 1.2, 2.0, 2.1, SDLXLIFF and MQXLIFF whatever this says.
 */
public enum XliffVersion {
    V1_2("1.2"), V2_0("2.0");

    private final String label;

    XliffVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** "1.2", "2.0" or "2" (blank = 1.2). @throws IllegalArgumentException for anything else, naming the choices */
    public static XliffVersion parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "1.2", "1" -> V1_2;
            case "2.0", "2" -> V2_0;
            default -> throw new IllegalArgumentException("tolk.translate.xliff.version is '" + value
                    + "'; use 1.2 (the default, read by every CAT tool) or 2.0");
        };
    }
}
