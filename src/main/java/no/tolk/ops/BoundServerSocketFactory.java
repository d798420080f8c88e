package no.tolk.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.rmi.server.RMIServerSocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * RMI server sockets on one address only (127.0.0.1 by default), optionally speaking TLS on accepted connections
 * as the JDK's SslRMIServerSocketFactory does. One instance serves the registry and the connector so they share a port.
 */
final class BoundServerSocketFactory implements RMIServerSocketFactory {

    private final InetAddress address;
    private final boolean ssl;

    BoundServerSocketFactory(InetAddress address, boolean ssl) {
        this.address = address;
        this.ssl = ssl;
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        if (!ssl) return new ServerSocket(port, 0, address);
        SSLSocketFactory tls = (SSLSocketFactory) SSLSocketFactory.getDefault();
        return new ServerSocket(port, 0, address) {
            @Override
            public Socket accept() throws IOException {
                Socket plain = super.accept();
                SSLSocket secured = (SSLSocket) tls.createSocket(plain, plain.getInetAddress().getHostName(), plain.getPort(), true);
                secured.setUseClientMode(false);
                return secured;
            }
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BoundServerSocketFactory that && that.address.equals(address) && that.ssl == ssl;
    }

    @Override
    public int hashCode() {
        return address.hashCode() * 31 + Boolean.hashCode(ssl);
    }
}
