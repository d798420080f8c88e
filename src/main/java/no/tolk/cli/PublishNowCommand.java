package no.tolk.cli;

import java.util.Properties;
import java.util.concurrent.Callable;
import no.tolk.config.ConfigValidator;
import no.tolk.config.PipelineApplication;
import no.tolk.config.Settings;
import no.tolk.ops.HomeLock;
import no.tolk.ops.NightlyRuns;
import no.tolk.publish.PublishingRun;
import no.tolk.publish.ReviewGate;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "publish-now", description = "Run the nightly publishing job now: retry failed publications, publish everything approved, then exit.")
public class PublishNowCommand implements Callable<Integer> {

    @Mixin
    HomeOption home;

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.load(home.resolve());
        ConfigValidator.check(settings);
        LogFolder.useHome(settings.home());
        HomeLock lock;
        try {
            lock = HomeLock.acquireIfEmbedded(settings.home(), settings.get("tolk.store.url", ""));
        } catch (IllegalStateException busy) {
            System.err.println("A 'run' service is working on " + settings.home() + ", and two processes publishing the same"
                    + " articles could post twice, so nothing was published. The service publishes approved articles itself"
                    + " (tolk.publish.mode=" + settings.get("tolk.publish.mode", "immediate") + "); stop it to publish now.");
            return 1;
        }
        try (lock) {
            Main main = PipelineApplication.create(settings);
            Properties overrides = main.getOverrideProperties();
            // only the beans: no inbox, feed or timer routes in a one-off publishing run
            overrides.setProperty("camel.main.routes-include-pattern", "classpath:routes/publish-now-none-*.camel.yaml");
            overrides.setProperty("tolk.desk.port", "0");
            Job job = new Job();
            main.addMainListener(job);
            main.run();
            if (job.failure != null) throw job.failure;
            if (job.refused != null) {
                System.err.println("A publishing run is going on in the cluster (" + job.refused + "), and it publishes"
                        + " everything approved, so this one was not started. See 'tolk status' when it has ended.");
                return 1;
            }
            System.out.println("Published " + job.published + " article(s); " + job.reviewed
                    + " moved through the review gate. See 'tolk status' for anything that failed.");
            return 0;
        }
    }

    private static final class Job extends MainListenerSupport {
        volatile int published;
        volatile int reviewed;
        volatile Exception failure;
        volatile String refused;

        @Override
        public void afterStart(BaseMainSupport main) {
            Thread worker = new Thread(() -> {
                CamelContext context = main.getCamelContext();
                NightlyRuns runs = context.getRegistry().lookupByNameAndType("nightlyRuns", NightlyRuns.class);
                Long runId = null;
                NightlyRuns.RunLock lock = null;
                try {
                    // instances sharing a server database: one publishing run at a time in the cluster
                    lock = runs.tryLock().orElse(null);
                    if (lock == null) {
                        refused = runs.runInProgress().orElse("it has just ended");
                        return;
                    }
                    runId = runs.started();
                    ReviewGate gate = context.getRegistry().lookupByNameAndType("reviewGate", ReviewGate.class);
                    reviewed = gate.reviewTranslated() + gate.collectApprovals();
                    published = context.getRegistry().lookupByNameAndType("publishingRun", PublishingRun.class).runNightly();
                } catch (Exception e) {
                    failure = e;
                } finally {
                    if (runId != null) runs.finished(runId, failure != null);
                    if (lock != null) lock.close();
                    ((org.apache.camel.main.MainSupport) main).completed();
                }
            }, "publish-now");
            worker.start();
        }
    }
}
