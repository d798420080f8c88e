package no.tolk.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote JMX over RMI ({@code tolk.jmx.port} &gt; 0): the platform MBean server (Camel's routes and tolk:type=Pipeline)
 * for JConsole, VisualVM and JMX exporters, with the JDK's password and access files. Never without a password file.
 */
public final class RemoteJmx implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteJmx.class);

    private final Registry registry;
    private final JMXConnectorServer server;

    private RemoteJmx(Registry registry, JMXConnectorServer server) {
        this.registry = registry;
        this.server = server;
    }

    public record Options(String host, int port, int rmiPort, Path passwordFile, Path accessFile, boolean ssl) {
    }

    public static RemoteJmx start(Options options) {
        if (options.passwordFile() == null || !Files.isReadable(options.passwordFile())) {
            throw new IllegalStateException("tolk.jmx.port is " + options.port() + " but tolk.jmx.password-file ("
                    + options.passwordFile() + ") is not a readable file: create one with lines '<user> <password>' and an access file"
                    + " with '<user> readonly|readwrite' (docs/operations.md), or set tolk.jmx.port=0 to turn remote JMX off");
        }
        if (options.accessFile() == null || !Files.isReadable(options.accessFile())) {
            throw new IllegalStateException("tolk.jmx.access-file (" + options.accessFile() + ") is not a readable file:"
                    + " without it every authenticated user could invoke every operation; create it (docs/operations.md)");
        }
        warnIfOthersCanRead(options.passwordFile());
        try {
            // the stub handed to clients names this address, not whatever the machine's hostname resolves to
            if (System.getProperty("java.rmi.server.hostname") == null) {
                System.setProperty("java.rmi.server.hostname", options.host());
            }
            InetAddress address = InetAddress.getByName(options.host());
            BoundServerSocketFactory plain = new BoundServerSocketFactory(address, false);
            Registry registry = LocateRegistry.createRegistry(options.port(), null, plain);
            Map<String, Object> environment = new HashMap<>();
            environment.put("jmx.remote.x.password.file", options.passwordFile().toString());
            environment.put("jmx.remote.x.access.file", options.accessFile().toString());
            // only plain types may cross as credentials: a client cannot make the server deserialize its classes
            environment.put("jmx.remote.rmi.server.credential.types", new String[] {String[].class.getName(), String.class.getName()});
            if (options.ssl()) {
                environment.put(RMIConnectorServer.RMI_CLIENT_SOCKET_FACTORY_ATTRIBUTE, new SslRMIClientSocketFactory());
                environment.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, new BoundServerSocketFactory(address, true));
            } else {
                environment.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, plain);
            }
            JMXServiceURL url = serviceUrl(options.host(), options.port(), options.rmiPort());
            JMXConnectorServer server = JMXConnectorServerFactory.newJMXConnectorServer(url, environment, ManagementFactory.getPlatformMBeanServer());
            server.start();
            LOG.info("Remote JMX listening on {}:{}{}: jconsole {}", options.host(), options.port(), options.ssl() ? " (TLS)" : "",
                    options.ssl() ? "-J-Djavax.net.ssl.trustStore=<truststore> " + url : url);
            return new RemoteJmx(registry, server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start remote JMX on " + options.host() + ":" + options.port() + " (" + e.getMessage()
                    + "); choose a free tolk.jmx.port or set it to 0", e);
        }
    }

    public static JMXServiceURL serviceUrl(String host, int port, int rmiPort) throws java.net.MalformedURLException {
        return new JMXServiceURL("service:jmx:rmi://" + host + ":" + rmiPort + "/jndi/rmi://" + host + ":" + port + "/jmxrmi");
    }

    public JMXServiceURL address() {
        return server.getAddress();
    }

    private static void warnIfOthersCanRead(Path passwordFile) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(passwordFile);
            if (permissions.contains(PosixFilePermission.OTHERS_READ) || permissions.contains(PosixFilePermission.GROUP_READ)) {
                LOG.warn("The JMX password file {} is readable by others: run 'chmod 600 {}'", passwordFile, passwordFile);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot check the permissions of {}", passwordFile);
        }
    }

    @Override
    public void close() throws IOException {
        server.stop();
        try {
            UnicastRemoteObject.unexportObject(registry, true);
        } catch (NoSuchObjectException e) {
            LOG.debug("RMI registry already gone");
        }
    }
}
