package no.tolk.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes third-party meters follow Prometheus naming conventions, so {@code promtool check metrics} finds nothing
 * to complain about (https://prometheus.io/docs/practices/naming/): label names in snake_case (Camel tags
 * {@code routeId} -> {@code route_id}, {@code camelContext} -> {@code camel_context}); Micrometer's
 * {@code process.cpu.time} in nanoseconds (a non-base unit) is dropped in favour of {@code process_cpu_usage};
 * {@code system.cpu.count} (a gauge that looks like a summary's {@code _count}) becomes {@code system_cpus}; a
 * meter without a description (Camel's {@code app_info}) gets one, as every metric needs HELP.
 */
public final class PrometheusConventions implements MeterFilter {

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return id.getName().equals("process.cpu.time") ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        Meter.Id mapped = id.getName().equals("system.cpu.count") ? id.withName("system.cpus") : id;
        List<Tag> tags = new ArrayList<>();
        boolean changed = false;
        for (Tag tag : mapped.getTagsAsIterable()) {
            String key = snakeCase(tag.getKey());
            changed |= !key.equals(tag.getKey());
            tags.add(Tag.of(key, tag.getValue()));
        }
        if (changed) mapped = mapped.replaceTags(tags);
        if (mapped.getDescription() == null || mapped.getDescription().isBlank()) {
            // every metric gets a HELP text
            String help = mapped.getName().equals("app.info") ? "The Camel application: name, version and runtime in labels (always 1)"
                    : "Meter " + mapped.getName();
            mapped = new Meter.Id(mapped.getName(), io.micrometer.core.instrument.Tags.of(mapped.getTagsAsIterable()),
                    mapped.getBaseUnit(), help, mapped.getType());
        }
        return mapped;
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
