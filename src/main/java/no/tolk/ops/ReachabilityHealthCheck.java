package no.tolk.ops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness only: can a TCP connection be opened to an external service (translation engine, CMS, social channel)?
 * Cheap (no request, no credentials, no quota used), and never a liveness check: a service elsewhere being down
 * is no reason to restart Tolk, whose articles wait and are retried.
 */
public class ReachabilityHealthCheck extends AbstractHealthCheck {

    private final URI url;
    private final int timeoutMillis;

    public ReachabilityHealthCheck(String id, URI url, int timeoutMillis) {
        super("tolk", id);
        this.url = url;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        int port = url.getPort() > 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        // only scheme, host and port in the details: paths and queries may carry tokens
        builder.detail("address", url.getScheme() + "://" + url.getHost() + ":" + port);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), port), timeoutMillis);
            builder.up();
        } catch (IOException e) {
            builder.message(url.getHost() + ":" + port + " cannot be reached (" + e.getClass().getSimpleName()
                    + "); articles wait and are retried; check the network and the configured URL").down();
        }
    }
}
