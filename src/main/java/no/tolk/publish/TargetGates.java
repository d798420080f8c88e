package no.tolk.publish;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * How many calls may be in flight per target while several articles are published at once: one per social
 * channel (their rate limits are per account), {@code cmsPermits} for the CMS.
 */
final class TargetGates {

    private final int cmsPermits;
    private final Map<String, Semaphore> gates = new ConcurrentHashMap<>();

    TargetGates(int cmsPermits) {
        this.cmsPermits = Math.max(1, cmsPermits);
    }

    interface Call<T, E extends Exception> {
        T run() throws E;
    }

    <T, E extends Exception> T through(String target, Call<T, E> call) throws E, InterruptedException {
        Semaphore gate = gates.computeIfAbsent(target, name -> new Semaphore(name.equals(PublicationLedger.CMS) ? cmsPermits : 1));
        gate.acquire();
        try {
            return call.run();
        } finally {
            gate.release();
        }
    }
}
