package no.tolk.ops;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import no.tolk.article.ArticleState;
import no.tolk.publish.ReviewDesk;
import no.tolk.store.ArticleStore;
import no.tolk.translate.TranslationStore;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code tolk:type=Pipeline} MBean. Beans of later stages ({@code translationStore}, {@code reviewDesk})
 * are looked up on each call, so the MBean works in every build and says so when a stage is missing.
 */
public class Pipeline implements PipelineMXBean {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    public static final List<String> INGEST_ROUTES = List.of("ingest-inbox", "ingest-feeds");
    static final String PUBLISH_NOW = "direct:publish-now";
    /** RemainingBudget of an engine that has no monthly budget. */
    public static final long NO_BUDGET = -1;
    /** Marker file under the home's data/ while ingest is paused, so 'tolk status' in another process sees it. */
    public static final String PAUSED_MARKER = "ingest.paused";

    private final CamelContext context;
    private final ArticleStore articleStore;
    private final PipelineFigures figures;
    private final NightlyRuns nightlyRuns;
    private final Clock clock;

    public Pipeline(CamelContext context, ArticleStore articleStore, PipelineFigures figures, NightlyRuns nightlyRuns, Clock clock) {
        this.context = context;
        this.articleStore = articleStore;
        this.figures = figures;
        this.nightlyRuns = nightlyRuns;
        this.clock = clock;
    }

    @Override
    public String getInstanceId() {
        return articleStore.claims().owner();
    }

    @Override
    public Map<String, String> getInstances() {
        Map<String, String> view = new LinkedHashMap<>();
        no.tolk.store.InstanceRegistry registry = context.getRegistry().lookupByNameAndType("instanceRegistry", no.tolk.store.InstanceRegistry.class);
        if (registry == null) return view;
        List<no.tolk.store.WorkClaims.Claim> claims = articleStore.claims().current();
        for (no.tolk.store.InstanceRegistry.Instance instance : registry.instances()) {
            long held = claims.stream().filter(claim -> claim.owner().equals(instance.id())).count();
            view.put(instance.id(), (instance.alive() ? "alive" : "not alive") + ", last heartbeat "
                    + instance.lastHeartbeat().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ", " + held + " claim(s)");
        }
        return view;
    }

    @Override
    public Map<String, String> getClaims() {
        Map<String, String> view = new LinkedHashMap<>();
        for (no.tolk.store.WorkClaims.Claim claim : articleStore.claims().current()) {
            view.put(claim.articleId(), claim.owner() + " " + claim.stage() + " until "
                    + claim.leaseUntil().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        return view;
    }

    @Override
    public Map<String, Integer> getArticlesPerState() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ArticleState state : ArticleState.values()) counts.put(state.label(), 0);
        counts.putAll(articleStore.countByState());
        return counts;
    }

    @Override
    public long getArticlesToday() {
        return figures.articlesCreatedSince(LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant());
    }

    @Override
    public Map<String, String> getLastNightlyRun() {
        Optional<NightlyRuns.Run> last = nightlyRuns.last();
        if (last.isEmpty()) return Map.of();
        Instant start = last.get().start();
        Instant end = last.get().end();
        Map<String, String> run = new LinkedHashMap<>();
        run.put("start", start.toString());
        run.put("end", end == null ? "running" : end.toString());
        Instant until = end == null ? clock.instant() : end;
        run.put("published", String.valueOf(figures.transitionsBetween(ArticleState.PUBLISHED.name(), start, until)));
        run.put("failed", String.valueOf(figures.transitionsBetween(ArticleState.FAILED.name(), start, until)));
        run.put("outcome", last.get().outcome());
        return run;
    }

    @Override
    public Map<String, Long> getBilledCharactersToday() {
        LocalDate today = LocalDate.now(clock);
        return billed(today, today);
    }

    @Override
    public Map<String, Long> getBilledCharactersThisMonth() {
        LocalDate today = LocalDate.now(clock);
        return billed(today.withDayOfMonth(1), today);
    }

    @Override
    public Map<String, Long> getMonthlyBudget() {
        Map<String, Long> budgets = new TreeMap<>();
        for (String engine : engines()) {
            context.getPropertiesComponent().resolveProperty("tolk.translate." + engine + ".monthly-budget")
                    .filter(value -> !value.isBlank())
                    .map(value -> Long.parseLong(value.trim()))
                    .filter(budget -> budget > 0)
                    .ifPresent(budget -> budgets.put(engine, budget));
        }
        return budgets;
    }

