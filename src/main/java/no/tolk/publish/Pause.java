package no.tolk.publish;

import java.time.Duration;

/** Waits between attempts; tests pass one that does not wait. */
@FunctionalInterface
public interface Pause {

    Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

    void pause(Duration duration) throws InterruptedException;
}
