package no.tolk.publish.social;

import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;

/**
 * Writes the announcement of one article in one language for one channel:
 * <pre>
 * Title
 *
 * Lead, cut at a word boundary…
 *
 * https://example.org/en/article
 *
 * #tag #tag
 * </pre>
 * fitted to the channel's {@link LengthRule}. When space runs out the lead is cut at a word
 * boundary and ends in "…"; when fewer than {@value #MIN_EXCERPT_WORDS} words of it would remain,
 * hashtags are dropped from the end to make room, and if that is not enough the lead is left out.
 * Only then is the title cut, also at a word boundary. The URL is never cut.
 */
public final class PostComposer {

    static final String ELLIPSIS = "…";
    static final int MIN_EXCERPT_WORDS = 5;
    private static final String TRAILING_PUNCTUATION = ",;:-–—([{\"'«";

    private final Map<String, List<String>> hashtagsByLanguage;

    /** @param hashtagsByLanguage language code to hashtags, with or without the leading '#' */
    public PostComposer(Map<String, List<String>> hashtagsByLanguage) {
        this.hashtagsByLanguage = Map.copyOf(hashtagsByLanguage);
    }

    /** Parses a configured list such as {@code "nyheter, Norge #tolk"} into {@code [#nyheter, #Norge, #tolk]}. */
    public static List<String> hashtags(String configured) {
        if (configured == null || configured.isBlank()) return List.of();
        return Arrays.stream(configured.split("[,\\s]+"))
                .map(tag -> tag.replaceAll("[^\\p{L}\\p{M}\\p{N}_]", ""))
                .filter(tag -> !tag.isEmpty())
                .map(tag -> "#" + Normalizer.normalize(tag, Normalizer.Form.NFC))
                .distinct()
                .toList();
    }

    public SocialPost compose(Article article, URI url, SocialChannel channel) {
        return compose(article, url, channel.name(), channel.lengthRule());
    }

    public SocialPost compose(Article article, URI url, String channel, LengthRule rule) {
        Objects.requireNonNull(url, "url");
        String link = url.toString();
        String title = clean(article.title());
        String lead = clean(leadOf(article));
        List<String> tags = new ArrayList<>(hashtagsByLanguage.getOrDefault(article.language(), List.of()));

        String excerpt = fitExcerpt(title, lead, link, tags, rule);
        while (!tags.isEmpty() && (tooShort(excerpt, lead) || !rule.fits(layout(title, excerpt, link, tags)))) {
            tags.remove(tags.size() - 1);
            excerpt = fitExcerpt(title, lead, link, tags, rule);
        }
        if (tooShort(excerpt, lead)) excerpt = "";
        String fittedTitle = title;
        if (!rule.fits(layout(title, excerpt, link, tags))) {
            fittedTitle = cut(title, candidate -> rule.fits(layout(candidate, "", link, List.of())));
        }
        String text = layout(fittedTitle, excerpt, link, tags);
        if (!rule.fits(text)) {
            throw new IllegalArgumentException("the article URL alone exceeds " + channel + "'s limit of "
                    + rule.description() + ": " + link);
        }
        return new SocialPost(article.id(), article.revision(), channel, article.language(), fittedTitle, excerpt,
                url, tags, text, article.published());
    }

    private static String fitExcerpt(String title, String lead, String link, List<String> tags, LengthRule rule) {
        if (rule.fits(layout(title, lead, link, tags))) return lead;
        return cut(lead, candidate -> rule.fits(layout(title, candidate, link, tags)));
    }

    /** A stub of a few words says nothing; it is worth less than the hashtags, and than nothing. */
    private static boolean tooShort(String excerpt, String lead) {
        return !excerpt.equals(lead) && (excerpt.isBlank() || excerpt.strip().split("\\s+").length < MIN_EXCERPT_WORDS);
    }

    static String layout(String title, String excerpt, String link, List<String> tags) {
        List<String> paragraphs = new ArrayList<>();
        if (!title.isEmpty()) paragraphs.add(title);
        if (!excerpt.isEmpty()) paragraphs.add(excerpt);
        paragraphs.add(link);
        if (!tags.isEmpty()) paragraphs.add(String.join(" ", tags));
        return String.join("\n\n", paragraphs);
    }

    /**
     * The longest prefix of {@code text} that ends at a word boundary, followed by "…", that {@code fits};
     * empty when not even the first word fits. Lengths grow with the prefix, so a binary search suffices.
     */
    static String cut(String text, Predicate<String> fits) {
        List<Integer> wordEnds = new ArrayList<>();
        for (int i = 1; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i)) && !Character.isWhitespace(text.charAt(i - 1))) wordEnds.add(i);
        }
        String best = "";
        int low = 0;
        int high = wordEnds.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            String candidate = shortened(text, wordEnds.get(middle));
            if (!candidate.equals(ELLIPSIS) && fits.test(candidate)) {
                best = candidate;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return best;
    }

    private static String shortened(String text, int end) {
        String prefix = text.substring(0, end).strip();
        int keep = prefix.length();
        while (keep > 0 && TRAILING_PUNCTUATION.indexOf(prefix.charAt(keep - 1)) >= 0) keep--;
        return prefix.substring(0, keep).strip() + ELLIPSIS;
    }

    private static String leadOf(Article article) {
        if (article.lead() != null && !article.lead().isBlank()) return article.lead();
        return article.blocks().stream()
                .filter(block -> block.type() == BlockType.PARAGRAPH)
                .map(Block::text)
                .filter(text -> text != null && !text.isBlank())
                .findFirst()
                .orElse("");
    }

    private static String clean(String text) {
        if (text == null) return "";
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        return normalized.replaceAll("[\\p{Cc}\\s]+", " ").strip();
    }
}
