package no.tolk.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tolk.article.Image;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Reads structure from markup: saved web pages (with their chrome removed) and the XHTML
 * that Tika renders from office documents (styles become h1-h6, list paragraphs and classes).
 */
final class MarkupReader {

    private static final Pattern LEAD_NAMES = Pattern.compile(
            "(?i).*\\b(ingress|lead|intro|standfirst|preamble|article-lead|summary|subtitle|undertittel)\\b.*");
    private static final Pattern TITLE_NAMES = Pattern.compile("(?i)(title|tittel)");
    private static final Pattern LIST_NAMES = Pattern.compile("(?i).*list.*");
    private static final Pattern QUOTE_NAMES = Pattern.compile("(?i).*\\b(quote|quotations?|sitat|intense_quote)\\b.*");
    private static final Pattern CAPTION_NAMES = Pattern.compile("(?i).*\\b(caption|bildetekst)\\b.*");
    private static final Pattern CREDIT_NAMES = Pattern.compile("(?i).*\\b(credit|photographer|fotograf|byline)\\b.*");
    private static final Pattern CREDIT_IN_CAPTION = Pattern.compile("(?iu)\\s*\\(?\\b(foto|fotograf|photo|bilde|illustrasjon)\\s*:\\s*([^)]+)\\)?\\s*$");
    private static final Pattern HYPHENATED_BREAK = Pattern.compile("(\\p{L})-\\n(\\p{Ll})");
    private static final int BOLD_HEADING_MAX_WORDS = 12;
    private static final Pattern TOC_STYLES = Pattern.compile("(?i).*\\b(toc[\\w]*|contents_[\\w]*|table_of_contents\\w*|innholdsfortegnelse\\w*)\\b.*");
    private static final Pattern TOC_TITLE = Pattern.compile(
            "(?iu)(innholdsfortegnelse|innhaldsliste|innhaldsoversikt|innhold|innhald|table of contents|contents)");
    private static final Pattern TOC_ENTRY = Pattern.compile("(?su)\\S.{0,120}?(\\t|\\s*\\.{3,}|\\s*…+)\\s*\\d{1,3}");

    /**
     * A saved web page: metadata from head (and JSON-LD), content from the main-content element that
     * {@link MainContent} finds. Relative links resolve against the page's address, or when a saved page has
     * none, against its canonical link or og:url.
     */
    ArticleDraft readWebPage(Document page) {
        ArticleDraft draft = new ArticleDraft(false, true);
        resolveAgainstCanonical(page);
        readPageMetadata(page, draft);
        int teasers = MainContent.frontPageTeasers(page);
        if (teasers > 0) {
            draft.refusal = new ExtractionException(ExtractionException.Reason.FRONT_PAGE,
                    teasers + " headlines that link to other pages, no story of its own");
            return draft;
        }
        Element root = MainContent.find(page);
        WebPageState state = new WebPageState();
        walkWebPage(root, draft, state);
        WebPageBlocks.tidy(draft);
        return draft;
    }

    private static void resolveAgainstCanonical(Document page) {
        if (page.location() != null && page.location().startsWith("http")) return;
        for (String selector : List.of("base[href]", "link[rel=canonical]", "meta[property=og:url]")) {
            Element element = page.selectFirst(selector);
            if (element == null) continue;
            String address = element.hasAttr("href") ? element.attr("href") : element.attr("content");
            if (address.startsWith("http://") || address.startsWith("https://")) {
                page.setBaseUri(address);
                return;
            }
        }
    }

    /** What the web-page walk remembers: captions and pictures already read, so none is read twice. */
    private static final class WebPageState {
        final java.util.Set<String> captions = new java.util.HashSet<>();
        final java.util.Set<String> sources = new java.util.HashSet<>();
    }

