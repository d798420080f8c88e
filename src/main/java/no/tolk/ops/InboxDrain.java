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

    private final Path inbox;
    private final Pattern exclude;
    private final Set<String> failedFiles = ConcurrentHashMap.newKeySet();
    private volatile int exitCode;

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

    private void watch(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        int quiet = 0;
        long progressMillis = context.getPropertiesComponent().resolveProperty("tolk.ops.progress-interval")
                .map(Long::parseLong).orElse(10_000L);
        int atStart = pendingFiles().size();
        long nextProgress = System.currentTimeMillis() + progressMillis;
        while (quiet < QUIET_CHECKS) {
            if (System.currentTimeMillis() >= nextProgress) {
                int left = pendingFiles().size();
                LOG.info("Progress: {} of {} file(s) in the inbox done, {} left, {} in flight", Math.max(0, atStart - left), atStart, left,
                        context.getInflightRepository().size());
                nextProgress = System.currentTimeMillis() + progressMillis;
            }
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
        if (!left.isEmpty()) {
            exitCode = 1;
            LOG.error("The pipeline failed on {} file(s), left in the inbox for the next run: {}", left.size(), left);
        }
        LOG.info("Inbox done: {} file(s) handled", Math.max(0, atStart - left.size()));
        runPendingWork(context);
        ((org.apache.camel.main.MainSupport) main).completed();
    }

    private void runPendingWork(CamelContext context) {
        java.util.List<PendingWork> stages = context.getRegistry().findByType(PendingWork.class).stream()
                .sorted(java.util.Comparator.comparingInt(PendingWork::order))
                .toList();
        for (PendingWork stage : stages) {
            try {
                int handled = stage.runPending();
                LOG.info("{}: {} article(s) handled", stage.getClass().getSimpleName(), handled);
            } catch (Exception e) {
                exitCode = 1;
                LOG.error("{} failed: {}", stage.getClass().getSimpleName(), e.getMessage(), e);
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
                    .filter(name -> !name.startsWith(".") && !exclude.matcher(name).matches())
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
