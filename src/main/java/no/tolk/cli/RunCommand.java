package no.tolk.cli;

import java.util.concurrent.Callable;
import no.tolk.config.ConfigValidator;
import no.tolk.config.ConfigurationException;
import no.tolk.config.PipelineApplication;
import no.tolk.config.Settings;
import no.tolk.ops.HomeLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", description = "Run the pipeline as a service: poll the inbox, expose JMX, until stopped.")
public class RunCommand implements Callable<Integer> {

    @Mixin
    HomeOption home;

    @Mixin
    LogFolder.Verbosity verbosity;

    /**
     * A second service with the same port would otherwise run without endpoints while /health on that port
     * answers for the other one: refuse to start (exit 2) unless the port is 0 (endpoints off).
     */
    static void checkPortFree(Settings settings) {
        int port = Integer.parseInt(settings.get("tolk.http.port", "8089").trim());
        if (port == 0) return;
        String host = settings.get("tolk.http.host", "127.0.0.1").trim();
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(host, port));
        } catch (java.io.IOException e) {
            throw new ConfigurationException("tolk.http.port: cannot listen on " + host + ":" + port + " for /health and /metrics ("
                    + e.getMessage() + "); another program (perhaps another 'tolk run') holds it. Stop it, or give this home"
                    + " another port (TOLK_HTTP_PORT=8090), or turn the endpoints off with TOLK_HTTP_PORT=0");
        }
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.load(home.resolve());
        ConfigValidator.check(settings);
        verbosity.apply();
        LogFolder.useHome(settings.home());
        try (HomeLock lock = HomeLock.acquireIfEmbedded(settings.home(), settings.get("tolk.store.url", ""))) {
            checkPortFree(settings);
            PipelineApplication.create(settings).run();
        }
        return 0;
    }
}
