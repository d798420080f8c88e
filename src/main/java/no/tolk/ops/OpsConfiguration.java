package no.tolk.ops;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.tolk.translate.TranslationStore;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.sql.DataSource;
import no.tolk.store.ArticleStore;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Operations: the tolk:type=Pipeline MBean, remote JMX, health checks, /health and /metrics. See docs/operations.md. */
public class OpsConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(OpsConfiguration.class);
    public static final String OBJECT_NAME = "tolk:type=Pipeline";

    @PropertyInject(value = "tolk.instance.id", defaultValue = "")
    private String instanceId;
    @PropertyInject(value = "tolk.jmx.port", defaultValue = "0")
    private int jmxPort;
    @PropertyInject(value = "tolk.jmx.rmi-port", defaultValue = "0")
    private int jmxRmiPort;
    @PropertyInject(value = "tolk.jmx.host", defaultValue = "127.0.0.1")
    private String jmxHost;
    @PropertyInject(value = "tolk.jmx.password-file", defaultValue = "")
    private String jmxPasswordFile;
    @PropertyInject(value = "tolk.jmx.access-file", defaultValue = "")
    private String jmxAccessFile;
    @PropertyInject(value = "tolk.jmx.ssl", defaultValue = "false")
    private boolean jmxSsl;
    @PropertyInject(value = "tolk.http.port", defaultValue = "8089")
    private int httpPort;
    @PropertyInject(value = "tolk.http.host", defaultValue = "127.0.0.1")
    private String httpHost;
    @PropertyInject(value = "tolk.jolokia.port", defaultValue = "0")
    private int jolokiaPort;
    @PropertyInject(value = "tolk.jolokia.host", defaultValue = "127.0.0.1")
    private String jolokiaHost;
    @PropertyInject(value = "tolk.jolokia.user", defaultValue = "")
    private String jolokiaUser;
    @PropertyInject(value = "tolk.jolokia.password-file", defaultValue = "")
    private String jolokiaPasswordFile;
    @PropertyInject(value = "tolk.health.reachability-timeout-ms", defaultValue = "2000")
    private int reachabilityTimeout;

    // lazy: the beans they need come from other configuration classes, bound in no particular order
    @BindToRegistry(lazy = true)
    public PipelineFigures pipelineFigures(DataSource dataSource) {
        return new PipelineFigures(dataSource);
    }

    @BindToRegistry(lazy = true)
    public Pipeline pipeline(CamelContext camelContext, ArticleStore articleStore, PipelineFigures pipelineFigures,
                             NightlyRuns nightlyRuns, Clock clock) {
        return new Pipeline(camelContext, articleStore, pipelineFigures, nightlyRuns, clock);
    }

    @BindToRegistry(MicrometerConstants.METRICS_REGISTRY_NAME)
    public PrometheusMeterRegistry metricsRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new PrometheusConventions());
        return registry;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        // health checks are collected from the registry before lazy beans are resolved: bind them ready-made
        context.getRegistry().bind("databaseHealthCheck", new DatabaseHealthCheck(
                () -> context.getRegistry().lookupByNameAndType("pipelineFigures", PipelineFigures.class)));
        externalServices(context).forEach((id, url) ->
                context.getRegistry().bind(id + "HealthCheck", new ReachabilityHealthCheck(id, url, reachabilityTimeout)));
        PrometheusMeterRegistry metrics = context.getRegistry().lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME, PrometheusMeterRegistry.class);
        MicrometerRoutePolicyFactory routeMetrics = new MicrometerRoutePolicyFactory();
        routeMetrics.setMeterRegistry(metrics);
        context.addRoutePolicyFactory(routeMetrics);
        context.addRoutePolicyFactory(new StageTimer(metrics));
        bindJvmMetrics(metrics);
        NightlyRuns nightlyRuns = new NightlyRuns(
                () -> context.getRegistry().lookupByNameAndType("dataSource", DataSource.class), Clock.systemDefaultZone(),
                ClusterSettings.instanceId(instanceId));
        context.getRegistry().bind("nightlyRuns", nightlyRuns);
        context.addRoutePolicyFactory(nightlyRuns);
        context.addService(new Exposure(context, metrics), true, true);
    }

    /** Micrometer's JVM and process binders: memory, GC, threads, classes, CPU, uptime, open files. */
    static void bindJvmMetrics(MeterRegistry registry) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** Translation engine, CMS and social channel base URLs from configuration: each gets a readiness check. */
    private static Map<String, URI> externalServices(CamelContext context) {
        Map<String, URI> services = new LinkedHashMap<>();
        Set<String> engines = new LinkedHashSet<>();
        engines.addAll(list(property(context, "tolk.translate.engine", "")));
        engines.addAll(list(property(context, "tolk.translate.fallback", "")));
        for (String engine : engines) {
            String url = property(context, "tolk.translate." + engine + ".url", engine.equals("deepl") ? "https://api.deepl.com" : "");
            add(services, "translate-" + engine, url.isBlank() && engine.equals("deepl") ? "https://api.deepl.com" : url);
        }
        if (property(context, "tolk.cms.type", "static").equalsIgnoreCase("wordpress")) {
            add(services, "cms-wordpress", property(context, "tolk.cms.wordpress.url", ""));
        }
        for (String channel : list(property(context, "tolk.social.channels", ""))) {
            add(services, "social-" + channel, property(context, "tolk.social." + channel + ".url", ""));
        }
        return services;
    }

    private static void add(Map<String, URI> services, String id, String url) {
        if (url.startsWith("http://") || url.startsWith("https://")) {
            URI uri = URI.create(url.trim());
            if (uri.getHost() != null) services.put(id, uri);
        }
    }

    private static java.util.List<String> list(String value) {
        return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    private static String property(CamelContext context, String key, String fallback) {
        return context.getPropertiesComponent().resolveProperty(key).map(String::trim).orElse(fallback);
    }

    /** Registers the MBean and opens remote JMX and the HTTP endpoints with the context; closes them with it. */
    private final class Exposure extends ServiceSupport {

        private final CamelContext context;
        private final PrometheusMeterRegistry metrics;
        private ObjectName registered;
        private RemoteJmx remoteJmx;
        private MonitoringEndpoints endpoints;
        private JolokiaAgent jolokia;
        // what the FunctionCounters read: Micrometer keeps only a weak reference, so a collected source reads as 0
        private List<Object> counterSources;

        Exposure(CamelContext context, PrometheusMeterRegistry metrics) {
            this.context = context;
            this.metrics = metrics;
        }

        @Override
        protected void doStart() throws Exception {
            Pipeline pipeline = context.getRegistry().lookupByNameAndType("pipeline", Pipeline.class);
            Clock clock = context.getRegistry().lookupByNameAndType("clock", Clock.class);
            List<String> engines = new ArrayList<>(list(property(context, "tolk.translate.engine", "")));
            list(property(context, "tolk.translate.fallback", "")).stream().filter(engine -> !engines.contains(engine)).forEach(engines::add);
            TolkMetrics.register(metrics, pipeline, engines, clock);
            PipelineFigures figures = context.getRegistry().lookupByNameAndType("pipelineFigures", PipelineFigures.class);
            counterSources = TolkMetrics.registerCounters(metrics, figures, () -> {
                TranslationStore store = context.getRegistry().findSingleByType(TranslationStore.class);
                return store == null ? Map.of() : store.billedCharacters(LocalDate.of(2000, 1, 1), LocalDate.now(clock));
            }, engines, clock);
            pipeline.clearStalePause();
            if (Boolean.parseBoolean(property(context, "camel.main.jmx-enabled", "true"))) {
                registerMBean(pipeline);
            }
            if (jmxPort > 0) {
                int rmiPort = jmxRmiPort > 0 ? jmxRmiPort : jmxSsl ? jmxPort + 1 : jmxPort;
                remoteJmx = RemoteJmx.start(new RemoteJmx.Options(jmxHost, jmxPort, rmiPort,
                        jmxPasswordFile.isBlank() ? null : Path.of(jmxPasswordFile),
                        jmxAccessFile.isBlank() ? null : Path.of(jmxAccessFile), jmxSsl));
            }
            if (jolokiaPort > 0) {
                jolokia = JolokiaAgent.start(jolokiaHost, jolokiaPort, jolokiaUser,
                        jolokiaPasswordFile.isBlank() ? null : Path.of(jolokiaPasswordFile));
            }
            if (httpPort > 0) {
                try {
                    endpoints = MonitoringEndpoints.start(httpHost, httpPort, context, metrics);
                } catch (IOException e) {
                    LOG.error("Health and metrics are NOT served: cannot listen on {}:{} ({}). The pipeline runs on;"
                            + " free the port or choose another with tolk.http.port (0 turns the endpoints off)", httpHost, httpPort, e.getMessage());
                }
            }
        }

        private void registerMBean(Pipeline pipeline) throws Exception {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(OBJECT_NAME);
            if (server.isRegistered(name)) {
                LOG.warn("{} is already registered in this JVM (another pipeline in the same process); this one is not on JMX", OBJECT_NAME);
                return;
            }
            server.registerMBean(new PipelineMBean(pipeline), name);
            registered = name;
        }

        @Override
        protected void doStop() throws Exception {
            if (endpoints != null) endpoints.close();
            if (jolokia != null) jolokia.close();
            jolokia = null;
            if (remoteJmx != null) remoteJmx.close();
            if (registered != null) ManagementFactory.getPlatformMBeanServer().unregisterMBean(registered);
            endpoints = null;
            remoteJmx = null;
            registered = null;
        }
    }
}
