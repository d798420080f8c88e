package no.tolk.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.article.Image;
import no.tolk.extract.DraftBlock.Kind;

/**
 * Turns a draft into an {@link Article} with rules that hold for Norwegian news pages in general:
 * footer and chrome dropped, byline and date lines read as metadata, photo credit and caption
 * recognised, repeated title or caption not duplicated, dialogue-dash paragraphs as quotes,
 * and for unmarked text short unpunctuated lines as subheadings.
 */
final class ArticleAssembler {

    private static final Pattern PUBLISHED = Pattern.compile(
            "(?iu)^(?:publisert|publ\\.|postet|dato)\\s*:?\\s*(.+)$");
    private static final Pattern REVISED = Pattern.compile(
            "(?iu)^(?:revidert|sist oppdatert|oppdatert|sist endret|endret)\\s*:?\\s*(.+)$");
    private static final Pattern AUTHOR = Pattern.compile(
            "(?iu)^(?:skrevet av|tekst og foto|tekst|forfatter|journalist|av)\\s*:?\\s+([\\p{L}][\\p{L} .'_-]{1,60})$");
    private static final Pattern CREDIT = Pattern.compile(
            "(?iu)^(?:fotokred\\S*|fotokreditering|foto|fotograf|photo|bilde|illustrasjon)\\s*[:_-]?\\s+(.{2,80})$");
    private static final Pattern DIALOGUE_DASH = Pattern.compile("^[–—-]\\s+\\S.*", Pattern.DOTALL);
    private static final Pattern BULLET = Pattern.compile("^(?:[•*▪·]|\\d{1,2}[.)])\\s+(.+)$");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?:;,…»\"”)]$");
    private static final int METADATA_ZONE = 12;
    private static final int HEADING_MAX_CHARS = 90;
    private static final int HEADING_MAX_WORDS = 12;
    private static final double NEAR_DUPLICATE = 0.8;

    private final Boilerplate boilerplate;

    ArticleAssembler(Boilerplate boilerplate) {
        this.boilerplate = boilerplate;
    }

    Article assemble(ArticleDraft draft, String sourceFile) {
        List<DraftBlock> blocks = new ArrayList<>(draft.blocks);
        dropFooterAndChrome(blocks);
        readMetadataLines(blocks, draft);
        String title = chooseTitle(blocks, draft);
        List<Image> images = new ArrayList<>(draft.images);
        readCredits(blocks, images, draft.inferStructure);
        markRepeatsAsCaptions(blocks, images);
        classifyParagraphs(blocks, draft.inferStructure);
        String lead = chooseLead(blocks, draft);
        List<Block> body = blocks.stream()
                .filter(block -> block.kind() != Kind.CREDIT && block.kind() != Kind.TITLE && block.kind() != Kind.LEAD)
                .map(ArticleAssembler::toBlock)
                .toList();
        return new Article(null, 0, sourceFile, null, title, lead, draft.author, draft.published,
                draft.revised, images, List.copyOf(draft.tags), body);
    }

    private void dropFooterAndChrome(List<DraftBlock> blocks) {
        int bodySeen = 0;
        for (int i = 0; i < blocks.size(); i++) {
            DraftBlock block = blocks.get(i);
            if (bodySeen > 0 && boilerplate.startsFooter(block.text())) {
                blocks.subList(i, blocks.size()).clear();
                break;
            }
            if (block.kind() == Kind.PARAGRAPH && block.text().length() > 60) bodySeen++;
        }
        blocks.removeIf(block -> boilerplate.isChromeLine(block.text()));
    }

    private static void readMetadataLines(List<DraftBlock> blocks, ArticleDraft draft) {
        int limit = Math.min(blocks.size(), METADATA_ZONE);
        List<DraftBlock> metadata = new ArrayList<>();
        for (DraftBlock block : blocks.subList(0, limit)) {
            if (block.kind() != Kind.PARAGRAPH && block.kind() != Kind.CREDIT) continue;
            boolean consumed = false;
            for (String part : block.text().split("\\s*[|·•]\\s*")) {
                consumed |= readMetadataPart(part, draft);
            }
            if (consumed) metadata.add(block);
        }
        blocks.removeAll(metadata);
    }

    private static boolean readMetadataPart(String part, ArticleDraft draft) {
        Matcher published = PUBLISHED.matcher(part);
        if (published.matches() && NorwegianDates.parse(published.group(1)).isPresent()) {
            draft.offerPublished(published.group(1));
            return true;
        }
        Matcher revised = REVISED.matcher(part);
        if (revised.matches() && NorwegianDates.parse(revised.group(1)).isPresent()) {
            draft.offerRevised(revised.group(1));
            return true;
        }
        Matcher author = AUTHOR.matcher(part);
        if (author.matches() && Text.wordCount(author.group(1)) <= 5) {
            draft.offerAuthor(author.group(1));
            return true;
        }
        return false;
    }

    private static String chooseTitle(List<DraftBlock> blocks, ArticleDraft draft) {
        Optional<DraftBlock> titleBlock = blocks.stream().filter(block -> block.kind() == Kind.TITLE).findFirst();
        String title;
        if (titleBlock.isPresent()) {
            title = titleBlock.get().text();
        } else if (draft.inferStructure && !blocks.isEmpty()) {
            title = blocks.get(0).text();
        } else if (draft.title != null && appearsAsBlock(blocks, draft.title)) {
            title = draft.title;
        } else if (!blocks.isEmpty() && blocks.get(0).kind() == Kind.HEADING) {
            // the document opens with its own heading; a title in its properties that is nowhere in
            // the text is left over from an earlier version or a template
            title = blocks.get(0).text();
        } else if (draft.title != null) {
            title = draft.title;
        } else {
            title = blocks.stream().filter(block -> block.kind() == Kind.HEADING).map(DraftBlock::text).findFirst().orElse(null);
        }
        if (title != null) {
            String key = Text.key(title);
            blocks.removeIf(block -> Text.key(block.text()).equals(key));
        }
        return title;
    }

    private static boolean appearsAsBlock(List<DraftBlock> blocks, String text) {
        String key = Text.key(text);
        return blocks.stream().anyMatch(block -> Text.key(block.text()).equals(key));
    }

    /** A photo credit line marks a picture; in unmarked text the line after it is the caption. */
    private static void readCredits(List<DraftBlock> blocks, List<Image> images, boolean inferStructure) {
        for (int i = 0; i < blocks.size(); i++) {
            DraftBlock block = blocks.get(i);
            Matcher credit = CREDIT.matcher(block.text());
            boolean isCredit = block.kind() == Kind.CREDIT
                    || (block.kind() == Kind.PARAGRAPH && credit.matches() && !SENTENCE_END.matcher(block.text()).matches());
            if (!isCredit) continue;
            String who = credit.matches() ? Text.clean(credit.group(1)) : block.text();
            blocks.set(i, block.as(Kind.CREDIT));
            String caption = null;
            if (inferStructure && i + 1 < blocks.size() && blocks.get(i + 1).kind() == Kind.PARAGRAPH
                    && !DIALOGUE_DASH.matcher(blocks.get(i + 1).text()).matches()) {
                caption = blocks.get(i + 1).text();
                blocks.set(i + 1, blocks.get(i + 1).as(Kind.CAPTION));
            }
            if (!images.isEmpty() && images.get(images.size() - 1).credit() == null && caption == null) {
                Image last = images.remove(images.size() - 1);
                images.add(new Image(last.source(), last.alt(), last.caption(), who));
            } else {
                images.add(new Image(null, null, caption, who));
            }
        }
    }

    /**
     * Web pages print a picture's caption again as body text (or the body text again as caption);
     * a paragraph repeating an earlier one, maybe behind the alt text, is a caption, not new text.
     */
    private static void markRepeatsAsCaptions(List<DraftBlock> blocks, List<Image> images) {
        List<String> earlierKeys = new ArrayList<>();
        java.util.Set<String> earlierKeySet = new java.util.HashSet<>(); // earlierKeys, for the exact-repeat lookup
        List<java.util.Set<String>> earlierWords = new ArrayList<>();
        ListIterator<DraftBlock> iterator = blocks.listIterator();
        while (iterator.hasNext()) {
            DraftBlock block = iterator.next();
            if (block.kind() != Kind.PARAGRAPH) continue;
            String key = Text.key(block.text());
            if (earlierKeySet.contains(key)) {
                iterator.remove();
                continue;
            }
            java.util.Set<String> words = Text.wordsOfKey(key);
            int repeated = -1;
            for (int i = 0; i < earlierKeys.size() && repeated < 0; i++) {
                if (earlierKeys.get(i).length() >= 40 && Text.overlapsAtLeast(earlierWords.get(i), words, NEAR_DUPLICATE)) repeated = i;
            }
            if (repeated >= 0) {
                String alt = altTextBefore(block.text(), earlierWords.get(repeated));
                String caption = alt == null ? block.text() : block.text().substring(alt.length()).strip();
                iterator.set(new DraftBlock(Kind.CAPTION, caption));
                images.add(new Image(null, alt, caption, null));
            } else {
                earlierKeys.add(key);
                earlierKeySet.add(key);
                earlierWords.add(words);
            }
        }
    }

    /** Dumps print an image's alt text (often a name) right before its caption: "Linn Dybdahl NCE Heidner ...". */
    private static String altTextBefore(String text, java.util.Set<String> known) {
        String[] words = text.split("\\s+");
        int count = 0;
        while (count < words.length && count < 4 && Character.isUpperCase(words[count].codePointAt(0))
                && !known.contains(Text.key(words[count]).replaceAll("[^\\p{L}\\p{N}]", ""))) {
            count++;
        }
        return count == 0 || count == words.length ? null : String.join(" ", java.util.Arrays.copyOf(words, count));
    }

    private static void classifyParagraphs(List<DraftBlock> blocks, boolean inferStructure) {
        for (int i = 0; i < blocks.size(); i++) {
            DraftBlock block = blocks.get(i);
            if (block.kind() != Kind.PARAGRAPH) continue;
            String text = block.text();
            if (DIALOGUE_DASH.matcher(text).matches() || isGuillemetQuote(text)) {
                blocks.set(i, block.as(Kind.QUOTE));
            } else if (inferStructure && BULLET.matcher(text).matches()) {
                blocks.set(i, new DraftBlock(Kind.LIST, BULLET.matcher(text).replaceFirst("$1")));
            } else if (inferStructure && looksLikeHeading(text) && introducesText(blocks, i)) {
                blocks.set(i, block.as(Kind.HEADING));
            }
        }
    }

    private static boolean isGuillemetQuote(String text) {
        return text.startsWith("«") && text.endsWith("»") && text.indexOf('«', 1) < 0;
    }

    private static boolean looksLikeHeading(String text) {
        int first = text.codePointAt(0);
        return text.length() <= HEADING_MAX_CHARS
                && Text.wordCount(text) <= HEADING_MAX_WORDS
                && !SENTENCE_END.matcher(text).matches()
                && (Character.isUpperCase(first) || Character.isDigit(first));
    }

    /** A subheading is followed by longer running text, not by another short line. */
    private static boolean introducesText(List<DraftBlock> blocks, int index) {
        if (index + 1 >= blocks.size()) return false;
        DraftBlock next = blocks.get(index + 1);
        return (next.kind() == Kind.PARAGRAPH || next.kind() == Kind.QUOTE)
                && next.text().length() > blocks.get(index).text().length() * 2
                && SENTENCE_END.matcher(next.text()).matches();
    }

    private static String chooseLead(List<DraftBlock> blocks, ArticleDraft draft) {
        Optional<DraftBlock> marked = blocks.stream().filter(block -> block.kind() == Kind.LEAD).findFirst();
        if (marked.isPresent()) {
            return marked.get().text();
        }
        if (draft.lead != null) {
            return draft.lead;
        }
        for (int i = 0; i < blocks.size(); i++) {
            DraftBlock block = blocks.get(i);
            if (block.kind() == Kind.HEADING) return null;
            if (block.kind() == Kind.PARAGRAPH) {
                blocks.remove(i);
                return block.text();
            }
        }
        return null;
    }

    private static Block toBlock(DraftBlock block) {
        BlockType type = switch (block.kind()) {
            case HEADING -> BlockType.HEADING;
            case QUOTE -> BlockType.QUOTE;
            case CAPTION -> BlockType.CAPTION;
            case LIST -> BlockType.LIST;
            default -> BlockType.PARAGRAPH;
        };
        return new Block(type, block.text());
    }
}
