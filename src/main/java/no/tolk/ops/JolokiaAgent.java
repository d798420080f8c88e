package no.tolk.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jolokia.jvmagent.JolokiaServer;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optional JSON-over-HTTP access to the same MBeans ({@code tolk.jolokia.port} &gt; 0): bound to one address,
 * basic authentication, and the read-only policy {@code jolokia-access.xml} from the class path.
 */
public final class JolokiaAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JolokiaAgent.class);

    private final JolokiaServer server;

    private JolokiaAgent(JolokiaServer server) {
        this.server = server;
    }

    public static JolokiaAgent start(String host, int port, String user, Path passwordFile) {
        if (user.isBlank() || passwordFile == null || !Files.isReadable(passwordFile)) {
            throw new IllegalStateException("tolk.jolokia.port is " + port + " but tolk.jolokia.user or tolk.jolokia.password-file"
                    + " (a file holding only the password) is missing: set both, or tolk.jolokia.port=0 to turn Jolokia off");
        }
        Map<String, String> config = new HashMap<>();
        config.put("host", host);
        config.put("port", String.valueOf(port));
        config.put("agentContext", "/jolokia");
        config.put("user", user);
        config.put("password", readPassword(passwordFile));
        config.put("policyLocation", "classpath:/jolokia-access.xml");
        config.put("discoveryEnabled", "false");
        config.put("includeStackTrace", "false");
        config.put("serializeException", "false");
        config.put("debug", "false");
        try {
            JolokiaServer server = new JolokiaServer(new JolokiaServerConfig(config));
            server.start();
            LOG.info("Jolokia (read-only) on {}", server.getUrl());
            return new JolokiaAgent(server);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Jolokia on " + host + ":" + port + " (" + e.getMessage()
                    + "); choose a free tolk.jolokia.port or set it to 0", e);
        }
    }

    private static String readPassword(Path passwordFile) {
        try {
            return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read tolk.jolokia.password-file " + passwordFile + ": " + e.getClass().getSimpleName());
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop();
    }
}
