package no.tolk.publish;

import no.tolk.ops.PendingWork;

/**
 * For {@code tolk once}: translated articles through the review gate, approvals collected, then (in the
 * immediate mode) everything approved published.
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
        return reviewed + run.publishIfImmediate();
    }
}