    @Override
    public Map<String, Long> getRemainingBudget() {
        Map<String, Long> used = getBilledCharactersThisMonth();
        Map<String, Long> remaining = new TreeMap<>();
        engines().forEach(engine -> remaining.put(engine, NO_BUDGET));
        getMonthlyBudget().forEach((engine, budget) -> remaining.put(engine, Math.max(0, budget - used.getOrDefault(engine, 0L))));
        return remaining;
    }

    @Override
    public double getTranslationMemoryHitRate() {
        TranslationStore store = translationStore();
        return store == null ? -1 : store.memoryHitRate();
    }

    @Override
    public Map<String, String> getOldestWaitingArticle() {
        return figures.oldestWaiting().orElse(Map.of());
    }

    @Override
    public String approve(String articleId) {
        return onReviewDesk("approve " + articleId, desk -> desk.approve(articleId, false, "jmx").message());
    }

    @Override
    public String approveDespiteErrors(String articleId) {
        return onReviewDesk("approve " + articleId, desk -> desk.approve(articleId, true, "jmx").message());
    }

    @Override
    public String reject(String articleId, String reason) {
        return onReviewDesk("reject " + articleId, desk -> desk.reject(articleId, reason, true, "jmx").message());
    }

    @Override
    public String retry(String articleId) {
        return onReviewDesk("retry " + articleId, desk -> desk.retry(articleId, "jmx").message());
    }

    @Override
    public String retryAllFailed(String cause) {
        return onReviewDesk("retry all failed", desk -> {
            int count = desk.retryAllFailed(cause == null ? "" : cause, "jmx");
            return count + " failed article(s)" + (cause == null || cause.isBlank() ? "" : " whose last error contains '" + cause + "'")
                    + " sent back through their failed stage";
        });
    }

    @Override
    public String publishNow() {
        Optional<String> running = nightlyRuns == null ? Optional.empty() : nightlyRuns.runInProgress();
        if (running.isPresent()) {
            return "Not started: a publishing run is going on in the cluster (" + running.get()
                    + "); it publishes everything approved. Watch LastNightlyRun and ask again when it has ended.";
        }
        boolean routed = context.getRoutes().stream()
                .anyMatch(route -> route.getEndpoint().getEndpointUri().replace("://", ":").equals(PUBLISH_NOW));
        if (routed) {
            inBackground(() -> {
                try (org.apache.camel.ProducerTemplate template = context.createProducerTemplate()) {
                    template.sendBody(PUBLISH_NOW, "");
                } catch (Exception e) {
                    LOG.error("Publishing now failed: {}. See the errors above; try again with publishNow() or wait for the nightly run",
                            e.getMessage(), e);
                }
            });
            LOG.info("Publishing now, asked through JMX: sent to {}", PUBLISH_NOW);
            return "Publishing started (" + PUBLISH_NOW + "); watch LastNightlyRun and the log for the outcome";
        }
        List<PendingWork> publishing = context.getRegistry().findByType(PendingWork.class).stream()
                .filter(work -> work.order() >= 200)
                .sorted(Comparator.comparingInt(PendingWork::order))
                .toList();
        if (publishing.isEmpty()) {
            return "Nothing to start: this build has no publish stage (no route from " + PUBLISH_NOW + ", no publishing bean)";
        }
        inBackground(() -> publishing.forEach(Pipeline::runQuietly));
        return "Publishing started in the background; watch the log for the outcome";
    }

    @Override
    public boolean isIngestPaused() {
        return ingestRoutes().stream().anyMatch(route -> context.getRouteController().getRouteStatus(route.getRouteId()).isSuspended());
    }

    /** The marker file 'tolk status' reads; null when the home is unknown. */
    private java.nio.file.Path pausedMarker() {
        return context.getPropertiesComponent().resolveProperty("tolk.home")
                .map(home -> java.nio.file.Path.of(home).resolve("data").resolve(PAUSED_MARKER)).orElse(null);
    }

