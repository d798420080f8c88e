package no.tolk.review;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Desk sessions in memory (a restart logs everybody out): a random 256-bit id in an HttpOnly, SameSite=Strict
 * cookie, a per-session CSRF token that every form posts back, and an idle timeout. Login throttling: after
 * {@link #MAX_FAILURES} wrong passwords for one user name, or from one address, further attempts are refused for
 * {@code lockout} (OWASP Authentication Cheat Sheet: account lockout/throttling).
 */
public final class Sessions {

    public static final int MAX_FAILURES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Session(String id, String user, Role role, String csrf, Instant lastSeen) {
    }

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Duration lockout;
    private final Clock clock;

    public Sessions(Duration idle, Duration lockout, Clock clock) {
        this.idle = idle;
        this.lockout = lockout;
        this.clock = clock;
    }

    public Session open(String user, Role role) {
        Session session = new Session(token(), user, role, token(), clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    public Optional<Session> find(String id) {
        if (id == null) return Optional.empty();
        Session session = sessions.get(id);
        if (session == null) return Optional.empty();
        Instant now = clock.instant();
        if (session.lastSeen().plus(idle).isBefore(now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(session.id(), session.user(), session.role(), session.csrf(), now);
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    public void close(String id) {
        if (id != null) sessions.remove(id);
    }

    /** Whether the posted token is the session's (compared in constant time). */
    public static boolean csrfMatches(Session session, String posted) {
        return posted != null && MessageDigest.isEqual(session.csrf().getBytes(), posted.getBytes());
    }

    /** When logins for this key (user name or address) are refused until, if they are. */
    public Optional<Instant> throttledUntil(String key) {
        Failures f = failures.get(key);
        if (f == null || f.lockedUntil() == null) return Optional.empty();
        if (f.lockedUntil().isBefore(clock.instant())) {
            failures.remove(key);
            return Optional.empty();
        }
        return Optional.of(f.lockedUntil());
    }

    public void failed(String key) {
        failures.compute(key, (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            return new Failures(count, count >= MAX_FAILURES ? clock.instant().plus(lockout) : null);
        });
    }

    public void succeeded(String key) {
        failures.remove(key);
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
