package no.tolk.cli;

import java.util.concurrent.Callable;
import no.tolk.config.PipelineApplication;
import no.tolk.config.Settings;
import no.tolk.ops.HomeLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", description = "Run the pipeline as a service: poll the inbox, expose JMX, until stopped.")
public class RunCommand implements Callable<Integer> {

    @Mixin
    HomeOption home;

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.load(home.resolve());
        LogFolder.useHome(settings.home());
        try (HomeLock lock = HomeLock.acquire(settings.home())) {
            PipelineApplication.create(settings).run();
        }
        return 0;
    }
}
