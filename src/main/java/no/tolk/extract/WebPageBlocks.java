package no.tolk.extract;

import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line-level rules for a web page's main content, after {@link MainContent} chose it: the short lines that
 * every CMS prints around an article (reading time, comment count, share and print labels, tag and category
 * lines, a bare date, the byline) are metadata or chrome, not article text (as jusText classifies short
 * blocks). Bylines and dates found here become metadata; headings left with nothing after them go.
 */
final class WebPageBlocks {

    private static final Pattern READING_TIME = Pattern.compile(
            "(?iu)^(?:ca\\.?\\s*)?\\d+\\s*(?:min\\.?|minutt(?:er)?|minuttar|minutes?|minuten|minuter)\\s*"
                    + "(?:lesetid|lesing|å lese|å lesa|read|reading time|lesezeit|de lecture|läsning|lästid|läsningstid)?\\.?$"
                    + "|(?iu)^(?:lesetid|reading time|lesezeit|temps de lecture|lästid)\\s*:?\\s*\\d+\\s*\\S*$");
    private static final Pattern COMMENT_COUNT = Pattern.compile(
            "(?iu)^(?:\\d+\\s+(?:kommentar(?:er)?|comments?|kommentare?|commentaires?|svar|replies)"
                    + "|(?:ingen|no)\\s+(?:kommentarer|comments)(?: ennå| yet)?"
                    + "|skriv en kommentar|legg igjen en kommentar|leave a (?:comment|reply)|kommenter(?: saken)?)\\.?$");
    private static final Pattern SHARE_OR_PRINT = Pattern.compile(
            "(?iu)^(?:del|del saken|del artikkelen|del denne (?:saken|artikkelen|siden)|share|share this(?: article| story| page)?"
                    + "|teilen|artikel teilen|partager|partager cet article|dela|dela artikeln|skriv ut|print|print this page"
                    + "|drucken|imprimer|tips en venn|send til en venn|email|e-post)"
                    + "(?:\\s+(?:på|on|auf|sur)\\s+\\S+)?\\s*:?$");
    private static final Pattern LABEL_LINE = Pattern.compile(
            "(?iu)^(?:stikkord|stikkordsliste|emneord|nøkkelord|tags?|kategori(?:er)?|categories|category|emner|tema"
                    + "|schlagwörter|schlagworte|themen|étiquettes|catégories?|mots-clés|taggar|ämnen|publisert under"
                    + "|publisert i|arkivert under|filed under|posted in|lagret under)\\s*:.*$");
    private static final Pattern BYLINE = Pattern.compile(
            "(?iu)^(?:av|by|von|par|skrevet av|skriven av|tekst|text|written by|geschrieben von|författare|forfattar"
                    + "|forfatter|journalist|tekst og foto|utgiver|utgjevar|utgitt av|gitt ut av)\\s*:?\\s+(\\p{Lu}.{1,80})$");
    /** A byline with a label that only names an author or publisher ("Utgiver: Kunnskapsdepartementet"), not the bare "Av". */
    private static final Pattern LABELLED_BYLINE = Pattern.compile(
            "(?iu)^(?:skrevet av|skriven av|written by|forfatter|forfattar|journalist|utgiver|utgjevar|utgitt av|gitt ut av)\\s*:?\\s+\\p{Lu}.{1,80}$");
    private static final Pattern AUTHOR_CUT = Pattern.compile(
            "(?iu)\\s*(?:[|·•]|\\s[-–—]\\s|\\b(?:publisert|published|oppdatert|updated|veröffentlicht|publié|publicerad)\\b|\\d{1,2}\\.\\s?\\p{L}|\\d).*$");
    private static final int SHORT_LINE_WORDS = 15;

    private WebPageBlocks() {
    }

    static void tidy(ArticleDraft draft) {
        int position = 0;
        for (Iterator<DraftBlock> blocks = draft.blocks.iterator(); blocks.hasNext(); position++) {
            DraftBlock block = blocks.next();
            if (block.kind() != DraftBlock.Kind.PARAGRAPH && block.kind() != DraftBlock.Kind.LIST
                    && block.kind() != DraftBlock.Kind.HEADING && block.kind() != DraftBlock.Kind.CREDIT) continue;
            String text = block.text();
            if (Text.wordCount(text) > SHORT_LINE_WORDS) continue;
            if (READING_TIME.matcher(text).matches() || COMMENT_COUNT.matcher(text).matches()
                    || SHARE_OR_PRINT.matcher(text).matches() || LABEL_LINE.matcher(text).matches()) {
                blocks.remove();
            } else if (block.kind() != DraftBlock.Kind.CREDIT && isBareDate(text)) {
                draft.offerPublished(text);
                blocks.remove();
            } else if (block.kind() == DraftBlock.Kind.PARAGRAPH && position < 8 && isByline(text, draft)) {
                blocks.remove();
            }
        }
        while (!draft.blocks.isEmpty() && draft.blocks.get(draft.blocks.size() - 1).kind() == DraftBlock.Kind.HEADING) {
            draft.blocks.remove(draft.blocks.size() - 1);
        }
    }

    /** A line that is only a date (with weekday, time of day or a label), not a sentence that holds one. */
    private static boolean isBareDate(String text) {
        if (Text.wordCount(text) > 7 || !text.matches(".*\\d.*") || NorwegianDates.parse(text).isEmpty()) return false;
        String rest = text.replaceAll("(?iu)\\b(?:publisert|published|oppdatert|updated|sist endret|dato|date|kl\\.?|klokka|um|à|at|den)\\b", " ")
                .replaceAll("(?iu)\\b(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|måndag|tysdag|laurdag|sundag"
                        + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b", " ")
                .replaceAll("(?iu)\\b(?:jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|des|dec)\\p{L}*\\.?", " ")
                .replaceAll("[\\d.:/,|\\s-]+", " ").strip();
        return rest.isEmpty();
    }

    /** Whether a line is a byline with a label that names its author or publisher ("Utgiver: Kunnskapsdepartementet"). */
    static boolean isLabelledByline(String text) {
        return LABELLED_BYLINE.matcher(Text.clean(text)).matches();
    }

    /**
     * The byline printed as the first lines of the body: read as the author (when none is known yet) and dropped,
     * with the dates on the same line ("Av Ola Haugen · 4. april 2024 kl. 06.00 · 2 min lesetid").
     */
    private static boolean isByline(String text, ArticleDraft draft) {
        Matcher byline = BYLINE.matcher(text);
        if (byline.matches()) {
            ArticleAssembler.readDates(text, draft);
            String name = cleanAuthor(byline.group(1));
            if (name.isEmpty()) return false;
            if (draft.author == null && Text.wordCount(name) <= 8) draft.offerAuthor(name);
            return draft.author != null && (Text.key(text).contains(Text.key(draft.author)) || Text.key(name).equals(Text.key(draft.author)));
        }
        return draft.author != null && Text.key(cleanAuthor(text)).equals(Text.key(draft.author));
    }

    /** "Av Kari Nordmann · Publisert 11. juni" is Kari Nordmann. */
    static String cleanAuthor(String text) {
        String name = Text.clean(text).replaceFirst(
                "(?iu)^(?:av|by|von|par|skrevet av|skriven av|tekst|text|written by|geschrieben von|forfatter|forfattar|journalist"
                        + "|utgiver|utgjevar|utgitt av|gitt ut av)\\s*:?\\s+", "");
        return AUTHOR_CUT.matcher(name).replaceFirst("").strip();
    }
}
