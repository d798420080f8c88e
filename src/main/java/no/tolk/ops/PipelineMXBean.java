package no.tolk.ops;

import java.util.Map;

/**
 * Tolk's own management interface, registered as {@code tolk:type=Pipeline}. An MXBean, so maps arrive in
 * JConsole and every other JMX client as open types (TabularData) without Tolk classes on their class path.
 */
public interface PipelineMXBean {

    /** Articles per state (lower-case state names), every state listed, zero included. */
    Map<String, Integer> getArticlesPerState();

    /** Articles first received today (local time). */
    long getArticlesToday();

    /** start, end, published, failed of the last run of route {@code publish-nightly}; empty when none ran since start. */
    Map<String, String> getLastNightlyRun();

    Map<String, Long> getBilledCharactersToday();

    Map<String, Long> getBilledCharactersThisMonth();

    /** {@code tolk.translate.<engine>.monthly-budget} per engine that has one (above 0; 0 means no budget). */
    Map<String, Long> getMonthlyBudget();

    /** Budget left this month per configured engine (never below zero); -1 for an engine without a budget. */
    Map<String, Long> getRemainingBudget();

    /** True while ingest is paused (pauseIngest): files stay in the inbox and feeds are not polled. */
    boolean isIngestPaused();

    /** Share of segments served from translation memory (0..1); -1 when the translate stage is not there. */
    double getTranslationMemoryHitRate();

    /** id, state, since and title of the article that has waited longest in a state that is not final; empty when none waits. */
    Map<String, String> getOldestWaitingArticle();

    /** This instance's {@code tolk.instance.id}, as written on its claims, publication attempts and log lines. */
    String getInstanceId();

    /**
     * The cluster view: every instance on this store (id) with "alive" or "not alive", its last heartbeat (UTC, ISO-8601)
     * and how many articles it holds, e.g. {@code "alive, last heartbeat 2026-11-29T20:51:03Z, 2 claim(s)"}.
     */
    Map<String, String> getInstances();

    /** Which instance holds what now: article id to {@code "<instance> <stage> until <lease end>"}; empty when idle. */
    Map<String, String> getClaims();

    String approve(String articleId);

    /** Approves although quality checks still report errors (the caller looked at them); recorded with actor jmx. */
    String approveDespiteErrors(String articleId);

    String reject(String articleId, String reason);

    String retry(String articleId);

    String retryAllFailed(String cause);

    String publishNow();

    String pauseIngest();

    String resumeIngest();
}
