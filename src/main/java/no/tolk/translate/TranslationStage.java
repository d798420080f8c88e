package no.tolk.translate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.article.Block;
import no.tolk.article.Image;
import no.tolk.ops.PendingWork;
import no.tolk.store.ArticleStore;
import no.tolk.store.ArticleSummary;
import no.tolk.store.JdbcTranslationStore;
import no.tolk.store.WorkClaims;
import no.tolk.translate.xliff.ReturnedTranslation;
import no.tolk.translate.xliff.XliffTranslator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates every article that is due: extracted ones, those waiting for quota whose retry time has
 * come, and those whose human translation has come back. Per target language it reuses translation
 * memory, sends only the remaining segments along the engine chain, checks quality and stores the
 * translation; the article's state follows from the outcome.
 */
public class TranslationStage implements PendingWork {

    private static final Logger LOG = LoggerFactory.getLogger(TranslationStage.class);
    static final String MEMORY = "memory";
    /**
     * Languages Tolk translates from: Norwegian in either written standard ("no" from older data). Anything
     * else, and text whose language could not be told ("und"), is held for a person instead of being sent
     * to an engine that would translate the wrong language or publish a wrong guess.
     */
    static final Set<String> SOURCE_LANGUAGES = Set.of("nb", "nn", "no");
    /** Articles claimed at a time: small, so that instances sharing the store share a backlog. */
    static final int CLAIM_BATCH = 8;
    /** Most articles one poll takes on (the next poll goes on). */
    static final int MAX_PER_POLL = 400;

    private final ArticleStore articles;
    private final JdbcTranslationStore translations;
    private final XliffTranslator xliff;
    private final Function<String, Translator> engines;
    private final QualityGate qualityGate;
    private final TranslationSettings settings;
    private final Clock clock;
    /** Engines that refused Tolk's credentials or configuration: not called again until Tolk restarts. */
    private final Map<String, String> rejected = new ConcurrentHashMap<>();
    private final Map<String, Glossary> glossaries = new ConcurrentHashMap<>();

    /** @param engines builds a machine engine by name (the {@code translationEngines} factory) */
    public TranslationStage(ArticleStore articles, JdbcTranslationStore translations, XliffTranslator xliff,
                            Function<String, Translator> engines, QualityGate qualityGate,
                            TranslationSettings settings, Clock clock) {
        this.articles = articles;
        this.translations = translations;
        this.xliff = xliff;
        this.engines = engines;
        this.qualityGate = qualityGate;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 100;
    }

    /**
     * Translates what is due, claimed from the store a batch at a time ({@link WorkClaims#claimTranslations}): only
     * claimed articles reach an engine, and each is released when done, whatever the outcome. Articles another
     * instance holds are left to it; an article that stays due (an engine error) is tried again on the next poll.
     */
    @Override
    public synchronized int runPending() {
        glossaries.clear();
        Set<String> returned = returnedTranslations();
        // a rejected returned file shows in status, show and JMX until a good one arrives
        xliff.rejections().forEach((articleId, reason) -> {
            if (articles.findSummary(articleId).map(a -> a.state().equalsIgnoreCase(ArticleState.AWAITING_TRANSLATION.name())).orElse(false)) {
                translations.setLastError(articleId, reason);
            }
        });
        WorkClaims claims = articles.claims();
        // failed on an engine's refusal: tried once more by a restarted Tolk, whose configuration may be fixed
        boolean failedDue = settings.allEngines().stream().anyMatch(name -> !rejected.containsKey(name));
        Set<String> seen = new java.util.HashSet<>();
        int moved = 0;
        List<ArticleSummary> batch;
        while (seen.size() < MAX_PER_POLL
                && !(batch = claims.claimTranslations(returned, failedDue, clock.instant(), CLAIM_BATCH, seen)).isEmpty()) {
            for (ArticleSummary summary : batch) {
                seen.add(summary.id());
                try {
                    ArticleState state = ArticleState.valueOf(summary.state().toUpperCase(Locale.ROOT));
                    Optional<Article> article = articles.findArticle(summary.id());
                    if (article.isPresent() && translate(article.get(), state) != state) moved++;
                } finally {
                    claims.release(summary.id());
                }
            }
        }
        return moved;
    }

