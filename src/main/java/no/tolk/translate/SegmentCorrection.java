package no.tolk.translate;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.store.JdbcTranslationStore;

/**
 * A person's correction of one segment of a stored translation (the review desk's edit in place): the text
 * replaces the segment in the translation, the quality gate checks it at once (its findings replace that
 * segment's old ones), and it becomes the translation memory's entry for the segment's source text, marked
 * as human ({@code engine = "human:<user>"}), so later articles with the same sentence reuse it.
 */
public class SegmentCorrection {

    private final JdbcTranslationStore translations;
    private final QualityGate qualityGate;
    private final Path glossaryFolder;
    private final Clock clock;

    public SegmentCorrection(JdbcTranslationStore translations, QualityGate qualityGate, Path glossaryFolder, Clock clock) {
        this.translations = translations;
        this.qualityGate = qualityGate;
        this.glossaryFolder = glossaryFolder;
        this.clock = clock;
    }

    /**
     * @param source the source article (current revision)
     * @param segmentId {@code title}, {@code lead} or {@code b<n>} (0-based block index)
     * @param text the corrected target text (plain text; names and links written out as in the source)
     * @return the stored translation with the segment replaced and its findings re-checked
     * @throws IllegalArgumentException for an unknown segment, a blank text, or no stored translation
     */
    public Translation correct(Article source, String language, String segmentId, String text, String user) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("the corrected text is empty");
        String corrected = text.strip().replace("\r\n", "\n");
        Translation stored = translations.find(source.id(), source.revision(), language)
                .orElseThrow(() -> new IllegalArgumentException("article " + source.id() + " has no " + language + " translation"));
        String sourceLanguage = sourceLanguage(source);
        Glossary glossary = Glossary.load(glossaryFolder, sourceLanguage, language);
        Set<String> protectedTerms = Segmenter.protectedTerms(source, glossary.doNotTranslate());
        ProtectedSegment segment = Segmenter.segments(source, protectedTerms, Map.of()).stream()
                .filter(s -> s.id().equals(segmentId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("article " + source.id() + " has no segment " + segmentId));
        String placeholdered = protect(corrected, segment);
        QualityGate.SegmentFindings checked = qualityGate.check(
                new QualityGate.CheckedSegment(segment, placeholdered, corrected, true), language, glossary.terms(), protectedTerms);
        List<QaFinding> findings = new ArrayList<>();
        for (QaFinding finding : stored.qa()) {
            if (!finding.message().startsWith(segmentId + ": ")) findings.add(finding);
        }
        findings.addAll(checked.findings());
        Article article = replace(stored.article(), segmentId, corrected);
        Translation updated = new Translation(stored.articleId(), stored.revision(), stored.language(), article, stored.engine(),
                stored.usage(), findings, clock.instant());
        Map<String, String> memory = checked.hasErrors() ? Map.of()
                : Map.of(TranslationStage.hash(segment.text()), placeholdered);
        translations.save(updated, memory, sourceLanguage, "human:" + user);
        return updated;
    }

    /** The corrected text with each protected span put back as its placeholder, as the engines return it. */
    static String protect(String text, ProtectedSegment segment) {
        String result = text;
        for (Map.Entry<String, String> placeholder : segment.placeholders().entrySet()) {
            String value = placeholder.getValue();
            int at = value.isEmpty() ? -1 : result.indexOf(value);
            if (at >= 0) {
                result = result.substring(0, at) + "<x id=\"" + placeholder.getKey() + "\"/>" + result.substring(at + value.length());
            }
        }
        return result;
    }

    private static Article replace(Article article, String segmentId, String text) {
        String title = segmentId.equals("title") ? text : article.title();
        String lead = segmentId.equals("lead") ? text : article.lead();
        List<Block> blocks = new ArrayList<>(article.blocks());
        Matcher block = java.util.regex.Pattern.compile("b(\\d+)").matcher(segmentId);
        if (block.matches()) {
            int index = Integer.parseInt(block.group(1));
            if (index >= blocks.size()) throw new IllegalArgumentException("no block " + (index + 1));
            blocks.set(index, new Block(blocks.get(index).type(), text));
        }
        return new Article(article.id(), article.revision(), article.sourceFile(), article.language(), title, lead,
                article.author(), article.published(), article.revised(), article.images(), article.tags(), blocks);
    }

    private static String sourceLanguage(Article article) {
        String language = article.language();
        return language == null || language.isBlank() || language.equals("no") || language.equals("und") ? "nb" : language;
    }
}
