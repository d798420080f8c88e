package no.tolk.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import no.tolk.Tolk;
import no.tolk.ingest.feed.FeedConfiguration;
import no.tolk.ops.OpsConfiguration;
import no.tolk.publish.PublishConfiguration;
import no.tolk.publish.cms.CmsConfiguration;
import no.tolk.publish.social.SocialConfiguration;
import no.tolk.translate.TranslateStageConfiguration;
import no.tolk.translate.engine.TranslateEngineConfiguration;
import no.tolk.translate.xliff.XliffConfiguration;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Camel Main application for a home folder: configuration, beans and the YAML routes. */
public final class PipelineApplication {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineApplication.class);

    static final List<Class<? extends CamelConfiguration>> STAGE_CONFIGURATIONS = List.of(
            TolkConfiguration.class,
            FeedConfiguration.class,
            TranslateEngineConfiguration.class,
            XliffConfiguration.class,
            TranslateStageConfiguration.class,
            CmsConfiguration.class,
            SocialConfiguration.class,
            PublishConfiguration.class,
            OpsConfiguration.class,
            no.tolk.review.DeskConfiguration.class,
            no.tolk.ops.ClusterConfiguration.class);

    public static final List<String> HOME_FOLDERS = List.of("inbox", "archive", "quarantine", "data", "logs");

    private PipelineApplication() {
    }

    public static Main create(Settings settings) {
        prepareHome(settings.home());
        Main main = new Main(Tolk.class);
        // each stage wires its own beans; listed here rather than found by a package scan, which has to
        // walk every entry of the 190 MB jar and cost seconds at every start
        main.configure().setBasePackageScanEnabled(false);
        // as instances: Camel Main builds a configuration class with its injector, which already runs the bean
        // post-processor, and then post-processes it again, so every @BindToRegistry method ran twice; the first
        // database pool was dropped with its connection open (issue 14's "connection was not closed" in tolk.trace.db)
        STAGE_CONFIGURATIONS.forEach(type -> main.configure().addConfiguration(instantiate(type)));
        main.setInitialProperties(settings.asProperties());
        // Camel reads classpath:application.properties itself, and those defaults would beat initial properties,
        // hiding <home>/application.properties; as override properties they still yield to env and -D values
        Properties fixed = settings.asProperties();
        fixed.setProperty("tolk.home", settings.home().toString());
        fixed.putAll(no.tolk.ops.ClusterSettings.derivedProperties(settings.get("tolk.store.url"),
                settings.get("tolk.ingest.claim-release-delay")));
        main.setOverrideProperties(fixed);
        long started = System.nanoTime();
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport running) {
                LOG.info("Tolk ready: home {}, {} routes, started in {} ms", settings.home(),
                        running.getCamelContext().getRoutesSize(), (System.nanoTime() - started) / 1_000_000);
            }

            @Override
            public void afterStop(BaseMainSupport stopped) {
                LOG.info("Tolk stopped: home {}", settings.home());
            }
        });
        return main;
    }

    private static CamelConfiguration instantiate(Class<? extends CamelConfiguration> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the configuration " + type.getName() + ": " + e, e);
        }
    }

    public static void prepareHome(Path home) {
        try {
            for (String folder : HOME_FOLDERS) {
                Files.createDirectories(home.resolve(folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Tolk home folders under " + home + ": " + e.getMessage(), e);
        }
    }
}
