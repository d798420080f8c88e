package no.tolk.ingest.feed;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Collects what one class logs at WARN, INFO and above, to check "logged once per outage". */
public final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger;

    public LogCapture(Class<?> source) {
        super("capture-" + source.getSimpleName(), null, null, true, Property.EMPTY_ARRAY);
        logger = (Logger) LogManager.getLogger(source);
        start();
        logger.addAppender(this);
    }

    @Override
    public void append(LogEvent event) {
        if (event.getLevel().isMoreSpecificThan(Level.INFO)) {
            lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
        }
    }

    public List<String> matching(String level, String text) {
        return lines.stream().filter(line -> line.startsWith(level + " ") && line.contains(text)).toList();
    }

    /** Every line captured so far, as "LEVEL message". */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        logger.removeAppender(this);
        stop();
    }
}