    private void markPaused(boolean paused) {
        java.nio.file.Path marker = pausedMarker();
        if (marker == null) return;
        try {
            if (paused) {
                java.nio.file.Files.writeString(marker, "ingest paused through JMX at " + clock.instant() + "\n");
            } else {
                java.nio.file.Files.deleteIfExists(marker);
            }
        } catch (java.io.IOException e) {
            LOG.warn("Cannot {} {}: {}; 'tolk status' may not show the pause", paused ? "write" : "remove", marker, e.getMessage());
        }
    }

    /** Called at start: a pause ends with the process that made it, so a marker left by a stopped one goes. */
    public void clearStalePause() {
        if (!isIngestPaused()) markPaused(false);
    }

    @Override
    public String pauseIngest() {
        List<String> paused = new ArrayList<>();
        for (Route route : ingestRoutes()) {
            try {
                context.getRouteController().suspendRoute(route.getRouteId());
                paused.add(route.getRouteId());
            } catch (Exception e) {
                throw new IllegalStateException("could not suspend route " + route.getRouteId() + ": " + e.getMessage());
            }
        }
        markPaused(true);
        LOG.warn("Ingest paused through JMX ({}): files stay in the inbox until resumeIngest", paused);
        return "Ingest paused: " + paused + "; files stay in the inbox and feeds are not polled until resumeIngest()";
    }

    @Override
    public String resumeIngest() {
        List<String> resumed = new ArrayList<>();
        for (Route route : ingestRoutes()) {
            try {
                context.getRouteController().resumeRoute(route.getRouteId());
                resumed.add(route.getRouteId());
            } catch (Exception e) {
                throw new IllegalStateException("could not resume route " + route.getRouteId() + ": " + e.getMessage());
            }
        }
        markPaused(false);
        LOG.info("Ingest resumed through JMX ({})", resumed);
        return "Ingest resumed: " + resumed;
    }

    private List<Route> ingestRoutes() {
        return INGEST_ROUTES.stream().map(context::getRoute).filter(java.util.Objects::nonNull).toList();
    }

    private Map<String, Long> billed(LocalDate from, LocalDate to) {
        TranslationStore store = translationStore();
        Map<String, Long> billed = new TreeMap<>();
        engines().forEach(engine -> billed.put(engine, 0L));
        if (store != null) billed.putAll(store.billedCharacters(from, to));
        return billed;
    }

    /** The engine and fallbacks configured now; engines billed earlier come from the store itself. */
    private Set<String> engines() {
        Set<String> engines = new LinkedHashSet<>();
        for (String key : List.of("tolk.translate.engine", "tolk.translate.fallback")) {
            context.getPropertiesComponent().resolveProperty(key).ifPresent(value -> {
                for (String engine : value.split(",")) {
                    if (!engine.isBlank()) engines.add(engine.trim().toLowerCase(Locale.ROOT));
                }
            });
        }
        return engines;
    }

    private TranslationStore translationStore() {
        TranslationStore store = context.getRegistry().lookupByNameAndType("translationStore", TranslationStore.class);
        return store != null ? store : context.getRegistry().findSingleByType(TranslationStore.class);
    }

    private String onReviewDesk(String what, java.util.function.Function<ReviewDesk, String> action) {
        ReviewDesk desk = context.getRegistry().lookupByNameAndType("reviewDesk", ReviewDesk.class);
        if (desk == null) desk = context.getRegistry().findSingleByType(ReviewDesk.class);
        if (desk == null) {
            return "Cannot " + what + ": this build has no review desk (bean 'reviewDesk'); nothing was changed";
        }
        try {
            String outcome = action.apply(desk);
            LOG.info("JMX {}: {}", what, outcome);
            return outcome;
        } catch (RuntimeException e) {
            // only JDK exception types travel to a remote JMX client that lacks Tolk's classes
            throw new IllegalStateException(what + " failed: " + e.getMessage());
        }
    }

    /** A JMX call returns at once; the run itself may take minutes. */
    private static void inBackground(Runnable work) {
        Thread worker = new Thread(work, "publish-now");
        worker.setDaemon(true);
        worker.start();
    }

    private static void runQuietly(PendingWork work) {
        try {
            LOG.info("{}: {} article(s) handled", work.getClass().getSimpleName(), work.runPending());
        } catch (Exception e) {
            LOG.error("{} failed: {}. See the errors above; retry with publishNow() or 'tolk once'", work.getClass().getSimpleName(), e.getMessage(), e);
        }
    }

}
