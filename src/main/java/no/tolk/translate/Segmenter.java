package no.tolk.translate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.article.Image;

/**
 * Cuts an article into segments ({@code title}, {@code lead}, {@code b0}, {@code b1}, ..., then each
 * image's {@code img0-alt} and {@code img0-caption}, then {@code tag0}, {@code tag1}, ...: everything a reader sees) and protects
 * inline markup, links and do-not-translate names with placeholders. Glossary terms are protected too
 * (replaced by their translation) for engines that cannot take a glossary.
 */
public final class Segmenter {

    private static final Pattern MARKUP = Pattern.compile(
            "</?[A-Za-z][A-Za-z0-9]*(?:\\s[^<>]*)?/?>|https?://[^\\s<>\"]+[^\\s<>\".,;:!?)]|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern CAPITALISED_NAME = Pattern.compile("\\b\\p{Lu}[\\p{Ll}'-]+(?:\\s+\\p{Lu}[\\p{Ll}'-]+)+");

    private Segmenter() {
    }

    /** Configured names, the article's author and capitalised multi-word names in its captions. */
    public static Set<String> protectedTerms(Article article, Set<String> configured) {
        Set<String> terms = new LinkedHashSet<>(configured);
        if (article.author() != null && !article.author().isBlank()) terms.add(article.author().strip());
        for (Block block : article.blocks()) {
            if (block.type() == BlockType.CAPTION) {
                Matcher names = CAPITALISED_NAME.matcher(block.text());
                while (names.find()) terms.add(names.group());
            }
        }
        return terms;
    }

    public static List<ProtectedSegment> segments(Article article, Set<String> protectedTerms, Map<String, String> glossaryToEnforce) {
        List<ProtectedSegment> segments = new ArrayList<>();
        if (article.title() != null && !article.title().isBlank()) {
            segments.add(protect("title", article.title(), protectedTerms, glossaryToEnforce));
        }
        if (article.lead() != null && !article.lead().isBlank()) {
            segments.add(protect("lead", article.lead(), protectedTerms, glossaryToEnforce));
        }
        for (int i = 0; i < article.blocks().size(); i++) {
            segments.add(protect("b" + i, article.blocks().get(i).text(), protectedTerms, glossaryToEnforce));
        }
        for (int i = 0; i < article.images().size(); i++) {
            Image image = article.images().get(i);
            if (image.alt() != null && !image.alt().isBlank()) {
                segments.add(protect(imageAltId(i), image.alt(), protectedTerms, glossaryToEnforce));
            }
            if (image.caption() != null && !image.caption().isBlank()) {
                segments.add(protect(imageCaptionId(i), image.caption(), protectedTerms, glossaryToEnforce));
            }
        }
        for (int i = 0; i < article.tags().size(); i++) {
            String tag = article.tags().get(i);
            if (tag != null && !tag.isBlank()) segments.add(protect(tagId(i), tag, protectedTerms, glossaryToEnforce));
        }
        return segments;
    }

    /** Segment id of image {@code i}'s alternative text. */
    public static String imageAltId(int i) {
        return "img" + i + "-alt";
    }

    /** Segment id of image {@code i}'s caption. */
    public static String imageCaptionId(int i) {
        return "img" + i + "-caption";
    }

    /** Segment id of tag {@code i}. */
    public static String tagId(int i) {
        return "tag" + i;
    }

    /**
     * What each segment is, for the people translating it: its kind (title, lead, heading, paragraph,
     * quote, caption, list, alt-text, image-caption, tag), a one-line description and what each
     * placeholder stands for.
     */
    public static Map<String, SegmentContext> context(Article article, List<ProtectedSegment> segments) {
        Map<String, SegmentContext> context = new LinkedHashMap<>();
        for (ProtectedSegment segment : segments) {
            String id = segment.id();
            String kind;
            String description;
            if (id.equals("title")) {
                kind = "title";
                description = "The article's title (headline).";
            } else if (id.equals("lead")) {
                kind = "lead";
                description = "The lead (standfirst): the summary shown under the title, in listings and on social media.";
            } else if (id.matches("b\\d+")) {
                Block block = article.blocks().get(Integer.parseInt(id.substring(1)));
                kind = block.type() == BlockType.LIST ? "list" : block.type().jsonName();
                description = switch (block.type()) {
                    case HEADING -> "A subheading in the article body.";
                    case QUOTE -> "A quotation: keep it as the person's words.";
                    case CAPTION -> "A picture caption in the article body.";
                    case LIST -> "A list: one item per line; keep the line breaks.";
                    case PARAGRAPH -> "A paragraph of the article body.";
                };
            } else if (id.endsWith("-alt")) {
                kind = "alt-text";
                description = "Alternative text of a picture (read aloud by screen readers; describe the picture).";
            } else if (id.endsWith("-caption")) {
                kind = "image-caption";
                description = "The caption under a picture.";
            } else if (id.startsWith("tag")) {
                kind = "tag";
                description = "A tag (keyword) of the article: a short noun phrase, no full stop.";
            } else {
                kind = "text";
                description = null;
            }
            context.put(id, new SegmentContext(kind, description, segment.placeholders()));
        }
        return context;
    }

    static ProtectedSegment protect(String id, String source, Set<String> protectedTerms, Map<String, String> glossary) {
        List<Span> candidates = new ArrayList<>();
        Matcher markup = MARKUP.matcher(source);
        while (markup.find()) candidates.add(new Span(markup.start(), markup.end(), markup.group(), 0));
        for (String term : protectedTerms) {
            if (!source.contains(term)) continue;
            Matcher matcher = WholeWords.exact(term).matcher(source);
            while (matcher.find()) candidates.add(new Span(matcher.start(), matcher.end(), matcher.group(), 1));
        }
        String lowerSource = source.toLowerCase(java.util.Locale.ROOT);
        glossary.forEach((term, translation) -> {
            if (!lowerSource.contains(term.toLowerCase(java.util.Locale.ROOT))) return;
            Matcher matcher = WholeWords.ignoringCase(term).matcher(source);
            while (matcher.find()) candidates.add(new Span(matcher.start(), matcher.end(), translation, 2));
        });
        candidates.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::length).reversed())
                .thenComparingInt(Span::priority));
        StringBuilder text = new StringBuilder();
        Map<String, String> placeholders = new LinkedHashMap<>();
        int last = 0;
        for (Span span : candidates) {
            if (span.start() < last) continue;
            String number = String.valueOf(placeholders.size() + 1);
            text.append(source, last, span.start()).append("<x id=\"").append(number).append("\"/>");
            placeholders.put(number, span.replacement());
            last = span.end();
        }
        text.append(source.substring(last));
        return new ProtectedSegment(id, source, text.toString(), placeholders);
    }

    private record Span(int start, int end, String replacement, int priority) {
        int length() {
            return end - start;
        }
    }
}