    private void walkWebPage(Element root, ArticleDraft draft, WebPageState state) {
        int imagesBefore = draft.images.size();
        int blocksBefore = draft.blocks.size();
        walk(root, draft);
        // one picture, one caption: drop repeats of a caption (figcaption and caption paragraph, alt text
        // printed again as caption) and of a picture (lazy-loading img and its noscript copy)
        List<no.tolk.article.Image> images = new java.util.ArrayList<>(draft.images.subList(imagesBefore, draft.images.size()));
        draft.images.subList(imagesBefore, draft.images.size()).clear();
        for (no.tolk.article.Image image : images) {
            String key = image.source() == null ? null : image.source().replaceFirst("[?#].*$", "");
            if (key != null && !state.sources.add(key)) {
                if (image.caption() != null) mergeCaption(draft, key, image);
                continue;
            }
            draft.images.add(image);
            if (image.caption() != null) state.captions.add(Text.key(image.caption()));
        }
        java.util.Iterator<DraftBlock> blocks = draft.blocks.subList(blocksBefore, draft.blocks.size()).iterator();
        java.util.Set<String> captionsSeen = new java.util.HashSet<>();
        java.util.Set<String> alts = new java.util.HashSet<>();
        draft.images.forEach(image -> {
            if (image.alt() != null) alts.add(Text.key(image.alt()));
        });
        while (blocks.hasNext()) {
            DraftBlock block = blocks.next();
            if (block.kind() != DraftBlock.Kind.CAPTION && block.kind() != DraftBlock.Kind.PARAGRAPH) continue;
            String key = Text.key(block.text());
            boolean caption = block.kind() == DraftBlock.Kind.CAPTION;
            if (captionsSeen.contains(key) || (!caption && state.captions.contains(key))
                    || (caption && alts.contains(key) && !state.captions.contains(key))) {
                blocks.remove();
            } else if (caption) {
                captionsSeen.add(key);
            }
        }
    }

    private static void mergeCaption(ArticleDraft draft, String key, no.tolk.article.Image image) {
        for (int i = 0; i < draft.images.size(); i++) {
            no.tolk.article.Image known = draft.images.get(i);
            if (known.source() != null && known.source().replaceFirst("[?#].*$", "").equals(key) && known.caption() == null) {
                draft.images.set(i, new no.tolk.article.Image(known.source(), known.alt() == null ? image.alt() : known.alt(),
                        image.caption(), known.credit() == null ? image.credit() : known.credit()));
            }
        }
    }

    /**
     * Tika's XHTML of an office document, or rendered Markdown: the body is the article.
     * In Markdown the first "# " heading is the title; in office documents h1 is Heading 1.
     */
    ArticleDraft readDocument(Document xhtml, boolean titleIsFirstH1) {
        ArticleDraft draft = new ArticleDraft(false, titleIsFirstH1);
        xhtml.select(".package-entry, .header, .footer, p.header, p.footer, .annotation, .comment, .comments").remove();
        removeTableOfContents(xhtml);
        walk(xhtml.body(), draft);
        return draft;
    }

    /**
     * A table of contents is navigation, not text: Word's TOC styles ("TOC Heading", "toc 1"; Tika writes them
     * as classes) and entries linking to its "_Toc" bookmarks, ODF's "Contents Heading"/"Contents N" styles,
     * hand-typed entries ("Bakgrunn ..... 3", "Bakgrunn&lt;tab&gt;3") in a run of two or more, and the
     * contents heading above them ("Innholdsfortegnelse", "Innhold", "Table of Contents").
     */
    private static void removeTableOfContents(Document xhtml) {
        for (Element element : xhtml.body().select("p, h1, h2, h3, h4, h5, h6, li")) {
            if (element.parent() == null) continue;
            boolean tocStyle = TOC_STYLES.matcher(element.className()).matches();
            Element link = element.selectFirst("a[href^=#_Toc]");
            boolean tocLink = link != null && Text.clean(link.text()).length() >= textOf(element).length() - 4;
            if (tocStyle || tocLink || TOC_TITLE.matcher(textOf(element)).matches()) element.remove();
        }
        List<Element> run = new java.util.ArrayList<>();
        for (Element paragraph : xhtml.body().select("p, li")) {
            if (TOC_ENTRY.matcher(paragraph.wholeText().strip()).matches()) {
                run.add(paragraph);
                continue;
            }
            if (run.size() >= 2) run.forEach(Element::remove);
            run.clear();
        }
        if (run.size() >= 2) run.forEach(Element::remove);
    }

