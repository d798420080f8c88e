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
 * and for unmarked text short unpunctuated lines as subheadings and the title chosen by evidence
 * ({@link #bestTitleLine}). Titles of every format are capped ({@link #capTitle}); what is no article
 * (front page, data table, too few words) is refused in plain words before and after assembly.
 */
final class ArticleAssembler {

    private static final String PUBLISHED_LABELS = "publisert|publ\\.|postet|dato|lagt ut|oppretta|opprettet|published|posted|date";
    private static final String REVISED_LABELS = "revidert|sist oppdatert|oppdatert|sist endret|sist endra|endret|endra|sist redigert|last updated|updated|modified";
    private static final Pattern PUBLISHED = Pattern.compile("(?iu)^(?:" + PUBLISHED_LABELS + ")\\s*:?\\s*(.+)$");
    private static final Pattern REVISED = Pattern.compile("(?iu)^(?:" + REVISED_LABELS + ")\\s*:?\\s*(.+)$");
    /** A date label standing alone on its line, with the date on the next line. */
    private static final Pattern DATE_LABEL_ONLY = Pattern.compile(
            "(?iu)^(?:" + PUBLISHED_LABELS + "|" + REVISED_LABELS + ")\\s*:?$");
    /**
     * Byline labels, Bokmål and Nynorsk; "Utgiver"/"Utgjevar" names the ministry or body that issues a
     * government press release, which is its author (regjeringen.no prints it so).
     */
    private static final Pattern AUTHOR = Pattern.compile(
            "(?iu)^(skrevet av|skriven av|tekst og foto|tekst|forfatter|journalist|utgiver|utgjevar|utgitt av|gitt ut av"
                    + "|publisert av|written by|by|av)\\s*(:?)\\s*([\\p{L}][\\p{L}\\p{N} .,'&_-]{1,80})$");
    private static final Pattern TAGS = Pattern.compile(
            "(?iu)^(?:publisert under\\s*:?|(?:stikkord|emneord|nøkkelord|tags|kategorier|kategori|emne|tema)\\s*:)\\s*(.{1,160})$");
    private static final Pattern TAG_LABEL_ONLY = Pattern.compile("(?iu)^(?:stikkord|emneord|nøkkelord|tags|kategorier|kategori|emner)\\s*:?$");
    /** Where a second fact starts on a metadata line: "Publisert: 26.12.2018 Oppdatert: 26.02.2019". */
    private static final Pattern SECOND_FACT = Pattern.compile(
            "\\s*[|·•]\\s*|\\s+(?=(?:Sist oppdatert|Oppdatert|Sist endret|Sist endra|Endret|Endra|Revidert|Publisert|Dato"
                    + "|Foto|Fotograf|Illustrasjon|Tekst|Skrevet av|Skriven av|Av|Utgiver|Utgjevar|Stikkord|Kategori|Kategorier"
                    + "|Emneord|Tags|Published|Updated|By)\\s*:)|\\s+(?=Publisert under\\b)"
                    + "|(?<=\\d)\\s+(?=(?iu:sist oppdatert|oppdatert|sist endret|sist endra|endret|endra|revidert)\\b)"
                    + "|(?<=\\d)\\s+(?=(?iu:av|skrevet av|skriven av)\\s+\\p{L})");
    private static final Pattern CREDIT = Pattern.compile(
            "(?iu)^(?:alle (?:foto|bilder?) i (?:artikkelen|saken)|fotokred\\S*|fotokreditering|foto|fotograf|photo|bilde|illustrasjon)"
                    + "\\s*[:_-]?\\s+(.{2,80})$");
    /**
     * A credit behind a caption or label: "Arendalsuka 2018/Foto M. Hauglid", "Ola på kaia. Foto: Kari Nordmann / NTB".
     * The label is capitalised and set off by a slash, bar, dash or a colon after it, so a sentence that mentions
     * a photo does not match.
     */
    private static final Pattern TRAILING_CREDIT = Pattern.compile(
            "^(.{2,160}?)\\s*(?:(?:[/|–]|\\s-)\\s*(?:[Ff]oto|FOTO|[Ii]llustrasjon|[Bb]ilde|[Ff]otograf)\\s*:?|\\s(?:Foto|FOTO|Illustrasjon|Fotograf)\\s*:)"
                    + "\\s*(\\p{Lu}[^:]{1,60})$");
    /** A credit for every picture of the article, which no caption follows. */
    private static final Pattern ALL_PHOTOS = Pattern.compile("(?iu)alle (?:foto|bilder?) i ");
    private static final Pattern LINK_LEAD_IN = Pattern.compile("(?iu)(?:les også|se også|les mer|relatert|relatert innhold)\\s*:?");
    private static final Pattern DIALOGUE_DASH = Pattern.compile("^[–—-]\\s+\\S.*", Pattern.DOTALL);
    private static final Pattern BULLET = Pattern.compile("^(?:[•*▪·]|\\d{1,2}[.)])\\s+(.+)$");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?:;,…»\"”)]$");
    /** A heading may ask or exclaim ("Hva skjer nå?"), but does not end like a sentence or a clause. */
    private static final Pattern HEADING_REFUSED_END = Pattern.compile(".*[.:;,…»\"”)]$");
    private static final Pattern RUNNING_TEXT_END = Pattern.compile("(?s).*[.!?…»”\")]$");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\p{N}«–\"])");
    /** A news agency mark at the end of a story: "(©NPK)", "(NTB)". */
    private static final Pattern AGENCY_MARK = Pattern.compile("\\s*\\(\\s*©\\s*[\\p{L}\\p{N} .-]{1,20}\\)$");
    private static final int METADATA_ZONE = 12;
    private static final int METADATA_ZONE_MAX = 25;
    private static final int TITLE_SEARCH = 15;
    private static final int HEADING_MAX_CHARS = 90;
    private static final int HEADING_MAX_WORDS = 12;
    /** A subheading typed without a style in an office document: short, as such headings are (2-4 words is typical). */
    private static final int UNMARKED_HEADING_MAX_WORDS = 8;
    private static final double NEAR_DUPLICATE = 0.8;
    /**
     * Longest title kept: 200 characters and 25 words. Press-release studies found that Google News drops
     * headlines over 24 words (Schwartz MSL News Release Optimization Report, 2018, summarised at
     * wyliecomm.com/2018/06/is-your-head-too-big); anything longer is a paragraph or a data row, not a title.
     */
    static final int TITLE_MAX_CHARS = 200;
    static final int TITLE_MAX_WORDS = 25;
    /**
     * Fewest words (title, lead and body together) that make an article. Far below the 80 words Google Search
     * Console's "article too short" check for news once asked for, so that short notices still pass.
     */
    static final int MIN_ARTICLE_WORDS = 20;
    /** Front page: at least this many headline units, nearly all of them teasers without body. */
    private static final int FRONT_PAGE_MIN_UNITS = 12;
    private static final int TEASER_MAX_WORDS = 50;
    /** A caption under a picture at the top of an article is one short sentence. */
    private static final int CAPTION_MAX_WORDS = 20;
    /** Fewest posting-time stamps that make a text a list of stories. */
    private static final int STAMPED_LIST_MIN = 4;
    /** When a story was posted, as news sites print it: relative ("2 timer siden", "i går", "3 hours ago") or a clock time. */
    private static final String TIME_STAMP = "(?:(?:for\\s+)?(?:\\d{1,2}|ett|én|en|ei|et|to|tre)\\s+(?:sekund(?:er)?|min(?:utt|utter|uttar)?|time|timer|timar"
            + "|dag|dager|dagar|døgn|uke|uker|veke|veker)\\s+siden|i\\s+(?:går|dag|forgårs)(?:\\s+(?:kl\\.?\\s*)?\\d{1,2}[:.]\\d{2})?"
            + "|(?:i\\s+)?(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|måndag|tysdag|laurdag|sundag)(?:\\s+(?:kl\\.?\\s*)?\\d{1,2}[:.]\\d{2})?"
            + "|\\d+\\s+(?:minutes?|mins?|hours?|days?)\\s+ago|yesterday|just now|nå nettopp|akkurat nå"
            + "|(?:kl\\.?\\s*)?\\d{1,2}[:.]\\d{2})";
    private static final Pattern CLOCK_TIME_FIRST = Pattern.compile("(?iu)^\\s*(?:kl\\.?\\s*)?\\d{1,2}[:.]\\d{2}\\b");
    private static final Pattern TIME_STAMP_LINE = Pattern.compile("(?iu)^\\s*" + TIME_STAMP + "\\s*$");
    /** A teaser line that starts with its time: "14:32 Ny gangbru over elva", "I går 22:10 Kommunen vil selge …". */
    private static final Pattern TIME_STAMP_FIRST = Pattern.compile("(?iu)^\\s*" + TIME_STAMP + "\\s+(?-i:\\p{Lu}).{5,}$");
    /** A headline glued to the relative time under it ("Ungdomsklubben får nye lokaler i går"). */
    private static final Pattern TIME_STAMP_LAST = Pattern.compile("(?iu)^.{5,}\\s(?:(?:for\\s+)?\\d{1,2}\\s+(?:min(?:utt|utter)?|timer?|dager?|døgn)\\s+siden|i går|i forgårs)\\s*$");

    private final Boilerplate boilerplate;

    ArticleAssembler(Boilerplate boilerplate) {
        this.boilerplate = boilerplate;
    }

    Article assemble(ArticleDraft draft, String sourceFile) {
        List<DraftBlock> blocks = new ArrayList<>(draft.blocks);
        dropFooterAndChrome(blocks);
        if (draft.inferStructure) joinSplitParagraphs(blocks);
        List<Image> images = new ArrayList<>(draft.images);
        int metadataAt = readMetadataLines(blocks, draft, images);
        String title = capTitle(chooseTitle(blocks, draft, metadataAt, images));
        readCredits(blocks, images, draft.inferStructure);
        markRepeatsAsCaptions(blocks, images);
        classifyParagraphs(blocks, draft.inferStructure, draft.unmarkedHeadings);
        String lead = chooseLead(blocks, draft);
        List<Block> body = blocks.stream()
                .filter(block -> block.kind() != Kind.CREDIT && block.kind() != Kind.TITLE && block.kind() != Kind.LEAD)
                .map(ArticleAssembler::toBlock)
                .toList();
        String author = draft.author != null ? draft.author : draft.authorProperty;
        java.time.LocalDate published = draft.published;
        java.time.LocalDate revised = draft.revised;
        if (published == null) {
            // the file's own dates only when the text prints none; a save after creation is a revision
            published = draft.publishedProperty;
            if (revised == null && draft.revisedProperty != null && published != null && draft.revisedProperty.isAfter(published)) {
                revised = draft.revisedProperty;
            }
        }
        return new Article(null, 0, sourceFile, null, title, lead, author, published,
                revised, images, List.copyOf(draft.tags), body);
    }

    /**
     * Refuses, before assembly, what a reader found is no article: a data table ({@link ArticleDraft#refusal}),
     * or a front page, recognised by its shape: at least {@value #FRONT_PAGE_MIN_UNITS} headline units
     * (a short line that does not end a sentence, or a marked heading), nearly all followed by at most
     * {@value #TEASER_MAX_WORDS} words before the next headline, and no stretch of running text that holds
     * a quarter of the words (twice as many units when headings are marked up, as in office documents and
     * web pages). An article with a name list or many subheadings keeps its long stretches.
     *
     * @throws ExtractionException with {@link ExtractionException.Reason#DATA_TABLE} or {@link ExtractionException.Reason#FRONT_PAGE}
     */
    void refuseWhatIsNoArticle(ArticleDraft draft) throws ExtractionException {
        if (draft.refusal != null) throw draft.refusal;
        refuseTimeStampedList(draft);
        int units = 0;
        int teasers = 0;
        int questions = 0;
        int totalWords = 0;
        int longestStretch = 0;
        int stretch = 0;
        for (DraftBlock block : draft.blocks) {
            if (boilerplate.isChromeLine(block.text())) continue;
            int words = Text.wordCount(block.text());
            totalWords += words;
            if (isHeadlineUnit(block, draft.inferStructure)) {
                if (units > 0 && stretch <= TEASER_MAX_WORDS) teasers++;
                longestStretch = Math.max(longestStretch, stretch);
                units++;
                if (block.text().endsWith("?")) questions++;
                stretch = 0;
            } else {
                stretch += words;
            }
        }
        if (units > 0 && stretch <= TEASER_MAX_WORDS) teasers++;
        longestStretch = Math.max(longestStretch, stretch);
        // documents with marked headings need more evidence: a report may have a dozen short sections
        int minimumUnits = draft.inferStructure ? FRONT_PAGE_MIN_UNITS : FRONT_PAGE_MIN_UNITS * 2;
        if (units >= minimumUnits && teasers >= units * 0.8 && questions * 2 < units
                && totalWords >= 150 && longestStretch * 4 < totalWords) {
            throw new ExtractionException(ExtractionException.Reason.FRONT_PAGE, units + " headlines, none with a story under it");
        }
    }

    /**
     * A news site's front page or "latest news" list dumped to text: many stories, each stamped with when it was
     * posted ("2 timer siden", "i går", "14:32", "I går 22:10 Kommunen vil …"). At least
     * {@value #STAMPED_LIST_MIN} time stamps, with no more than {@value #TEASER_MAX_WORDS} words between two
     * of them, is a list of teasers: an article prints its own time once.
     */
    private static void refuseTimeStampedList(ArticleDraft draft) throws ExtractionException {
        int stamps = 0;
        int relative = 0;
        int stretch = 0;
        int longest = 0;
        int before = 0;
        for (DraftBlock block : draft.blocks) {
            String text = block.text();
            int words = Text.wordCount(text);
            if (words <= 20 && (TIME_STAMP_LINE.matcher(text).matches() || TIME_STAMP_FIRST.matcher(text).matches()
                    || (TIME_STAMP_LAST.matcher(text).matches() && !SENTENCE_END.matcher(text).matches()))) {
                if (stamps > 0) longest = Math.max(longest, stretch);
                else before = stretch;
                stamps++;
                if (!CLOCK_TIME_FIRST.matcher(text).lookingAt()) relative++;
                stretch = 0;
            } else {
                stretch += words;
            }
        }
        // a programme in an article ("10.30 Åpning", "11.00 Foredrag") has clock times only, and text around it
        if (stamps >= STAMPED_LIST_MIN && relative * 2 >= stamps && longest <= TEASER_MAX_WORDS
                && before + stretch <= TEASER_MAX_WORDS * 2) {
            throw new ExtractionException(ExtractionException.Reason.FRONT_PAGE,
                    stamps + " stories stamped with the time they were posted, a list of teasers");
        }
    }

    private static boolean isHeadlineUnit(DraftBlock block, boolean inferStructure) {
        if (block.kind() == Kind.HEADING || block.kind() == Kind.TITLE) return true;
        if (!inferStructure || block.kind() != Kind.PARAGRAPH) return false;
        String text = block.text();
        int words = Text.wordCount(text);
        return words >= 3 && words <= 20 && !HEADING_REFUSED_END.matcher(text).matches()
                && (Character.isUpperCase(text.codePointAt(0)) || Character.isDigit(text.codePointAt(0)));
    }

    /**
     * Refuses, after assembly, a draft that is no article, only for its true reason: no words at all
     * ({@link ExtractionException.Reason#NO_TEXT}), fewer than {@value #MIN_ARTICLE_WORDS} words or a title with
     * nothing under it ({@link ExtractionException.Reason#TOO_SHORT}, the detail giving the count: "12 words"), or
     * text in which no line can serve as the title ({@link ExtractionException.Reason#NO_TITLE}).
     *
     * @param draftWords the words in the draft's lead and blocks before assembly, counted when no title was found
     */
    static void requireEnoughText(Article article, int draftWords) throws ExtractionException {
        int words = article.title() == null ? draftWords : Text.wordCount(article.fullText());
        if (words == 0) throw new ExtractionException(ExtractionException.Reason.NO_TEXT, null);
        if (words < MIN_ARTICLE_WORDS || (article.title() != null && article.blocks().isEmpty() && article.lead() == null)) {
            throw new ExtractionException(ExtractionException.Reason.TOO_SHORT, words == 1 ? "1 word" : words + " words");
        }
        if (article.title() == null) throw new ExtractionException(ExtractionException.Reason.NO_TITLE, null);
    }

    /** The words in a draft's lead and blocks (its title may still be among the blocks). */
    static int words(ArticleDraft draft) {
        return draft.blocks.stream().mapToInt(block -> Text.wordCount(block.text())).sum()
                + (draft.lead == null ? 0 : Text.wordCount(draft.lead));
    }

    private void dropFooterAndChrome(List<DraftBlock> blocks) {
        int bodySeen = 0;
        for (int i = 0; i < blocks.size(); i++) {
            DraftBlock block = blocks.get(i);
            if (bodySeen > 0 && boilerplate.startsFooter(block.text())) {
                blocks.subList(i, blocks.size()).clear();
                break;
            }
            if (isRunningText(block) && !boilerplate.isChromeLine(block.text())) bodySeen++;
        }
        for (int i = 0; i + 1 < blocks.size(); i++) {
            // "Les også" on its own line: the line under it is the linked story's title, not text of this one
            DraftBlock next = blocks.get(i + 1);
            if (LINK_LEAD_IN.matcher(blocks.get(i).text()).matches() && next.text().length() <= HEADING_MAX_CHARS
                    && !SENTENCE_END.matcher(next.text()).matches()) {
                blocks.remove(i + 1);
            }
        }
        blocks.removeIf(block -> boilerplate.isChromeLine(block.text()));
        for (int i = 0; i < blocks.size(); i++) {
            DraftBlock block = blocks.get(i);
            Matcher mark = AGENCY_MARK.matcher(block.text());
            if (mark.find() && mark.start() > 0) blocks.set(i, new DraftBlock(block.kind(), block.text().substring(0, mark.start())));
        }
    }

    /** A site that splits a paragraph in two leaves the first half open and starts the second in lower case. */
    private static void joinSplitParagraphs(List<DraftBlock> blocks) {
        for (int i = 0; i + 1 < blocks.size(); i++) {
            DraftBlock block = blocks.get(i);
            DraftBlock next = blocks.get(i + 1);
            if (block.kind() == Kind.PARAGRAPH && next.kind() == Kind.PARAGRAPH && block.text().length() >= 40
                    && !SENTENCE_END.matcher(block.text()).matches() && !DIALOGUE_DASH.matcher(next.text()).matches()
                    && Character.isLowerCase(next.text().codePointAt(0))) {
                blocks.set(i, new DraftBlock(Kind.PARAGRAPH, block.text() + " " + next.text()));
                blocks.remove(i + 1);
                i--;
            }
        }
    }

    /** Whether a line of a text dump is a metadata line (labelled date, byline, tags, bare date) rather than text. */
    static boolean looksLikeMetadata(String line) {
        String text = Text.clean(line);
        if (text.length() > 160) return false;
        if (NorwegianDates.isDateLine(text) || DATE_LABEL_ONLY.matcher(text).matches() || TAGS.matcher(text).matches()) return true;
        for (String part : SECOND_FACT.split(text)) {
            Matcher published = PUBLISHED.matcher(part);
            Matcher revised = REVISED.matcher(part);
            if ((published.matches() && NorwegianDates.parse(published.group(1)).isPresent())
                    || (revised.matches() && NorwegianDates.parse(revised.group(1)).isPresent())
                    || authorOf(part) != null || (CREDIT.matcher(part).matches() && !SENTENCE_END.matcher(part).matches())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads date, byline and tag lines near the top (the first {@value #METADATA_ZONE} blocks, or up to three
     * past the first running text) and labelled date lines anywhere ("Sist oppdatert: 12.03.2023" under the
     * text). Several facts on one line are all read; a photo credit among them becomes an image credit.
     *
     * @return the index where the first metadata line stood in what remains, or -1
     */
    private static int readMetadataLines(List<DraftBlock> blocks, ArticleDraft draft, List<Image> images) {
        int firstBody = firstBodyIndex(blocks);
        int zone = Math.min(METADATA_ZONE_MAX, Math.max(METADATA_ZONE, firstBody + 3));
        int firstMetadata = -1;
        int removed = 0;
        for (int i = 0; i < blocks.size(); i++) {
            DraftBlock block = blocks.get(i);
            if (block.kind() != Kind.PARAGRAPH && block.kind() != Kind.CREDIT) continue;
            boolean inZone = i + removed < zone;
            String text = block.text();
            if (inZone && DATE_LABEL_ONLY.matcher(text).matches() && i + 1 < blocks.size()
                    && NorwegianDates.isDateLine(blocks.get(i + 1).text())) {
                text = text + " " + blocks.get(i + 1).text();
                blocks.remove(i + 1);
                removed++;
            }
            if (TAG_LABEL_ONLY.matcher(text).matches()) {
                // "Kategorier" on one line, the categories on the next
                if (inZone && i + 1 < blocks.size() && blocks.get(i + 1).text().length() <= 120
                        && !SENTENCE_END.matcher(blocks.get(i + 1).text()).matches()) {
                    text = text + ": " + blocks.get(i + 1).text();
                    blocks.remove(i + 1);
                    removed++;
                } else {
                    blocks.remove(i--);
                    removed++;
                    continue;
                }
            }
            if (!(inZone ? readMetadataLine(text, draft, images) : readLabelledDateLine(text, draft) || readTagLine(text, draft))) continue;
            if (firstMetadata < 0) firstMetadata = i;
            blocks.remove(i--);
            removed++;
        }
        return firstMetadata;
    }

    private static boolean readTagLine(String text, ArticleDraft draft) {
        Matcher tags = TAGS.matcher(text);
        if (!tags.matches()) return false;
        for (String tag : tags.group(1).split("\\s*[,;]\\s*")) if (!tag.isBlank()) draft.tags.add(Text.clean(tag));
        return true;
    }

    private static boolean readLabelledDateLine(String text, ArticleDraft draft) {
        if (text.length() > 80) return false;
        Matcher published = PUBLISHED.matcher(text);
        if (published.matches() && NorwegianDates.isDateLine(published.group(1))) {
            draft.offerPublished(published.group(1));
            return true;
        }
        Matcher revised = REVISED.matcher(text);
        if (revised.matches() && NorwegianDates.isDateLine(revised.group(1))) {
            draft.offerRevised(revised.group(1));
            return true;
        }
        return false;
    }

    /** A line is metadata when every fact on it is; otherwise it is text and nothing is taken from it. */
    private static boolean readMetadataLine(String text, ArticleDraft draft, List<Image> images) {
        if (text.length() > 200) return false;
        if (NorwegianDates.isDateLine(text)) {
            if (draft.published == null) draft.offerPublished(text);
            else draft.offerRevised(text);
            return true;
        }
        String[] parts = SECOND_FACT.split(text);
        if (parts.length == 1 && CREDIT.matcher(text).matches()) return false; // a credit alone is the picture's, read later
        List<Runnable> facts = new ArrayList<>();
        int labels = 0;
        boolean dated = false;
        for (String part : parts) {
            if (part.isBlank()) continue;
            Runnable fact = metadataFact(part.strip(), draft, images);
            if (fact != null) {
                facts.add(fact);
                dated |= NorwegianDates.parse(part).isPresent();
            } else if (Text.wordCount(part) <= 3 && !SENTENCE_END.matcher(part.strip()).matches()) {
                labels++; // "Pressemelding • 14. mai 2024", "Nr: 88/2024": a kind or number label beside the date
            } else {
                return false;
            }
        }
        if (labels > 0 && !dated) return false;
        facts.forEach(Runnable::run);
        return !facts.isEmpty();
    }

    private static Runnable metadataFact(String part, ArticleDraft draft, List<Image> images) {
        Matcher tags = TAGS.matcher(part);
        if (tags.matches()) {
            return () -> {
                for (String tag : tags.group(1).split("\\s*[,;]\\s*")) if (!tag.isBlank()) draft.tags.add(Text.clean(tag));
            };
        }
        Matcher published = PUBLISHED.matcher(part);
        if (published.matches() && NorwegianDates.parse(published.group(1)).isPresent()) {
            return () -> draft.offerPublished(published.group(1));
        }
        Matcher revised = REVISED.matcher(part);
        if (revised.matches() && NorwegianDates.parse(revised.group(1)).isPresent()) {
            return () -> draft.offerRevised(revised.group(1));
        }
        if (NorwegianDates.isDateLine(part)) {
            return () -> {
                if (draft.published == null) draft.offerPublished(part);
            };
        }
        String author = authorOf(part);
        if (author != null) return () -> draft.offerAuthor(author);
        Matcher credit = CREDIT.matcher(part);
        if (credit.matches() && !SENTENCE_END.matcher(part).matches()) {
            return () -> images.add(new Image(null, null, null, Text.clean(credit.group(1))));
        }
        return null;
    }

    /**
     * The dates on a line that holds other facts too (a byline): each part between separators that is a labelled
     * or bare date is offered as published or revised date, as {@link #readMetadataLine} reads it.
     */
    static void readDates(String line, ArticleDraft draft) {
        for (String part : SECOND_FACT.split(Text.clean(line))) {
            String fact = part.strip();
            Matcher published = PUBLISHED.matcher(fact);
            Matcher revised = REVISED.matcher(fact);
            if (revised.matches() && NorwegianDates.parse(revised.group(1)).isPresent()) draft.offerRevised(revised.group(1));
            else if (published.matches() && NorwegianDates.parse(published.group(1)).isPresent()) draft.offerPublished(published.group(1));
            else if (NorwegianDates.isDateLine(fact)) draft.offerPublished(fact);
        }
    }

    /** The name in a byline ("Av Kari Nordmann", "Skriven av: ola", "Utgiver: Klima- og miljødepartementet"), or null. */
    private static String authorOf(String part) {
        Matcher author = AUTHOR.matcher(part);
        if (!author.matches()) return null;
        String name = author.group(3).strip();
        int comma = name.indexOf(',');
        if (comma > 0) name = name.substring(0, comma).strip();
        boolean bareAv = (author.group(1).equalsIgnoreCase("av") || author.group(1).equalsIgnoreCase("by")) && author.group(2).isEmpty();
        if (bareAv && (!Character.isUpperCase(name.codePointAt(0)) || Text.wordCount(name) > 5)) return null;
        if (Text.wordCount(name) > 6 || name.endsWith(".")) return null;
        return name;
    }

    private static int firstBodyIndex(List<DraftBlock> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            if (isRunningText(blocks.get(i))) return i;
        }
        return -1;
    }

    /** Running text: a paragraph that ends a sentence and is either long or a full sentence ending in a period. */
    private static boolean isRunningText(DraftBlock block) {
        if (block.kind() != Kind.PARAGRAPH) return false;
        String text = block.text();
        return RUNNING_TEXT_END.matcher(text).matches()
                && (text.length() >= 100 || (text.endsWith(".") && Text.wordCount(text) >= 6));
    }

    private static String chooseTitle(List<DraftBlock> blocks, ArticleDraft draft, int metadataAt, List<Image> images) {
        Optional<DraftBlock> titleBlock = blocks.stream().filter(block -> block.kind() == Kind.TITLE).findFirst();
        String title;
        if (titleBlock.isPresent()) {
            title = titleBlock.get().text();
        } else if (draft.inferStructure && !blocks.isEmpty()) {
            int best = bestTitleLine(blocks, metadataAt);
            if (best < 0) return titleFromFirstSentence(blocks);
            title = blocks.get(best).text();
            for (int i = best - 1; i >= 0; i--) {
                Matcher credit = CREDIT.matcher(blocks.get(i).text());
                if (credit.matches() && !SENTENCE_END.matcher(blocks.get(i).text()).matches()) {
                    images.add(0, new Image(null, null, null, Text.clean(credit.group(1)))); // the credit of a picture above the title
                }
                if (blocks.get(i).text().length() < 120) blocks.remove(i); // labels and navigation above the title
            }
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
            if (title == null) return titleFromFirstSentence(blocks);
        }
        if (title != null) {
            String key = Text.key(title);
            blocks.removeIf(block -> Text.key(block.text()).equals(key));
        }
        return title;
    }

    /**
     * The line of an unmarked text that is its title, chosen by evidence rather than position: a title has
     * a headline's length (3 to 25 words) and shape (capital first, no closing period or colon), stands
     * before the running text and next to the date and byline lines, and is often printed twice (page title
     * and heading). Credits, bare dates and short labels above it ("Gartnerhallen-kongress 2023") lose.
     *
     * @return the index of the best line among the first {@value #TITLE_SEARCH} blocks, or -1 when there is none
     */
    private static int bestTitleLine(List<DraftBlock> blocks, int metadataAt) {
        int firstBody = firstBodyIndex(blocks);
        int limit = Math.min(blocks.size(), TITLE_SEARCH);
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (DraftBlock block : blocks) seen.merge(Text.key(block.text()), 1, Integer::sum);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < limit; i++) {
            DraftBlock block = blocks.get(i);
            String text = block.text();
            if (block.kind() != Kind.PARAGRAPH && block.kind() != Kind.HEADING) continue;
            if (isRunningText(block) || text.length() > TITLE_MAX_CHARS * 2 || NorwegianDates.isDateLine(text)
                    || CREDIT.matcher(text).matches() || TRAILING_CREDIT.matcher(text).matches()
                    || DIALOGUE_DASH.matcher(text).matches() || BULLET.matcher(text).matches()) continue;
            int words = Text.wordCount(text);
            double score = words <= 2 ? -3 : words == 3 ? -1 : words <= TITLE_MAX_WORDS ? 2 : -4;
            if (text.endsWith(".")) score -= SENTENCE_BREAK.matcher(text).find() ? 4 : 2;
            if (text.endsWith(":") || text.endsWith(";") || text.endsWith(",")) score -= 4;
            if (!Character.isUpperCase(text.codePointAt(0)) && !Character.isDigit(text.codePointAt(0))) score -= 3;
            if (words <= 4 && text.equals(text.toUpperCase(java.util.Locale.ROOT))) score -= 1;
            if (words >= 3 && seen.getOrDefault(Text.key(text), 0) > 1) score += 2;
            if (i + 1 < blocks.size() && (isRunningText(blocks.get(i + 1))
                    || (i + 2 < blocks.size() && blocks.get(i + 1).text().length() < 80 && isRunningText(blocks.get(i + 2))))) {
                score += 2;
            }
            if (metadataAt >= 0 && i == metadataAt - 1) score += 1.5;
            else if (metadataAt >= 0 && i == metadataAt) score += 1;
            if (firstBody >= 0 && i > firstBody) score -= 3;
            score -= 0.25 * i;
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    /**
     * Text without a title line (one paragraph, or only running text): the first sentence is the title when
     * it is short enough, and the rest of the paragraph stays as text; otherwise the title is the capped
     * start of the paragraph.
     */
    private static String titleFromFirstSentence(List<DraftBlock> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            DraftBlock block = blocks.get(i);
            if (block.kind() != Kind.PARAGRAPH && block.kind() != Kind.LEAD) continue;
            String text = block.text();
            Matcher breakAt = SENTENCE_BREAK.matcher(text);
            String first = breakAt.find() ? text.substring(0, breakAt.start()) : text;
            if (Text.wordCount(first) > TITLE_MAX_WORDS || first.length() > TITLE_MAX_CHARS) return capTitle(text);
            String rest = text.substring(first.length()).strip();
            if (rest.isEmpty()) blocks.remove(i);
            else blocks.set(i, new DraftBlock(block.kind(), rest));
            return first.endsWith(".") && !first.endsWith("..") ? first.substring(0, first.length() - 1) : first;
        }
        return null;
    }

    /** A title longer than {@value #TITLE_MAX_CHARS} characters or {@value #TITLE_MAX_WORDS} words, cut at a word and marked "…". */
    static String capTitle(String title) {
        if (title == null || (title.length() <= TITLE_MAX_CHARS && Text.wordCount(title) <= TITLE_MAX_WORDS)) return title;
        String[] words = title.split("\\s+");
        StringBuilder cut = new StringBuilder();
        for (int i = 0; i < words.length && i < TITLE_MAX_WORDS; i++) {
            if (cut.length() + 1 + words[i].length() > TITLE_MAX_CHARS - 1) break;
            if (cut.length() > 0) cut.append(' ');
            cut.append(words[i]);
        }
        if (cut.length() == 0) cut.append(title, 0, TITLE_MAX_CHARS - 1);
        return cut.toString().replaceAll("[\\s,;:.–-]+$", "") + "…";
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
            if (!isCredit) {
                Matcher trailing = TRAILING_CREDIT.matcher(block.text());
                if (block.kind() == Kind.PARAGRAPH && block.text().length() <= 240 && trailing.matches()) {
                    blocks.set(i, new DraftBlock(Kind.CAPTION, trailing.group(1)));
                    images.add(new Image(null, null, Text.clean(trailing.group(1)), Text.clean(trailing.group(2))));
                }
                continue;
            }
            String who = credit.matches() ? Text.clean(credit.group(1)) : block.text();
            blocks.set(i, block.as(Kind.CREDIT));
            String caption = null;
            if (inferStructure && !ALL_PHOTOS.matcher(block.text()).lookingAt() && i + 1 < blocks.size() && blocks.get(i + 1).kind() == Kind.PARAGRAPH
                    && !DIALOGUE_DASH.matcher(blocks.get(i + 1).text()).matches() && !opensTheText(blocks, i)) {
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
     * Whether the paragraph after a credit at {@code credit} is the article's first text (its lead) rather than a
     * caption: no running text stands above the credit (the picture sits under the title), and the paragraph is
     * not a caption's single short sentence followed by running text of its own.
     */
    private static boolean opensTheText(List<DraftBlock> blocks, int credit) {
        for (int i = 0; i < credit; i++) {
            if (isRunningText(blocks.get(i)) || blocks.get(i).kind() == Kind.LEAD) return false;
        }
        String next = blocks.get(credit + 1).text();
        boolean captionShaped = Text.wordCount(next) <= CAPTION_MAX_WORDS && !SENTENCE_BREAK.matcher(next).find();
        return !(captionShaped && credit + 2 < blocks.size() && isRunningText(blocks.get(credit + 2)));
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

    /**
     * Quotes, and in unmarked text list items and subheadings. In an office document (unmarkedHeadings) a short
     * unstyled line (at most {@value #UNMARKED_HEADING_MAX_WORDS} words, capital first, no closing punctuation)
     * that stands between a paragraph ending a sentence and longer running text is a subheading the writer
     * typed without a style.
     */
    private static void classifyParagraphs(List<DraftBlock> blocks, boolean inferStructure, boolean unmarkedHeadings) {
        for (int i = 0; i < blocks.size(); i++) {
            DraftBlock block = blocks.get(i);
            if (block.kind() != Kind.PARAGRAPH) continue;
            String text = block.text();
            if (DIALOGUE_DASH.matcher(text).matches() || isGuillemetQuote(text)) {
                blocks.set(i, block.as(Kind.QUOTE));
            } else if (inferStructure && BULLET.matcher(text).matches()) {
                blocks.set(i, new DraftBlock(Kind.LIST, BULLET.matcher(text).replaceFirst("$1")));
            } else if (inferStructure && looksLikeHeading(text) && introducesText(blocks, i) && !endsALineRun(blocks, i)) {
                blocks.set(i, block.as(Kind.HEADING));
            } else if (unmarkedHeadings && i > 0 && Text.wordCount(text) <= UNMARKED_HEADING_MAX_WORDS && looksLikeHeading(text)
                    && endsASentence(blocks.get(i - 1)) && introducesText(blocks, i)) {
                blocks.set(i, block.as(Kind.HEADING));
            }
        }
    }

    private static boolean endsASentence(DraftBlock block) {
        return (block.kind() == Kind.PARAGRAPH || block.kind() == Kind.QUOTE || block.kind() == Kind.LEAD)
                && RUNNING_TEXT_END.matcher(block.text()).matches();
    }

    private static boolean isGuillemetQuote(String text) {
        return text.startsWith("«") && text.endsWith("»") && text.indexOf('«', 1) < 0;
    }

    private static boolean looksLikeHeading(String text) {
        int first = text.codePointAt(0);
        return text.length() <= HEADING_MAX_CHARS
                && Text.wordCount(text) <= HEADING_MAX_WORDS
                && !HEADING_REFUSED_END.matcher(text).matches()
                && (Character.isUpperCase(first) || Character.isDigit(first));
    }

    /** The last of several short lines in a row (a list of names or places) is an item, not a heading. */
    private static boolean endsALineRun(List<DraftBlock> blocks, int index) {
        if (index == 0) return false;
        DraftBlock previous = blocks.get(index - 1);
        return (previous.kind() == Kind.PARAGRAPH || previous.kind() == Kind.LIST)
                && previous.text().length() <= HEADING_MAX_CHARS && !SENTENCE_END.matcher(previous.text()).matches();
    }

    /**
     * A subheading is followed by longer running text, not by another short line; that text may be a
     * paragraph the site split in two, whose first half ends without punctuation.
     */
    private static boolean introducesText(List<DraftBlock> blocks, int index) {
        if (index + 1 >= blocks.size()) return false;
        DraftBlock next = blocks.get(index + 1);
        if ((next.kind() != Kind.PARAGRAPH && next.kind() != Kind.QUOTE)
                || next.text().length() <= blocks.get(index).text().length() * 2) return false;
        if (SENTENCE_END.matcher(next.text()).matches()) return true;
        return next.text().length() >= 60 && index + 2 < blocks.size()
                && blocks.get(index + 2).kind() == Kind.PARAGRAPH && SENTENCE_END.matcher(blocks.get(index + 2).text()).matches()
                && blocks.get(index + 2).text().length() >= 60;
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
