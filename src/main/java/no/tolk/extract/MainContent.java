package no.tolk.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the main content of any web page and strips the page chrome from it, without relying on a site's
 * markup conventions. The method is Mozilla Readability's (arc90): every paragraph of 25 characters or more
 * credits its ancestors with 1 + its commas + its length in hundreds (at most 3), the parent fully, the
 * grandparent half, higher ancestors a third per level; an ancestor's score is weighted by its tag and by
 * its class/id name parts and multiplied by (1 - link density); the best one is the candidate, and siblings
 * scoring at least a fifth of it (or holding the page's headline, lead, a picture or a plain paragraph) join
 * it. Inside the chosen root, blocks are dropped as in jusText and trafilatura: navigation elements, blocks
 * named as chrome, and blocks that are mostly link text.
 *
 * <p>Class and id names are split into parts ("content-sidebar-wrap" is content, sidebar, wrap) and matched
 * part by part, never as substrings, so "commentary" is not "comment"; state names ("no-sidebar",
 * "modal-enabled", "has-share") describe the page, not a region, and are ignored; and no element holding
 * most of the content is ever removed as chrome.
 */
final class MainContent {

    static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main", "aside", "header", "footer",
            "nav", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "tbody", "thead", "tr", "td", "th",
            "blockquote", "figure", "figcaption", "pre", "form", "hr", "address", "center", "details", "fieldset",
            "li", "dd", "dt", "picture", "video", "audio", "body");
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "td", "th", "center",
            "body", "form", "aside", "header", "blockquote", "li", "dd", "span", "font");
    private static final String NEVER_CONTENT = "script, style, template, svg, iframe, object, embed, canvas, button,"
            + " input, select, textarea, option, dialog, link, meta, [hidden], [aria-hidden=true], [style*=display:none],"
            + " [style*=display: none]";
    private static final String CHROME_ELEMENTS = "nav, aside, footer, form, menu, [role=navigation], [role=banner],"
            + " [role=contentinfo], [role=complementary], [role=dialog], [role=search], [role=alertdialog]";

    /** Name parts that mark a region as page chrome (several languages, as sites name them). */
    private static final Set<String> CHROME_PARTS = Set.of(
            "cookie", "cookies", "consent", "gdpr", "newsletter", "nyhetsbrev", "subscribe", "subscription",
            "abonnement", "share", "sharing", "sharer", "social", "some", "breadcrumb", "breadcrumbs", "brodsmuler",
            "crumbs", "related", "relaterte", "relatert", "recommended", "anbefalt", "comment", "comments",
            "kommentar", "kommentarer", "disqus", "sidebar", "sidebars", "menu", "meny", "navbar", "nav",
            "navigation", "popup", "modal", "overlay", "advert", "advertisement", "ad", "ads", "annonse", "banner",
            "sponsor", "sponsored", "promo", "promotion", "teaser", "teasers", "widget", "widgets", "paywall",
            "login", "signin", "skip", "skiplink", "footer", "masthead", "toolbar", "tools", "print", "pagination",
            "pager", "prevnext", "next", "prev", "previous", "tags", "tagcloud", "categories", "category",
            "author", "authorbox", "bio", "byline", "meta", "postmeta", "readtime", "readingtime", "contact",
            "kontakt", "search", "sok", "rss", "follow", "donate", "outbrain", "taboola", "lesmer", "more",
            "mestlest", "mostread", "popular", "trending", "latest", "siste", "archive", "arkiv", "alert", "notice",
            "shoutbox", "sitefooter", "topbar", "bottombar", "newsticker", "ticker", "date", "dateline", "timestamp",
            "respond", "reply", "replies", "discussion", "debatt", "forum", "feedback", "rating", "reactions",
            "signup", "cta", "callout", "upsell", "offer", "sticky", "flyout", "drawer", "lightbox",
            "utility", "utilities", "actions", "socialmedia", "sosiale", "del", "skrivut", "links", "lenker");
    /** Name parts that mark the article itself; a name with one of them is never chrome. */
    private static final Set<String> CONTENT_PARTS = Set.of(
            "content", "article", "artikkel", "post", "entry", "hentry", "main", "body", "text", "story", "blog",
            "brodtekst", "brødtekst", "innhold", "inhalt", "contenu", "innehall", "single", "prose", "rte",
            "richtext", "editor", "wysiwyg");
    /** Prefixes and suffixes of state names that describe the page or a toggle, not a region. */
    private static final Pattern STATE_NAME = Pattern.compile(
            "(?i)^(no|has|is|with|without|hide|show|js|enable|disable|use)-.*|.*-(enabled|disabled|active|open|closed|visible|hidden|on|off|loaded)$");
    private static final Pattern NAME_SPLIT = Pattern.compile("[-_\\s:./]+|(?<=[a-z])(?=[A-Z])");
    private static final Set<String> NEGATIVE_SCORE_PARTS = Set.of(
            "comment", "comments", "kommentar", "kommentarer", "sidebar", "related", "relaterte", "footer", "share",
            "social", "widget", "promo", "sponsor", "banner", "ad", "ads", "advert", "meta", "tags", "teaser",
            "teasers", "nav", "menu", "newsletter", "cookie", "consent", "paywall", "contact", "author", "bio",
            "mostread", "mestlest", "popular", "latest", "archive", "masthead", "byline");
    private static final Set<String> POSITIVE_SCORE_PARTS = Set.of(
            "article", "artikkel", "body", "content", "entry", "hentry", "main", "post", "text", "blog", "story",
            "brodtekst", "innhold", "inhalt", "contenu", "prose", "rte", "richtext");
    private static final Set<String> LEAD_PARTS = Set.of("ingress", "lead", "intro", "standfirst", "preamble",
            "summary", "kicker", "deck", "dek", "subtitle", "underrubrikk", "undertittel", "teaser-text");
    private static final int MIN_PARAGRAPH = 25;

    private MainContent() {
    }

    /**
     * The element holding the page's article, with the chrome inside it removed. Changes {@code page}
     * (elements that can never be content are removed, inline runs are wrapped in paragraphs). Falls back to
     * the body when the page has no paragraph of text.
     */
    static Element find(Document page) {
        Element body = page.body();
        prepare(page);
        Element headline = headline(page);
        Candidate candidate = topCandidate(body);
        Element top = candidate == null ? null : candidate.top();
        Element root = top == null ? body : joinSiblings(page, candidate, headline);
        stripChrome(root, top, headline);
        return root;
    }

    /** Removes what is never article text and gives loose text its own paragraphs. */
    static void prepare(Document page) {
        page.select(NEVER_CONTENT).remove();
        for (Element noscript : page.body().select("noscript")) {
            // a page rendered by script keeps its article (or its picture) for readers without script in noscript
            if (noscript.children().isEmpty()) noscript.remove();
            else noscript.unwrap();
        }
        List<Element> all = new ArrayList<>(page.body().select("*"));
        for (Element element : all) {
            String tag = element.normalName();
            if (tag.equals("p") && hasDoubleBreak(element)) {
                element.tagName("div");
                wrapInlineRuns(element);
            } else if (CONTAINERS.contains(tag) && (hasDoubleBreak(element) || (hasBlockChild(element) && hasLooseText(element)))) {
                wrapInlineRuns(element);
            }
        }
    }

    private static boolean hasBlockChild(Element element) {
        for (Element child : element.children()) {
            if (BLOCK_TAGS.contains(child.normalName())) return true;
        }
        return false;
    }

    private static boolean hasLooseText(Element element) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text && !text.isBlank()) return true;
            if (child instanceof Element e && !BLOCK_TAGS.contains(e.normalName()) && !e.normalName().equals("br") && e.hasText()) return true;
        }
        return false;
    }

    private static boolean hasDoubleBreak(Element element) {
        Node previous = null;
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text && text.isBlank()) continue;
            if (isBreak(child) && isBreak(previous)) return true;
            previous = child;
        }
        return false;
    }

    private static boolean isBreak(Node node) {
        return node instanceof Element e && e.normalName().equals("br");
    }

    /**
     * Wraps each run of inline content (text, links, emphasis) between block children and between double
     * line breaks in its own paragraph: how blogs written with {@code <br>} and text loose in a div or table
     * cell become paragraphs, as Readability does.
     */
    private static void wrapInlineRuns(Element element) {
        List<Node> run = new ArrayList<>();
        List<Node> children = new ArrayList<>(element.childNodes());
        for (int i = 0; i < children.size(); i++) {
            Node child = children.get(i);
            if (child instanceof Element e && BLOCK_TAGS.contains(e.normalName())) {
                wrap(run);
            } else if (isBreak(child) && nextIsBreak(children, i)) {
                wrap(run);
                child.remove();
            } else if (isBreak(child) && isBoldLine(run)) {
                // "<b>Subheading</b><br>text": the bold line is a heading of its own
                wrap(run);
                child.remove();
            } else {
                run.add(child);
            }
        }
        wrap(run);
    }

    private static boolean isBoldLine(List<Node> run) {
        boolean bold = false;
        for (Node node : run) {
            if (node instanceof TextNode text) {
                if (!text.isBlank()) return false;
            } else if (isBreak(node)) {
                continue;
            } else if (node instanceof Element e && (e.normalName().equals("b") || e.normalName().equals("strong"))) {
                bold |= e.hasText();
            } else {
                return false;
            }
        }
        return bold;
    }

    private static boolean nextIsBreak(List<Node> children, int index) {
        for (int j = index + 1; j < children.size(); j++) {
            Node next = children.get(j);
            if (next instanceof TextNode text && text.isBlank()) continue;
            return isBreak(next);
        }
        return false;
    }

    private static void wrap(List<Node> run) {
        while (!run.isEmpty() && (isBreak(run.get(0)) || run.get(0) instanceof TextNode t && t.isBlank())) run.remove(0).remove();
        while (!run.isEmpty() && (isBreak(run.get(run.size() - 1)) || run.get(run.size() - 1) instanceof TextNode t && t.isBlank())) {
            run.remove(run.size() - 1).remove();
        }
        if (run.isEmpty()) return;
        boolean meaningful = run.stream().anyMatch(node -> node instanceof TextNode t ? !t.isBlank()
                : node instanceof Element e && (e.hasText() || !e.select("img").isEmpty()));
        if (meaningful) {
            Element paragraph = new Element("p");
            run.get(0).before(paragraph);
            for (Node node : run) paragraph.appendChild(node);
        }
        run.clear();
    }

    /** Readability's top candidate: the ancestor that the page's paragraphs credit most, or null. */
    private static Candidate topCandidate(Element body) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element paragraph : body.select("p, pre, td, li, blockquote, div, section, article, dd")) {
            String tag = paragraph.normalName();
            boolean proper = tag.equals("p") || tag.equals("pre");
            if (!proper && hasBlockChild(paragraph)) continue;
            String text = paragraph.text();
            if (text.length() < MIN_PARAGRAPH) continue;
            double score = 1 + commas(text) + Math.min(text.length() / 100.0, 3);
            if (!proper) score *= 0.5;
            Element ancestor = paragraph.parent();
            for (int level = 0; ancestor != null && level < 5; level++, ancestor = ancestor.parent()) {
                if (ancestor.normalName().equals("html")) break;
                double credit = score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
                Double known = scores.get(ancestor);
                scores.put(ancestor, (known == null ? initialScore(ancestor) : known) + credit);
            }
        }
        Element top = null;
        double best = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            double score = entry.getValue() * (1 - linkDensity(entry.getKey()));
            entry.setValue(score);
            if (score > best) {
                top = entry.getKey();
                best = score;
            }
        }
        return best > 0 ? new Candidate(top, best, scores) : null;
    }

    private record Candidate(Element top, double best, Map<Element, Double> scores) {
    }

    private static double initialScore(Element element) {
        double score = switch (element.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form", "aside", "nav", "footer" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return score + nameWeight(element);
    }

    /**
     * +25 for a name of the article's vocabulary, -25 for chrome (both may apply), as Readability's class
     * weight but matched by name parts.
     */
    static double nameWeight(Element element) {
        double weight = 0;
        boolean chrome = false;
        boolean content = false;
        for (String name : namesOf(element)) {
            if (STATE_NAME.matcher(name).matches()) continue;
            List<String> parts = parts(name);
            if (parts.stream().anyMatch(CHROME_PARTS::contains)) chrome = true;
            else if (parts.stream().anyMatch(CONTENT_PARTS::contains)) content = true;
        }
        if (chrome) weight -= 25;
        if (content) weight += 25;
        return weight;
    }

    /** Lower-case parts of the element's id and class names, without state names ("no-sidebar"). */
    static List<String> nameParts(Element element) {
        List<String> parts = new ArrayList<>();
        for (String name : namesOf(element)) {
            if (!STATE_NAME.matcher(name).matches()) parts.addAll(parts(name));
        }
        return parts;
    }

    private static List<String> parts(String name) {
        List<String> parts = new ArrayList<>();
        for (String part : NAME_SPLIT.split(name)) {
            if (!part.isEmpty()) parts.add(part.toLowerCase(Locale.ROOT));
        }
        return parts;
    }

    /**
     * Whether one of the element's names has a chrome part ("related-posts", "entry-meta", "share-zone");
     * state names ("no-sidebar", "modal-enabled") and whole words that only contain one ("commentary") do not count.
     */
    static boolean isChromeByName(Element element) {
        String tag = element.normalName();
        if (tag.equals("body") || tag.equals("main") || tag.equals("html")) return false;
        for (String name : namesOf(element)) {
            if (STATE_NAME.matcher(name).matches()) continue;
            if (parts(name).stream().anyMatch(CHROME_PARTS::contains)) return true;
        }
        return false;
    }

    private static List<String> namesOf(Element element) {
        if (element.id().isEmpty() && !element.hasAttr("class")) return List.of();
        List<String> names = new ArrayList<>(element.classNames());
        if (!element.id().isEmpty()) names.add(element.id());
        return names;
    }

    /**
     * Readability's sibling step: siblings of the candidate that score at least a fifth of it (10 at least),
     * paragraphs of plain text, and the blocks that carry the story's headline, lead and picture join it; the
     * rest of the parent is dropped. Wrappers around the candidate are climbed freely; after the first join,
     * climbing goes on only for the headline, the lead or a sibling with substantial text.
     */
    private static Element joinSiblings(Document page, Candidate candidate, Element headline) {
        Element root = candidate.top();
        double threshold = Math.max(10, candidate.best() * 0.2);
        boolean joinedBefore = false;
        for (int level = 0; level < 8; level++) {
            Element parent = root.parent();
            if (parent == null || parent.normalName().equals("html")) break;
            int rootLength = root.text().length();
            if (parent.text().length() == rootLength) {
                root = parent;
                continue;
            }
            List<Element> keep = new ArrayList<>();
            boolean substantial = false;
            for (Element sibling : parent.children()) {
                if (sibling == root) continue;
                if (joinsArticle(sibling, root, threshold, candidate.scores(), headline)) {
                    keep.add(sibling);
                    substantial |= candidate.scores().getOrDefault(sibling, 0.0) >= threshold
                            || (headline != null && isInside(headline, sibling)) || isLead(sibling);
                }
            }
            if (keep.isEmpty() || (joinedBefore && !substantial)) break;
            for (Element sibling : new ArrayList<>(parent.children())) {
                if (sibling != root && !keep.contains(sibling)) sibling.remove();
            }
            root = parent;
            joinedBefore = true;
        }
        return root;
    }

    private static boolean isLead(Element element) {
        for (String part : nameParts(element)) {
            if (LEAD_PARTS.contains(part)) return true;
        }
        return false;
    }

    private static boolean joinsArticle(Element sibling, Element root, double threshold, Map<Element, Double> scores, Element headline) {
        if (isChromeByName(sibling) || sibling.is(CHROME_ELEMENTS)) return false;
        double score = scores.getOrDefault(sibling, 0.0);
        if (!root.className().isEmpty() && sibling.className().equals(root.className())) score += threshold;
        if (score >= threshold) return true;
        if (headline != null && isInside(headline, sibling) && sibling.text().length() < 400) return true;
        String tag = sibling.normalName();
        String text = sibling.text();
        double links = linkDensity(sibling);
        if (tag.equals("p") || tag.equals("blockquote") || tag.matches("h[2-6]") || tag.equals("ul") || tag.equals("ol")) {
            if (text.length() > 80 && links < 0.25) return true;
            if (!text.isEmpty() && text.length() <= 80 && links == 0 && (text.contains(". ") || text.endsWith("."))) return true;
        }
        if (tag.equals("figure") || tag.equals("picture") || (tag.equals("img"))) return true;
        // byline and date lines between the headline and the text
        if (sibling.elementSiblingIndex() < root.elementSiblingIndex() && !text.isEmpty() && text.length() < 160 && links < 0.5
                && headline != null && isInside(headline, root.parent()) && !isInside(headline, root)) return true;
        if (!sibling.select("figure").isEmpty() && text.length() < 300 && links < 0.3) return true;
        return isLead(sibling) && text.length() < 800;
    }

    /** The first h1, when its text is in the page's title (a site name in h1 is not the headline). */
    private static Element headline(Document page) {
        String title = Text.key(page.title() + " " + metaContent(page, "meta[property=og:title]"));
        for (Element h1 : page.body().select("h1")) {
            String text = Text.key(h1.text());
            if (!text.isEmpty() && title.contains(text)) return h1;
        }
        return null;
    }

    private static String metaContent(Document page, String selector) {
        Element meta = page.selectFirst(selector);
        return meta == null ? "" : meta.attr("content");
    }

    private static boolean isInside(Element element, Element ancestor) {
        for (Element at = element; at != null; at = at.parent()) {
            if (at == ancestor) return true;
        }
        return false;
    }

    /**
     * Removes chrome inside the root: navigation elements and regions named as chrome, and blocks whose text
     * is mostly links (jusText's link density, 0.5). Never an element that holds the top candidate or the
     * headline, nor one holding most of the root's text.
     */
    static void stripChrome(Element root, Element top, Element headline) {
        int rootText = root.text().length();
        for (Element element : new ArrayList<>(root.select("*"))) {
            if (element == root || element.parent() == null || !isInside(element, root)) continue;
            boolean chrome = element.is(CHROME_ELEMENTS) || isChromeByName(element) || isTeaser(element)
                    || (element.normalName().equals("header") && element.select("h1, h2, time, img").isEmpty());
            if (chrome && !isProtected(element, top, headline, rootText)) element.remove();
        }
        for (Element element : new ArrayList<>(root.select("div, section, ul, ol, dl, p, table, li, span, header, center, h2, h3, h4"))) {
            if (element == root || element.parent() == null || !isInside(element, root)) continue;
            String text = element.text();
            if (text.isEmpty() || isProtected(element, top, headline, rootText)) continue;
            double links = linkDensity(element);
            if (links > 0.5 && (text.length() < 600 || links > 0.8)) element.remove();
        }
    }

    /** At least this many teaser cards make a page a front page or list of stories (when it has no story of its own). */
    static final int FRONT_PAGE_MIN_TEASERS = 8;
    /** A story of its own has at least this many words of running text outside the teasers. */
    private static final int OWN_STORY_MIN_WORDS = 120;

    /**
     * The number of teaser cards ({@link #isTeaser}: a headline that links to another page, with at most a short
     * summary) when the page is a front page or a section's list of stories: at least
     * {@value #FRONT_PAGE_MIN_TEASERS} cards and fewer than {@value #OWN_STORY_MIN_WORDS} words of running text
     * (paragraphs of ten words or more) outside them, navigation and footers; 0 for an article page, whose
     * related-story cards stand beside a story of its own. Call before {@link #find}, which removes teasers.
     */
    static int frontPageTeasers(Document page) {
        if (page.body() == null) return 0;
        List<Element> teasers = new ArrayList<>();
        for (Element element : page.body().select("article, li, div, section")) {
            if (!isTeaser(element)) continue;
            teasers.removeIf(outer -> isInside(element, outer)); // the innermost card counts, once
            if (teasers.stream().noneMatch(inner -> isInside(inner, element))) teasers.add(element);
        }
        if (teasers.size() < FRONT_PAGE_MIN_TEASERS) return 0;
        int ownWords = 0;
        for (Element paragraph : page.body().select("p, div, td, li, blockquote")) {
            if (!paragraph.select("p, div, td, li, blockquote").stream().allMatch(inner -> inner == paragraph)) continue; // innermost blocks only
            int words = Text.wordCount(paragraph.text());
            if (words >= 10 && teasers.stream().noneMatch(teaser -> isInside(paragraph, teaser))
                    && paragraph.parents().stream().noneMatch(parent -> parent.is(CHROME_ELEMENTS))) {
                ownWords += words;
            }
        }
        return ownWords < OWN_STORY_MIN_WORDS ? teasers.size() : 0;
    }

    /** A teaser card: a block whose headline is a link to another page, with at most a short summary. */
    private static boolean isTeaser(Element element) {
        String tag = element.normalName();
        if (!tag.equals("article") && !tag.equals("li") && !tag.equals("div") && !tag.equals("section")) return false;
        Element heading = element.selectFirst("h2, h3, h4, h5");
        if (heading == null || heading.text().isEmpty()) return false;
        Element link = heading.selectFirst("a[href]");
        if (link == null && heading.parent() != null && heading.parent().normalName().equals("a")) link = heading.parent();
        if (link == null || link.text().length() < heading.text().length() * 0.9) return false;
        return element.text().length() < 400 && element.select("p").size() <= 2;
    }

    private static boolean isProtected(Element element, Element top, Element headline, int rootText) {
        if (top != null && isInside(top, element)) return true;
        if (headline != null && isInside(headline, element)) return true;
        return holdsMost(element, rootText);
    }

    private static boolean holdsMost(Element element, int rootText) {
        return rootText > 0 && element.text().length() > rootText * 0.5 && linkDensity(element) < 0.5;
    }

    /** Share of the element's text that is link text (0-1). */
    static double linkDensity(Element element) {
        int length = element.text().length();
        if (length == 0) return 0;
        int links = 0;
        for (Element link : element.select("a")) links += link.text().length();
        return Math.min(1.0, (double) links / length);
    }

    private static int commas(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '،' || c == '，') count++;
        }
        return count;
    }
}
