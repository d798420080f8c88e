package no.tolk.cli;

import java.util.concurrent.Callable;
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

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.load(home.resolve());
        LogFolder.useHome(settings.home());
        try (HomeLock lock = HomeLock.acquire(settings.home())) {
            Main main = PipelineApplication.create(settings);
            // a batch run opens no ports: a 'run' on another home may hold them
            main.getOverrideProperties().setProperty("tolk.http.port", "0");
            main.getOverrideProperties().setProperty("tolk.jmx.port", "0");
            main.getOverrideProperties().setProperty("tolk.jolokia.port", "0");
            main.getOverrideProperties().setProperty("tolk.desk.port", "0");
            InboxDrain drain = new InboxDrain(settings.home().resolve("inbox"), settings.get("tolk.ingest.exclude"));
            main.addMainListener(drain.listener());
            main.run();
            return drain.exitCode();
        }
    }
}