    private static void readPageMetadata(Document page, ArticleDraft draft) {
        draft.offerTitle(meta(page, "meta[property=og:title]"));
        draft.offerAuthor(meta(page, "meta[name=author]"));
        String articleAuthor = meta(page, "meta[property=article:author]");
        if (!articleAuthor.startsWith("http")) draft.offerAuthor(articleAuthor);
        draft.offerPublished(meta(page, "meta[property=article:published_time]"));
        draft.offerPublished(meta(page, "meta[itemprop=datePublished]"));
        draft.offerPublished(meta(page, "meta[name=date], meta[name=dc.date], meta[name=publish-date], meta[name=DC.date.issued], meta[name=dcterms.created]"));
        readLinkedData(page, draft);
        readVisibleByline(page, draft);
        Element time = page.selectFirst("article time[datetime], time[pubdate], time[itemprop=datePublished], time[datetime]");
        if (time != null) draft.offerPublished(time.attr("datetime"));
        draft.offerRevised(meta(page, "meta[property=article:modified_time]"));
        draft.offerRevised(meta(page, "meta[itemprop=dateModified]"));
        Element modified = page.selectFirst("time[itemprop=dateModified]");
        if (modified != null) draft.offerRevised(modified.attr("datetime"));
        for (Element element : page.body().select("*")) {
            if (draft.published != null) break;
            if ((hasNamePart(element, DATE_PARTS) || hasNamePart(element, META_PARTS)) && element.text().length() < 120 && !inComments(element)) {
                draft.offerPublished(element.hasAttr("datetime") ? element.attr("datetime") : element.text());
            }
        }
        if (draft.published == null) readDatesBesideHeadline(page, draft);
        for (Element element : page.body().select("*")) {
            // "Publisert 3. mars 2024 | Sist endret 5. mars 2024" in a meta or date box: the revision date too
            if (draft.revised != null) break;
            if ((hasNamePart(element, DATE_PARTS) || hasNamePart(element, META_PARTS) || hasNamePart(element, REVISED_PARTS))
                    && element.text().length() < 120 && !inComments(element)) {
                ArticleAssembler.readDates(element.text(), draft);
            }
        }
        page.select("meta[property=article:tag]").forEach(tag -> draft.tags.add(Text.clean(tag.attr("content"))));
        page.select("a[rel=tag], a[rel~=tag]").forEach(tag -> draft.tags.add(Text.clean(tag.text())));
        if (draft.tags.isEmpty()) {
            for (String keyword : meta(page, "meta[name=keywords]").split(",")) {
                if (!keyword.isBlank()) draft.tags.add(Text.clean(keyword));
            }
        }
        draft.tags.remove("");
        if (draft.title == null) {
            // the headline the reader sees, before the window title with its site name ("… - regjeringen.no")
            for (Element h1 : page.body().select("h1")) {
                if (!isSiteTitle(h1) && Text.wordCount(h1.text()) >= 2) {
                    draft.offerTitle(textOf(h1));
                    break;
                }
            }
        }
        if (draft.title == null) {
            Element title = page.selectFirst("title");
            if (title != null) draft.offerTitle(withoutSiteName(title.text()));
        }
    }

    /** " - regjeringen.no", " | Vestlandsnytt AS", " – Klima- og miljødepartementet - regjeringen.no": the site's name after the title. */
    private static final Pattern SITE_NAME_SUFFIX = Pattern.compile("\\s+[|–—-]\\s+.{1,80}$");

