package no.tolk.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import java.util.List;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import no.tolk.article.ArticleState;

/**
 * Tolk's figures for Prometheus, named after its conventions (base units, {@code _total} for counters).
 * States, as gauges (the same as on tolk:type=Pipeline): tolk_articles{state}, tolk_articles_today,
 * tolk_billed_characters_month{engine}, tolk_monthly_budget_remaining{engine} (-1: no budget),
 * tolk_translation_memory_hit_rate, tolk_oldest_waiting_seconds, tolk_ingest_paused (1 while paused).
 * Counters over the store's whole history (so they never decrease, whichever process did the work):
 * tolk_articles_{extracted,translated,published,failed,quarantined}_total (state transitions) and
 * tolk_billed_characters_total{engine}. A scrape reads the store at most once a second.
 */
public final class TolkMetrics {

    private TolkMetrics() {
    }

    public static void register(MeterRegistry registry, PipelineMXBean pipeline, Iterable<String> engines, Clock clock) {
        Supplier<Map<String, Integer>> perState = cached(pipeline::getArticlesPerState, clock);
        for (ArticleState state : ArticleState.values()) {
            Gauge.builder("tolk.articles", () -> perState.get().getOrDefault(state.label(), 0))
                    .description("Articles in each state").tag("state", state.label()).register(registry);
        }
        Gauge.builder("tolk.articles.today", pipeline::getArticlesToday).description("Articles first received today").register(registry);
        Supplier<Map<String, Long>> billed = cached(pipeline::getBilledCharactersThisMonth, clock);
        Supplier<Map<String, Long>> remaining = cached(pipeline::getRemainingBudget, clock);
        for (String engine : engines) {
            Gauge.builder("tolk.billed.characters.month", () -> billed.get().getOrDefault(engine, 0L))
                    .description("Characters billed by the engine this month").tag("engine", engine).register(registry);
            Gauge.builder("tolk.monthly.budget.remaining", () -> remaining.get().getOrDefault(engine, -1L))
                    .description("Characters left of tolk.translate.<engine>.monthly-budget (-1: no budget)").tag("engine", engine).register(registry);
        }
        Gauge.builder("tolk.ingest.paused", () -> pipeline.isIngestPaused() ? 1 : 0)
                .description("1 while ingest is paused through JMX (files wait in the inbox, feeds are not polled)").register(registry);
        Gauge.builder("tolk.translation.memory.hit.rate", pipeline::getTranslationMemoryHitRate)
                .description("Share of segments served from translation memory (-1: no translate stage)").register(registry);
        Gauge.builder("tolk.oldest.waiting.seconds", () -> {
            String since = pipeline.getOldestWaitingArticle().get("since");
            return since == null ? 0 : Duration.between(Instant.parse(since), clock.instant()).toSeconds();
        }).description("How long the longest-waiting article has been in its state").register(registry);
    }

    /**
     * The counters read from the store's history: transitions into each state, and billed characters per engine.
     * Returns the objects the counters read; Micrometer holds them only weakly, so the caller must keep them.
     */
    public static List<Object> registerCounters(MeterRegistry registry, PipelineFigures figures, Supplier<Map<String, Long>> billedAllTime,
                                        Iterable<String> engines, Clock clock) {
        Supplier<Map<String, Long>> transitions = cached(figures::transitionsPerState, clock);
        for (ArticleState state : COUNTED_STATES) {
            FunctionCounter.builder("tolk.articles." + state.label(), transitions, counts -> counts.get().getOrDefault(state.name(), 0L))
                    .description("Times an article reached state " + state.label()).register(registry);
        }
        Supplier<Map<String, Long>> billed = cached(billedAllTime, clock);
        for (String engine : engines) {
            FunctionCounter.builder("tolk.billed.characters", billed, values -> values.get().getOrDefault(engine, 0L))
                    .description("Characters billed by the translation engine").baseUnit("characters").tag("engine", engine).register(registry);
        }
        return List.of(transitions, billed);
    }

    /** The states counted as tolk_articles_<state>_total. */
    static final List<ArticleState> COUNTED_STATES = List.of(ArticleState.EXTRACTED, ArticleState.TRANSLATED, ArticleState.PUBLISHED,
            ArticleState.FAILED, ArticleState.QUARANTINED);

    private static <T> Supplier<T> cached(Supplier<T> source, Clock clock) {
        return new Supplier<>() {
            private T value;
            private Instant readAt = Instant.MIN;

            @Override
            public synchronized T get() {
                Instant now = clock.instant();
                if (value == null || Duration.between(readAt, now).toMillis() > 1000) {
                    value = source.get();
                    readAt = now;
                }
                return value;
            }
        };
    }
}
