package no.tolk.ops;

import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;

/**
 * Progress of long work run by a person ({@code once} over a large inbox, {@code publish-now}, {@code bench}):
 * a progress bar with counts, rate and an estimate (me.tongfei:progressbar) when the output is a terminal, and
 * a plain log line at most every {@code intervalMillis} when it is not (a log file, systemd's journal, a pipe).
 * Work of fewer than {@link #MIN_ITEMS} items shows neither.
 */
public abstract class Progress implements AutoCloseable {

    /** Below this many items the work is over before a bar is worth drawing. */
    public static final int MIN_ITEMS = 20;

    /** Starts progress for {@code total} items of {@code task}. */
    public static Progress start(String task, int total, Logger log, long intervalMillis) {
        if (total < MIN_ITEMS) return new Silent();
        if (System.console() != null && !"dumb".equals(System.getenv("TERM"))) return new Bar(task, total);
        return new Lines(task, total, log, intervalMillis);
    }

    /** {@code done} items of the total are finished; {@code detail} is shown beside the count. */
    public abstract void update(long done, String detail);

    /** The work ended with {@code done} items finished. */
    public abstract void close(long done);

    @Override
    public void close() {
        close(-1);
    }

    private static final class Silent extends Progress {
        @Override
        public void update(long done, String detail) {
        }

        @Override
        public void close(long done) {
        }
    }

    private static final class Bar extends Progress {
        private final ProgressBar bar;

        Bar(String task, int total) {
            // on stderr, like the logs: stdout stays clean for command output
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(500).showSpeed().setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS).setUnit(" files", 1)
                    .build();
        }

        @Override
        public void update(long done, String detail) {
            bar.stepTo(done);
            bar.setExtraMessage(detail);
        }

        @Override
        public void close(long done) {
            if (done >= 0) bar.stepTo(done);
            bar.close();
        }
    }

    private static final class Lines extends Progress {
        private final String task;
        private final int total;
        private final Logger log;
        private final long intervalNanos;
        private final long started = System.nanoTime();
        private long lastLine = System.nanoTime();

        Lines(String task, int total, Logger log, long intervalMillis) {
            this.task = task;
            this.total = total;
            this.log = log;
            this.intervalNanos = Duration.ofMillis(intervalMillis).toNanos();
        }

        @Override
        public void update(long done, String detail) {
            long now = System.nanoTime();
            if (now - lastLine < intervalNanos) return;
            lastLine = now;
            double elapsed = (now - started) / 1e9;
            String estimate = done == 0 ? "" : String.format(", about %d s left", Math.round(elapsed / done * (total - done)));
            log.info("Progress: {} {} of {} done, {} left, {}{}", task, done, total, Math.max(0, total - done), detail, estimate);
        }

        @Override
        public void close(long done) {
        }
    }
}