    /**
     * A window title without the site name the CMS adds after " - ", " | " or " – "; the segments after the
     * first separator go, however many there are, unless that would leave fewer than three words.
     */
    static String withoutSiteName(String title) {
        String text = Text.clean(title);
        Matcher separator = Pattern.compile("\\s+[|–—-]\\s+").matcher(text);
        while (separator.find()) {
            String head = text.substring(0, separator.start());
            if (Text.wordCount(head) >= 3) return head;
        }
        return SITE_NAME_SUFFIX.matcher(text).replaceFirst("");
    }

    /**
     * A metadata line right above or below the headline ("Pressemelding | 8. februar 2024"), which the main-content
     * box may leave out when the headline stands in a title area of its own.
     */
    private static void readDatesBesideHeadline(Document page, ArticleDraft draft) {
        for (Element h1 : page.body().select("h1")) {
            if (isSiteTitle(h1)) continue;
            for (Element sibling : List.of(h1.previousElementSiblings(), h1.nextElementSiblings()).stream().flatMap(List::stream).toList()) {
                String text = Text.clean(sibling.text());
                if (!text.isEmpty() && text.length() <= 120 && Text.wordCount(text) <= 12) ArticleAssembler.readDates(text, draft);
            }
            return;
        }
    }

    /** The site's name set as h1 in the page header (a link to the front page, or named site-title/logo/brand). */
    static boolean isSiteTitle(Element h1) {
        List<Element> named = new java.util.ArrayList<>(h1.select("a"));
        named.add(h1);
        if (h1.parent() != null) named.add(h1.parent());
        for (Element at : named) {
            List<String> parts = MainContent.nameParts(at);
            if (parts.stream().anyMatch(SITE_TITLE_PARTS::contains)
                    || (parts.contains("site") && (parts.contains("title") || parts.contains("name") || parts.contains("header")))) return true;
        }
        for (Element link : h1.select("a[href]")) {
            String href = link.attr("href").strip();
            if ((href.equals("/") || href.matches("https?://[^/]+/?")) && Text.clean(link.text()).length() >= h1.text().length() - 2) return true;
        }
        return false;
    }

    private static final java.util.Set<String> SITE_TITLE_PARTS = java.util.Set.of("logo", "brand", "branding", "masthead", "sitename", "sitetitle", "blogname", "blogtitle");

    private static final java.util.Set<String> AUTHOR_PARTS = java.util.Set.of("author", "byline", "forfatter", "skribent", "writer",
            "journalist", "reporter", "uid", "username", "creator");
    private static final java.util.Set<String> DATE_PARTS = java.util.Set.of("date", "dato", "published", "publisert", "pubdate",
            "dateline", "timestamp", "posted", "publish", "time", "created", "submitted");
    private static final java.util.Set<String> REVISED_PARTS = java.util.Set.of("updated", "modified", "oppdatert", "endret", "revised");
    private static final java.util.Set<String> META_PARTS = java.util.Set.of("meta", "info", "byline", "dateline");
    private static final java.util.Set<String> COMMENT_PARTS = java.util.Set.of("comment", "comments", "kommentar", "kommentarer",
            "respond", "reply", "replies", "discussion", "disqus");
    private static final Pattern PERSON_NAME = Pattern.compile("\\p{Lu}[\\p{L}'.-]+(?:\\s+(?:\\p{Lu}[\\p{L}'.-]+|von|van|de|af|av)){1,4}");

    /**
     * The byline a reader sees: a link to the author's page, an element named as author or byline (not in the
     * comments), or a short metadata line that holds a person's name before its date.
     */
    private static void readVisibleByline(Document page, ArticleDraft draft) {
        for (Element element : page.body().select("[rel=author], [itemprop=author], a[href*=/author/], a[href*=/forfatter/],"
                + " a[href*=/journalist/], a[href*=/skribent/], a[href*=/profil/]")) {
            if (!inComments(element)) offerAuthorText(element.text(), draft);
        }
        for (Element element : page.body().select("*")) {
            if (draft.author != null) return;
            boolean named = hasNamePart(element, AUTHOR_PARTS);
            if ((!named && !hasNamePart(element, META_PARTS)) || inComments(element) || element.text().length() > 120) continue;
            if (named) offerAuthorText(element.text(), draft);
            if (element.text().length() < 120) draft.offerPublished(element.text());
            if (!named) {
                String name = WebPageBlocks.cleanAuthor(element.text());
                if (PERSON_NAME.matcher(name).matches() || WebPageBlocks.isLabelledByline(element.text())) offerAuthorText(element.text(), draft);
            }
        }
    }

