package no.tolk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import no.tolk.article.ArticleState;
import no.tolk.ops.PipelineFigures;
import no.tolk.config.ConfigValidator;
import no.tolk.config.PipelineApplication;
import no.tolk.config.Settings;
import no.tolk.ops.HomeLock;
import no.tolk.ops.InboxDrain;
import org.apache.camel.main.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "once", description = "Poll each configured feed once and process everything now in the inbox, then exit (1 if the pipeline itself failed).")
public class OnceCommand implements Callable<Integer> {

    @Mixin
    HomeOption home;

    @Mixin
    LogFolder.Verbosity verbosity;

    /** One line on stdout saying what this run did, from the state history it wrote. */
    private static void summary(Settings settings, InboxDrain drain) {
        if (drain.startedAt() == null) return;
        try {
            Map<String, Long> done = new PipelineFigures(StoreAccess.open(settings)).transitionsSince(drain.startedAt());
            List<String> parts = new ArrayList<>();
            for (ArticleState state : ArticleState.values()) {
                long count = done.getOrDefault(state.name(), 0L);
                if (count > 0) parts.add(count + " " + state.label().replace('_', ' '));
            }
            System.out.println("tolk once: " + drain.filesHandled() + " file(s) taken from the inbox; "
                    + (parts.isEmpty() ? "no article changed state" : String.join(", ", parts))
                    + (drain.exitCode() != 0 ? "; the pipeline failed on some work (see the log)" : "")
                    + ". 'tolk status' shows every article and what needs attention.");
        } catch (RuntimeException e) {
            System.err.println("tolk once: cannot summarise the run: " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.load(home.resolve());
        ConfigValidator.check(settings);
        verbosity.apply();
        LogFolder.useHome(settings.home());
        try (HomeLock lock = HomeLock.acquireIfEmbedded(settings.home(), settings.get("tolk.store.url", ""))) {
            Main main = PipelineApplication.create(settings);
            // a batch run opens no ports: a 'run' on another home may hold them
            main.getOverrideProperties().setProperty("tolk.http.port", "0");
            main.getOverrideProperties().setProperty("tolk.jmx.port", "0");
            main.getOverrideProperties().setProperty("tolk.jolokia.port", "0");
            main.getOverrideProperties().setProperty("tolk.desk.port", "0");
            InboxDrain drain = new InboxDrain(settings.home().resolve("inbox"), settings.get("tolk.ingest.exclude"));
            main.addMainListener(drain.listener());
            main.run();
            summary(settings, drain);
            return drain.exitCode();
        }
    }
}
