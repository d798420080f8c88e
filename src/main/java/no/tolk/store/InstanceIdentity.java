package no.tolk.store;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The name of this Tolk process among the instances sharing one store ({@code tolk.instance.id}): written on every
 * work claim, publication attempt and heartbeat, and on every line of {@code logs/tolk.log}. The default is
 * {@code <host name>-<pid>}, unique on a cluster of machines with distinct host names.
 */
public final class InstanceIdentity {

    /** System property the log layout reads ({@code $${sys:tolk.log.instance}} in log4j2.xml). */
    public static final String LOG_PROPERTY = "tolk.log.instance";
    /** Longest id stored (the width of {@code article.claimed_by}, V30). */
    public static final int MAX_LENGTH = 200;

    private InstanceIdentity() {
    }

    /** The configured id, or {@code host-pid} when blank; clipped to {@value #MAX_LENGTH} characters. */
    public static String resolve(String configured) {
        String id = configured == null || configured.isBlank() ? hostName() + "-" + ProcessHandle.current().pid() : configured.strip();
        return id.length() > MAX_LENGTH ? id.substring(0, MAX_LENGTH) : id;
    }

    /** This machine's host name ({@code HOSTNAME} when the resolver cannot tell, else {@code localhost}). */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment == null || fromEnvironment.isBlank() ? "localhost" : fromEnvironment;
        }
    }

    /** Puts the id on every later log line of this process (see log4j2.xml). */
    public static String announce(String id) {
        System.setProperty(LOG_PROPERTY, id);
        return id;
    }
}
