package no.tolk.publish.cms;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs from titles: lower-case ASCII words joined by hyphens, Norwegian letters spelled out. */
public final class Slug {

    static final int MAX_LENGTH = 80;
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    private Slug() {
    }

    /**
     * {@code "Blåbær på Røros"} becomes {@code "blabaer-pa-roros"}; a title without letters or digits gives {@code "artikkel"}.
     * Markup in a title is not words of it: {@code "<script>alert(1)</script>Blåbær"} gives {@code "blabaer"}, as the
     * title's text (what a reader sees once it is escaped) stripped of tags and of script, style and similar elements with
     * their content, read by jsoup as a browser would.
     */
    public static String of(String title) {
        if (title == null) return "artikkel";
        String lower = textOf(title).toLowerCase(Locale.ROOT)
                .replace("æ", "ae").replace("ø", "o").replace("å", "a")
                .replace("ß", "ss");
        String ascii = COMBINING_MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        String slug = trimHyphens(NOT_SLUG.matcher(ascii).replaceAll("-"));
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = trimHyphens(slug.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH));
        }
        return slug.isEmpty() ? "artikkel" : slug;
    }

    /** The text of a title that may hold markup; the title itself when it holds none. */
    static String textOf(String title) {
        if (title.indexOf('<') < 0) return title;
        org.jsoup.nodes.Document fragment = org.jsoup.Jsoup.parseBodyFragment(title);
        fragment.select("script, style, noscript, template, iframe, object, embed, svg, math, textarea, title").remove();
        return fragment.body().text();
    }

    /** True for strings {@link #of} could have produced (guards file names taken from stored ids). */
    public static boolean isValid(String slug) {
        return slug != null && !slug.isEmpty() && slug.length() <= MAX_LENGTH + 4 && slug.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    private static String trimHyphens(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') start++;
        while (end > start && text.charAt(end - 1) == '-') end--;
        return text.substring(start, end);
    }
}