    private static void offerAuthorText(String text, ArticleDraft draft) {
        String name = WebPageBlocks.cleanAuthor(text);
        if (!name.isEmpty() && Text.wordCount(name) <= 6 && Character.isUpperCase(name.codePointAt(0))) draft.offerAuthor(name);
    }

    private static boolean inComments(Element element) {
        for (Element at = element; at != null; at = at.parent()) {
            if (hasNamePart(at, COMMENT_PARTS)) return true;
        }
        return false;
    }

    private static boolean hasNamePart(Element element, java.util.Set<String> parts) {
        if (element.id().isEmpty() && !element.hasAttr("class")) return false;
        return MainContent.nameParts(element).stream().anyMatch(parts::contains);
    }

    /** schema.org JSON-LD (NewsArticle, Article, BlogPosting, ...): headline, author, datePublished, dateModified. */
    private static void readLinkedData(Document page, ArticleDraft draft) {
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                com.fasterxml.jackson.databind.JsonNode root = no.tolk.article.ArticleJson.mapper().readTree(script.data());
                java.util.List<com.fasterxml.jackson.databind.JsonNode> nodes = new java.util.ArrayList<>();
                collectLinkedData(root, nodes);
                for (com.fasterxml.jackson.databind.JsonNode node : nodes) {
                    String type = node.path("@type").toString();
                    if (!type.matches("(?i).*(article|posting|report|release|webpage).*")) continue;
                    draft.offerTitle(node.path("headline").asText(""));
                    com.fasterxml.jackson.databind.JsonNode author = node.path("author");
                    if (author.isArray() && !author.isEmpty()) author = author.get(0);
                    String name = author.isTextual() ? author.asText() : author.path("name").asText("");
                    if (!name.startsWith("http")) draft.offerAuthor(name);
                    draft.offerPublished(node.path("datePublished").asText(""));
                    draft.offerRevised(node.path("dateModified").asText(""));
                }
            } catch (java.io.IOException | RuntimeException e) {
                // broken JSON-LD is common; the visible page still holds the facts
            }
        }
    }

    private static void collectLinkedData(com.fasterxml.jackson.databind.JsonNode node, java.util.List<com.fasterxml.jackson.databind.JsonNode> into) {
        if (node.isArray()) node.forEach(child -> collectLinkedData(child, into));
        else if (node.isObject()) {
            into.add(node);
            if (node.has("@graph")) collectLinkedData(node.get("@graph"), into);
        }
    }

    private static String meta(Document page, String selector) {
        Element element = page.selectFirst(selector);
        return element == null ? "" : element.attr("content").strip();
    }

    private void walk(Element parent, ArticleDraft draft) {
        for (Element element : parent.children()) {
            String tag = element.tagName().toLowerCase(Locale.ROOT);
            String names = element.className();
            switch (tag) {
                case "h1" -> {
                    if (!draft.titleIsFirstH1 || !isSiteTitle(element)) {
                        draft.add(isTitle(element, draft) ? DraftBlock.Kind.TITLE : DraftBlock.Kind.HEADING, textOf(element));
                    }
                }
                case "dl" -> readDefinitionList(element, draft);
                case "h2", "h3", "h4", "h5", "h6" -> draft.add(DraftBlock.Kind.HEADING, textOf(element));
                case "p" -> readParagraph(element, names, draft);
                case "blockquote" -> draft.add(DraftBlock.Kind.QUOTE, textOf(element));
                case "figure" -> readFigure(element, draft);
                case "img" -> addImage(element, null, null, draft);
                case "ul", "ol" -> element.select("> li").forEach(item -> draft.add(DraftBlock.Kind.LIST, withoutBullet(textOf(item))));
                case "figcaption" -> draft.add(DraftBlock.Kind.CAPTION, textOf(element));
                case "time" -> draft.offerPublished(element.attr("datetime"));
                case "br", "hr", "head", "title", "meta", "link" -> { }
                default -> {
                    if (LEAD_NAMES.matcher(names).matches() && !element.text().isBlank() && element.select("p").size() <= 1) {
                        draft.add(DraftBlock.Kind.LEAD, textOf(element));
                    } else if (hasOwnText(element) && element.children().select("p, h1, h2, h3, h4, li, blockquote, figure, div").isEmpty()) {
                        draft.add(DraftBlock.Kind.PARAGRAPH, textOf(element));
                    } else {
                        walk(element, draft);
                    }
                }
            }
        }
    }

    /**
     * A definition list as "term: description" lines, so facts set out as one ("Utgiver" / "Kunnskapsdepartementet",
     * "Publisert" / "6. mai 2024") reach the metadata rules as the labelled lines they are.
     */
    private void readDefinitionList(Element list, ArticleDraft draft) {
        String term = null;
        for (Element child : list.children()) {
            if (child.normalName().equals("dt")) {
                if (term != null) draft.add(DraftBlock.Kind.PARAGRAPH, term);
                term = textOf(child);
            } else if (child.normalName().equals("dd")) {
                String description = textOf(child);
                draft.add(DraftBlock.Kind.PARAGRAPH, term == null || term.isEmpty() ? description
                        : term.replaceFirst("\\s*:$", "") + ": " + description);
                term = null;
            } else {
                walk(child, draft);
            }
        }
        if (term != null) draft.add(DraftBlock.Kind.PARAGRAPH, term);
    }

    /** On a web page the first h1 is the title; in a document only the Title style is (h1 is Heading 1). */
    private static boolean isTitle(Element h1, ArticleDraft draft) {
        if (hasTitleBlock(draft)) return false;
        return draft.titleIsFirstH1 || TITLE_NAMES.matcher(h1.className()).matches();
    }

    private static boolean hasTitleBlock(ArticleDraft draft) {
        return draft.blocks.stream().anyMatch(block -> block.kind() == DraftBlock.Kind.TITLE);
    }

    private void readParagraph(Element paragraph, String names, ArticleDraft draft) {
        String text = textOf(paragraph);
        if (text.isEmpty()) {
            paragraph.select("img").forEach(img -> addImage(img, null, null, draft));
            return;
        }
        DraftBlock.Kind kind;
        if (TITLE_NAMES.matcher(names).matches()) kind = hasTitleBlock(draft) ? DraftBlock.Kind.HEADING : DraftBlock.Kind.TITLE;
        else if (LEAD_NAMES.matcher(names).matches()) kind = DraftBlock.Kind.LEAD;
        else if (QUOTE_NAMES.matcher(names).matches()) kind = DraftBlock.Kind.QUOTE;
        else if (CAPTION_NAMES.matcher(names).matches()) kind = DraftBlock.Kind.CAPTION;
        else if (CREDIT_NAMES.matcher(names).matches()) kind = DraftBlock.Kind.CREDIT;
        else if (LIST_NAMES.matcher(names).matches()) {
            kind = DraftBlock.Kind.LIST;
            text = withoutBullet(text);
        }
        else if (isWhollyBold(paragraph, text)) kind = DraftBlock.Kind.HEADING;
        else kind = DraftBlock.Kind.PARAGRAPH;
        if (kind == DraftBlock.Kind.PARAGRAPH && !paragraph.select("> br").isEmpty()) {
            addLinesSplittingMetadata(paragraph, draft);
            return;
        }
        draft.add(kind, text);
    }

    /**
     * A paragraph whose lines are separated by {@code <br>}: a byline or date line in it ("Av Kari Nordmann<br>4.
     * april 2024", blog themes print them so) becomes a line of its own for the metadata rules; the other lines
     * stay together as one paragraph.
     */
    private static void addLinesSplittingMetadata(Element paragraph, ArticleDraft draft) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (org.jsoup.nodes.Node node : paragraph.childNodes()) {
            if (node instanceof Element element && element.normalName().equals("br")) {
                lines.add(Text.clean(line.toString()));
                line.setLength(0);
            } else if (node instanceof TextNode textNode) {
                line.append(textNode.getWholeText());
            } else if (node instanceof Element element) {
                line.append(element.wholeText());
            }
        }
        lines.add(Text.clean(line.toString()));
        lines.removeIf(String::isEmpty);
        StringBuilder text = new StringBuilder();
        for (String each : lines) {
            if (ArticleAssembler.looksLikeMetadata(each)) {
                if (text.length() > 0) draft.add(DraftBlock.Kind.PARAGRAPH, text.toString());
                text.setLength(0);
                draft.add(DraftBlock.Kind.PARAGRAPH, each);
            } else {
                if (text.length() > 0) text.append(' ');
                text.append(each);
            }
        }
        if (text.length() > 0) draft.add(DraftBlock.Kind.PARAGRAPH, text.toString());
    }

    /** A short paragraph set entirely in bold is how many writers make a subheading in Word. */
    private static boolean isWhollyBold(Element paragraph, String text) {
        if (Text.wordCount(text) > BOLD_HEADING_MAX_WORDS || text.matches(".*[.!?:,;]$")) return false;
        String boldText = paragraph.select("b, strong").text();
        return !boldText.isBlank() && Text.clean(boldText).equals(text);
    }

    private void readFigure(Element figure, ArticleDraft draft) {
        Element caption = figure.selectFirst("figcaption");
        String credit = null;
        String captionText = null;
        if (caption != null) {
            Element creditElement = caption.selectFirst(".credit, .photographer, .fotograf, .byline, small, cite");
            if (creditElement != null) {
                credit = Text.clean(creditElement.text()).replaceFirst("(?iu)^(foto|fotograf|photo|bilde)\\s*:\\s*", "");
                creditElement.remove();
            }
            captionText = textOf(caption);
            Matcher inline = CREDIT_IN_CAPTION.matcher(captionText);
            if (credit == null && inline.find()) {
                credit = Text.clean(inline.group(2));
                captionText = Text.clean(captionText.substring(0, inline.start()));
            }
        }
        Element img = figure.selectFirst("img");
        if (img != null || captionText != null) {
            addImage(img, captionText, credit, draft);
        }
        if (captionText != null && !captionText.isEmpty()) draft.add(DraftBlock.Kind.CAPTION, captionText);
    }

    private static void addImage(Element img, String caption, String credit, ArticleDraft draft) {
        String source = img == null ? null : imageSource(img);
        String alt = img == null ? null : emptyToNull(Text.clean(img.attr("alt")));
        if (source == null && caption == null && credit == null) return;
        draft.images.add(new Image(source, alt, emptyToNull(caption), emptyToNull(credit)));
    }

    /** The picture's address, absolute when the page has one; lazy-loading attributes before a placeholder src. */
    private static String imageSource(Element img) {
        for (String attribute : List.of("data-src", "data-lazy-src", "data-original", "src")) {
            String value = img.attr(attribute).strip();
            if (value.isEmpty() || value.startsWith("data:")) continue;
            String absolute = img.absUrl(attribute);
            return absolute.isEmpty() ? value : absolute;
        }
        return null;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Word writes the bullet glyph into list paragraphs ("· item"). */
    private static String withoutBullet(String text) {
        return text.replaceFirst("^[·•▪◦‣∙*-]\\s+", "");
    }

    private static boolean hasOwnText(Element element) {
        return element.textNodes().stream().map(TextNode::text).anyMatch(text -> !text.isBlank());
    }

    private static String textOf(Element element) {
        String whole = element.wholeText();
        String joined = HYPHENATED_BREAK.matcher(whole).replaceAll("$1$2");
        return Text.clean(joined.replace('\n', ' '));
    }
}
