package no.tolk.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.tolk.ingest.feed.FeedPoller;
import no.tolk.ingest.feed.PollReport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListener;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For {@code tolk once}: polls each configured feed once, then ends the application when every file in the inbox has been dealt with,
 * or when the only files left are ones the pipeline failed on (exit code 1).
 */
public final class InboxDrain {

    private static final Logger LOG = LoggerFactory.getLogger(InboxDrain.class);
    private static final long CHECK_MILLIS = 200;
    private static final int QUIET_CHECKS = 3;
    /** The file consumer's read lock beside each file it is reading: not an article. */
    private static final String CAMEL_LOCK = ".camelLock";

    private final Path inbox;
    private final Pattern exclude;
    private final Set<String> failedFiles = ConcurrentHashMap.newKeySet();
    private volatile int exitCode;
    private volatile int handled;
    private volatile java.time.Instant startedAt;

    public InboxDrain(Path inbox, String excludeRegex) {
        this.inbox = inbox;
        this.exclude = Pattern.compile(excludeRegex == null || excludeRegex.isBlank() ? "$^" : excludeRegex);
    }

    public MainListener listener() {
        return new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport main) {
                main.getCamelContext().getManagementStrategy().addEventNotifier(new FailedFileRecorder());
            }

            @Override
            public void afterStart(BaseMainSupport main) {
                Thread watcher = new Thread(() -> {
                    pollFeedsOnce(main.getCamelContext());
                    watch(main);
                }, "inbox-drain");
                watcher.setDaemon(true);
                watcher.start();
            }
        };
    }

    public int exitCode() {
        return exitCode;
    }

    /** Files taken from the inbox by this run (known once it has ended). */
    public int filesHandled() {
        return handled;
    }

    /** When the run started watching the inbox (null before). */
    public java.time.Instant startedAt() {
        return startedAt;
    }

    private void watch(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        int quiet = 0;
        long progressMillis = context.getPropertiesComponent().resolveProperty("tolk.ops.progress-interval")
                .map(Long::parseLong).orElse(10_000L);
        int atStart = pendingFiles().size();
        startedAt = java.time.Instant.now();
        Progress progress = Progress.start("Inbox", atStart, LOG, progressMillis);
        while (quiet < QUIET_CHECKS) {
            int left = pendingFiles().size();
            progress.update(Math.max(0, atStart - left), context.getInflightRepository().size() + " in flight");
            try {
                Thread.sleep(CHECK_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            boolean idle = context.getInflightRepository().size() == 0 && failedFiles.containsAll(pendingFiles());
            quiet = idle ? quiet + 1 : 0;
        }
        Set<String> left = pendingFiles();
        progress.close(Math.max(0, atStart - left.size()));
        if (!left.isEmpty()) {
            exitCode = 1;
            LOG.error("The pipeline failed on {} file(s), left in the inbox for the next run: {}", left.size(), left);
        }
        handled = Math.max(0, atStart - left.size());
        LOG.info("Inbox done: {} file(s) handled", handled);
        runPendingWork(context);
        ((org.apache.camel.main.MainSupport) main).completed();
    }

    private void runPendingWork(CamelContext context) {
        java.util.List<PendingWork> stages = context.getRegistry().findByType(PendingWork.class).stream()
                .sorted(java.util.Comparator.comparingInt(PendingWork::order))
                .toList();
        NightlyRuns runs = context.getRegistry().lookupByNameAndType("nightlyRuns", NightlyRuns.class);
        for (PendingWork stage : stages) {
            // the publishing stage of a 'once' is a publishing run like the nightly one: journaled for LastNightlyRun
            Long runId = stage.order() >= 200 && runs != null ? runs.started() : null;
            boolean failed = false;
            try {
                int count = stage.runPending();
                LOG.debug("{}: {} article(s) handled", stage.getClass().getSimpleName(), count);
            } catch (Exception e) {
                exitCode = 1;
                failed = true;
                LOG.error("{} failed: {}", stage.getClass().getSimpleName(), e.getMessage(), e);
            } finally {
                if (runId != null) runs.finished(runId, failed);
            }
        }
    }

    /** Each configured feed once, before the run may end; a feed's failure is recorded, not fatal. */
    private static void pollFeedsOnce(CamelContext context) {
        FeedPoller poller = context.getRegistry().lookupByNameAndType("feedPoller", FeedPoller.class);
        if (poller == null || poller.feeds().isEmpty()) return;
        PollReport report = poller.pollAllNow();
        LOG.info("Polled feeds once: {}", report);
    }

    private Set<String> pendingFiles() {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && !name.endsWith(CAMEL_LOCK) && !exclude.matcher(name).matches())
                    .collect(java.util.stream.Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        }
    }

    private final class FailedFileRecorder extends EventNotifierSupport {
        @Override
        public void notify(CamelEvent event) {
            if (event instanceof CamelEvent.ExchangeFailedEvent failed) {
                String name = failed.getExchange().getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
                if (name != null) failedFiles.add(name);
            }
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelEvent.ExchangeFailedEvent;
        }
    }
}