    private Set<String> returnedTranslations() {
        try {
            Set<String> keys = new java.util.HashSet<>();
            for (ReturnedTranslation translation : xliff.waitingTranslations()) {
                keys.add(translation.articleId() + "/" + translation.revision());
            }
            return keys;
        } catch (TranslationException e) {
            LOG.warn("Cannot look for returned human translations: {}", e.getMessage());
            return Set.of();
        }
    }

    /** Translates the article into every target language still missing; returns its new state. */
    public ArticleState translate(Article article, ArticleState current) {
        if (article.language() != null && !SOURCE_LANGUAGES.contains(article.language())) {
            articles.changeState(article.id(), ArticleState.SKIPPED, heldBecause(article.language()));
            return ArticleState.SKIPPED;
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (String language : settings.targetsFor(sourceLanguage(article))) {
            if (language.equals(article.language())) continue;
            Optional<Translation> existing = translations.find(article.id(), article.revision(), language);
            Optional<Rejection> rejection = translations.rejection(article.id(), article.revision());
            boolean redo = rejection.isPresent() && existing.isPresent() && !existing.get().createdAt().isAfter(rejection.get().at());
            if (existing.isPresent() && !redo) {
                outcomes.add(Outcome.of(existing.get()));
                continue;
            }
            try {
                boolean human = current == ArticleState.AWAITING_TRANSLATION || rejection.map(Rejection::toHuman).orElse(false);
                if (redo && human) translations.discard(article.id(), article.revision(), language);
                Outcome outcome = translateInto(article, language, human, rejection.isPresent());
                if (redo && !human && sameText(existing.get(), article.id(), article.revision(), language)) {
                    // never back unchanged: the engine gave the rejected text again, so a person translates it
                    translations.discard(article.id(), article.revision(), language);
                    outcome = translateInto(article, language, true, true);
                }
                outcomes.add(outcome);
            } catch (RuntimeException e) {
                LOG.error("Translating article {} into {} failed", article.id(), language, e);
                outcomes.add(new Outcome(ArticleState.EXTRACTED, language + ": " + e.getMessage(), null));
            }
        }
        Outcome decisive = outcomes.stream().min((a, b) -> rank(a.state()) - rank(b.state()))
                .orElse(new Outcome(ArticleState.TRANSLATED, "no target language besides " + article.language(), null));
        apply(article, current, decisive);
        return decisive.state();
    }

    /** The state that wins when languages end differently: the one needing attention first. */
    private static int rank(ArticleState state) {
        return switch (state) {
            case FAILED -> 0;
            case EXTRACTED -> 1;
            case WAITING_FOR_QUOTA -> 2;
            case AWAITING_TRANSLATION -> 3;
            case IN_REVIEW -> 4;
            default -> 5;
        };
    }

    private void apply(Article article, ArticleState current, Outcome outcome) {
        switch (outcome.state()) {
            case WAITING_FOR_QUOTA -> translations.scheduleRetry(article.id(), outcome.retryAt(), outcome.reason());
            case FAILED -> translations.scheduleRetry(article.id(), clock.instant(), outcome.reason());
            case EXTRACTED -> { }
            default -> translations.resolved(article.id());
        }
        boolean trouble = outcome.state() == ArticleState.FAILED || outcome.state() == ArticleState.EXTRACTED
                || outcome.state() == ArticleState.WAITING_FOR_QUOTA;
        if (trouble || outcome.state() == ArticleState.IN_REVIEW) translations.setLastError(article.id(), outcome.reason());
        if (outcome.state() != current) {
            articles.changeState(article.id(), outcome.state(), outcome.reason());
            LOG.info("Article {} revision {}: {}", article.id(), article.revision(), outcome.reason());
        } else if (trouble) {
            LOG.warn("Article {} revision {} stays {}: {}", article.id(), article.revision(), current.label(), outcome.reason());
        }
    }

    private boolean sameText(Translation rejected, String articleId, int revision, String language) {
        return translations.find(articleId, revision, language)
                .map(fresh -> fresh.article().fullText().equals(rejected.article().fullText())).orElse(false);
    }

    /** @param skipMemory a rejected revision: its segments are not taken from the translation memory */
    private Outcome translateInto(Article article, String target, boolean humanOnly, boolean skipMemory) {
        String source = sourceLanguage(article);
        // read once per poll, so an edited glossary applies from the next poll on
        Glossary glossary = glossaries.computeIfAbsent(source + "-" + target,
                key -> Glossary.load(settings.glossaryFolder(), source, target));
        Set<String> protectedTerms = Segmenter.protectedTerms(article, glossary.doNotTranslate());
        List<String> chain = humanOnly ? List.of(XliffTranslator.NAME) : settings.engineChain(source, target);
        String waitReason = null;
        Instant retryAt = null;
        List<String> skipped = new ArrayList<>();
        for (String name : chain) {
            if (rejected.containsKey(name)) {
                skipped.add(rejected.get(name));
                continue;
            }
            Translator engine;
            try {
                engine = engine(name);
            } catch (RuntimeException e) {
                return refused(name, e.getMessage());
            }
            boolean engineGlossary = engine.capabilities().glossary();
            List<ProtectedSegment> segments = Segmenter.segments(article, protectedTerms,
                    engineGlossary ? Map.of() : glossary.terms());
            Map<String, String> hashes = new LinkedHashMap<>();
            segments.forEach(segment -> hashes.put(segment.id(), hash(segment.text())));
            Map<String, String> remembered = skipMemory ? Map.of()
                    : translations.remembered(List.copyOf(hashes.values()), source, target);
            List<ProtectedSegment> misses = segments.stream().filter(s -> !remembered.containsKey(hashes.get(s.id()))).toList();
            Map<String, String> engineTexts = new LinkedHashMap<>();
            segments.forEach(s -> engineTexts.put(s.id(), remembered.get(hashes.get(s.id()))));
            Usage usage = Usage.none(misses.isEmpty() ? MEMORY : name);
            Map<String, List<String>> notes = Map.of();
            List<QaFinding> engineFindings = List.of();
            if (!misses.isEmpty()) {
                TranslationRequest request = new TranslationRequest(source, target,
                        misses.stream().map(ProtectedSegment::segment).toList(),
                        engineGlossary ? glossary.terms() : Map.of(), protectedTerms).forDocument(new SourceDocument(article.id(), article.revision(), article.title(), article.sourceFile()))
                        .withContext(Segmenter.context(article, misses));
                long budget = settings.budget(name);
                if (budget > 0 && billedThisMonth(name) + request.characters() > budget) {
                    waitReason = "the monthly budget of " + budget + " characters for " + name + " is used up";
                    retryAt = firstOfNextMonth();
                    continue;
                }
                TranslationResult result;
                try {
                    result = engine.translate(request);
                } catch (QuotaExceededException e) {
                    waitReason = name + ": " + e.getMessage();
                    retryAt = clock.instant().plus(settings.quotaRetry());
                    continue;
                } catch (EngineRejectedException e) {
                    return refused(name, e.getMessage());
                } catch (TranslationPendingException e) {
                    return new Outcome(ArticleState.AWAITING_TRANSLATION, target + ": " + e.getMessage(), null);
                } catch (TranslationException e) {
                    return new Outcome(ArticleState.EXTRACTED, target + ": " + name + " failed, retried at the next poll: "
                            + e.getMessage(), null);
                }
                usage = result.usage();
                if (usage.billedCharacters() > 0 || usage.requests() > 0) {
                    translations.recordUsage(article.id(), target, usage);
                }
                result.segments().forEach(segment -> engineTexts.put(segment.id(), segment.text()));
                notes = result.notes();
                engineFindings = result.findings();
            }
            return finish(article, target, segments, hashes, engineTexts, remembered.keySet(), name, usage, glossary,
                    protectedTerms, notes, engineFindings);
        }
        if (waitReason != null) {
            return new Outcome(ArticleState.WAITING_FOR_QUOTA, target + ": " + waitReason + "; retried after " + retryAt, retryAt);
        }
        return new Outcome(ArticleState.FAILED, target + ": no usable engine: " + String.join("; ", skipped), null);
    }

    private Outcome finish(Article article, String target, List<ProtectedSegment> segments, Map<String, String> hashes,
                           Map<String, String> engineTexts, Set<String> rememberedHashes, String engine, Usage usage,
                           Glossary glossary, Set<String> protectedTerms, Map<String, List<String>> notes,
                           List<QaFinding> engineFindings) {
        boolean human = engine.equals(XliffTranslator.NAME);
        Map<String, String> finalTexts = new LinkedHashMap<>();
        List<QaFinding> findings = new ArrayList<>();
        Map<String, String> passed = new LinkedHashMap<>();
        for (ProtectedSegment segment : segments) {
            String engineText = engineTexts.get(segment.id());
            String restored = engineText == null ? "" : segment.restore(engineText).strip();
            String text = target.equals("en") ? EnglishTypography.apply(restored) : restored;
            finalTexts.put(segment.id(), text);
            QualityGate.SegmentFindings checked = qualityGate.check(
                    new QualityGate.CheckedSegment(segment, engineText, text, human), sourceLanguage(article), target,
                    glossary.terms(), protectedTerms);
            findings.addAll(checked.findings());
            String hash = hashes.get(segment.id());
            if (!checked.hasErrors() && !rememberedHashes.contains(hash)) passed.put(hash, engineText);
        }
        findings.addAll(engineFindings);
        notes.forEach((segmentId, texts) -> texts.forEach(note ->
                findings.add(new QaFinding(QaFinding.NOTE, "translator-note", "Segment " + segmentId + ": " + note))));
        Article translated = translatedArticle(article, target, finalTexts);
        Translation translation = new Translation(article.id(), article.revision(), target, translated,
                usage.engine(), usage, findings, clock.instant());
        translations.save(translation, passed, sourceLanguage(article));
        Map<String, String> sources = new LinkedHashMap<>();
        segments.forEach(segment -> sources.putIfAbsent(hashes.get(segment.id()), segment.text()));
        translations.rememberSources(sources, sourceLanguage(article), target);
        return Outcome.of(translation);
    }

    private static Article translatedArticle(Article article, String target, Map<String, String> texts) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < article.blocks().size(); i++) {
            Block block = article.blocks().get(i);
            String text = texts.get("b" + i);
            // an empty translation is a QA error already; the source text keeps the block readable in review
            blocks.add(new Block(block.type(), text == null || text.isBlank() ? block.text() : text));
        }
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < article.images().size(); i++) {
            Image image = article.images().get(i);
            images.add(new Image(image.source(), translatedOr(texts.get(Segmenter.imageAltId(i)), image.alt()),
                    translatedOr(texts.get(Segmenter.imageCaptionId(i)), image.caption()), image.credit()));
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < article.tags().size(); i++) {
            tags.add(translatedOr(texts.get(Segmenter.tagId(i)), article.tags().get(i)));
        }
        return new Article(article.id(), article.revision(), article.sourceFile(), target,
                texts.getOrDefault("title", article.title()), texts.getOrDefault("lead", article.lead()), article.author(),
                article.published(), article.revised(), images, tags, blocks);
    }

    private static String translatedOr(String translated, String source) {
        return translated == null || translated.isBlank() ? source : translated;
    }

    private Outcome refused(String engine, String message) {
        String reason = "translation engine " + engine + " is not usable with this configuration: " + message
                + ". Fix its credentials or settings (see docs/translate-engines.md) and restart Tolk;"
                + " articles are not sent to it again until then.";
        if (rejected.putIfAbsent(engine, reason) == null) {
            LOG.error(reason);
        }
        return new Outcome(ArticleState.FAILED, reason, null);
    }

    private Translator engine(String name) {
        return name.equals(XliffTranslator.NAME) ? xliff : engines.apply(name);
    }

    private long billedThisMonth(String engine) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return translations.billedCharacters(today.withDayOfMonth(1), today).getOrDefault(engine, 0L);
    }

    private Instant firstOfNextMonth() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1)
                .atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The plain reason 'tolk status' shows for an article held because of its language. */
    static String heldBecause(String language) {
        String what = switch (language) {
            case "und" -> "its language could not be told, or it is none of Norwegian, English, Danish and Swedish";
            case "en" -> "it is in English";
            case "da" -> "it is in Danish";
            case "sv" -> "it is in Swedish";
            default -> "it is in language '" + language + "'";
        };
        return "held for a person, not translated: " + what + "; Tolk translates Norwegian (Bokmål or Nynorsk) articles";
    }

    private static String sourceLanguage(Article article) {
        String language = article.language();
        return language == null || language.isBlank() || language.equals("no") || language.equals("und") ? "nb" : language;
    }

    /** SHA-256 (hex) of a segment's placeholdered text: the translation memory's key. */
    public static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Outcome(ArticleState state, String reason, Instant retryAt) {
        static Outcome of(Translation translation) {
            return translation.hasErrors()
                    ? new Outcome(ArticleState.IN_REVIEW, translation.language() + ": quality checks found errors: "
                    + String.join("; ", translation.qa().stream().filter(QaFinding::isError).map(QaFinding::message).toList()), null)
                    : new Outcome(ArticleState.TRANSLATED, "translated into " + translation.language() + " by "
                    + translation.engine(), null);
        }
    }
}
