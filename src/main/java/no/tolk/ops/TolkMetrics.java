package no.tolk.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import no.tolk.article.ArticleState;

/**
 * Tolk's figures (the same as on tolk:type=Pipeline) as Prometheus gauges: tolk_articles{state},
 * tolk_articles_today, tolk_billed_characters_month{engine}, tolk_monthly_budget_remaining{engine},
 * tolk_translation_memory_hit_rate, tolk_oldest_waiting_seconds. A scrape reads the store at most once a second.
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
        Gauge.builder("tolk.translation.memory.hit.rate", pipeline::getTranslationMemoryHitRate)
                .description("Share of segments served from translation memory (-1: no translate stage)").register(registry);
        Gauge.builder("tolk.oldest.waiting.seconds", () -> {
            String since = pipeline.getOldestWaitingArticle().get("since");
            return since == null ? 0 : Duration.between(Instant.parse(since), clock.instant()).toSeconds();
        }).description("How long the longest-waiting article has been in its state").register(registry);
    }

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
