package no.tolk.publish;

import no.tolk.ops.PendingWork;

/**
 * For {@code tolk once}: translated articles through the review gate, approvals collected, then (in the
 * immediate mode) everything approved published, and publications whose retry is due by
 * {@code tolk.publish.retry-schedule} tried again ({@link PublishingRun#publishDue}).
 */
public class PublishPendingWork implements PendingWork {

    private final ReviewGate gate;
    private final PublishingRun run;

    public PublishPendingWork(ReviewGate gate, PublishingRun run) {
        this.gate = gate;
        this.run = run;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public int runPending() throws Exception {
        int reviewed = gate.reviewTranslated() + gate.collectApprovals();
        // a 'once' from cron retries what the retry schedule says is due, as the service's poller does
        return reviewed + run.publishDue();
    }
}
