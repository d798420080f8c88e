package no.tolk.review;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import no.tolk.extract.LanguageIdentifier;
import no.tolk.publish.PublicationLedger;
import no.tolk.publish.PublishingRun;
import no.tolk.publish.ReviewDesk;
import no.tolk.publish.cms.ReviewPreview;
import no.tolk.store.ArticleStore;
import no.tolk.store.JdbcTranslationStore;
import no.tolk.translate.QualityGate;
import no.tolk.translate.SegmentCorrection;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the review desk with the Camel context ({@code tolk.desk.port}, 0 = off; {@code tolk.desk.host},
 * 127.0.0.1 by default) and stops it with it. Also warns at start when social posts cannot be announced
 * because the static site has no public address. See docs/desk.md.
 */
public class DeskConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DeskConfiguration.class);

    @PropertyInject("tolk.home")
    private String home;
    @PropertyInject(value = "tolk.desk.port", defaultValue = "0")
    private int port;
    @PropertyInject(value = "tolk.desk.host", defaultValue = "127.0.0.1")
    private String host;
    @PropertyInject(value = "tolk.desk.users-file", defaultValue = "")
    private String usersFile;
    @PropertyInject(value = "tolk.desk.secure-cookie", defaultValue = "false")
    private boolean secureCookie;
    @PropertyInject(value = "tolk.desk.session-idle-minutes", defaultValue = "480")
    private int idleMinutes;
    @PropertyInject(value = "tolk.desk.login-lockout-minutes", defaultValue = "15")
    private int lockoutMinutes;
    @PropertyInject(value = "tolk.desk.webhook-url", defaultValue = "")
    private String webhookUrl;
    @PropertyInject(value = "tolk.desk.public-url", defaultValue = "http://127.0.0.1:8090")
    private String publicUrl;
    @PropertyInject(value = "tolk.cms.type", defaultValue = "static")
    private String cmsType;
    @PropertyInject(value = "tolk.cms.static.base-url", defaultValue = "")
    private String baseUrl;
    @PropertyInject(value = "tolk.social.channels", defaultValue = "")
    private String socialChannels;

    /** The users file: {@code tolk.desk.users-file}, else {@code <home>/desk-users.txt}. */
    public static Path usersFile(Path home, String configured) {
        return configured == null || configured.isBlank() ? home.resolve("desk-users.txt") : Path.of(configured.strip());
    }

    @BindToRegistry(lazy = true)
    public DeskNotifier deskNotifier(ArticleStore articleStore, DataSource dataSource, Clock clock) {
        return new DeskNotifier(articleStore, dataSource, webhookUrl, publicUrl, Duration.ofSeconds(10), clock);
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        if (cmsType.strip().equalsIgnoreCase("static") && baseUrl.isBlank() && !socialChannels.isBlank()
                && !socialChannels.strip().equalsIgnoreCase("none")) {
            LOG.warn("tolk.cms.static.base-url is empty: social posts ({}) will WAIT instead of announcing a local file:// link."
                    + " Set tolk.cms.static.base-url to the address the built site is served at, then 'tolk retry ID'.", socialChannels.strip());
        }
        if (port > 0) context.addService(new Desk(context), true, true);
    }

    private final class Desk extends ServiceSupport {

        private final CamelContext context;
        private DeskServer server;

        Desk(CamelContext context) {
            this.context = context;
        }

        @Override
        protected void doStart() {
            var registry = context.getRegistry();
            Path homePath = Path.of(home).toAbsolutePath().normalize();
            Clock clock = registry.lookupByNameAndType("clock", Clock.class);
            JdbcTranslationStore translations = registry.lookupByNameAndType("translationStore", JdbcTranslationStore.class);
            DataSource dataSource = registry.lookupByNameAndType("dataSource", DataSource.class);
            DeskService service = new DeskService(registry.lookupByNameAndType("articleStore", ArticleStore.class), translations,
                    registry.lookupByNameAndType("publicationLedger", PublicationLedger.class),
                    registry.lookupByNameAndType("reviewDesk", ReviewDesk.class),
                    new SegmentCorrection(translations, new QualityGate(new LanguageIdentifier()), homePath.resolve("glossary"), clock),
                    registry.lookupByNameAndType("reviewPreview", ReviewPreview.class),
                    () -> registry.lookupByNameAndType("publishingRun", PublishingRun.class), dataSource, homePath, clock);
            try {
                server = DeskServer.start(host, port, service, new Accounts(usersFile(homePath, usersFile)),
                        new Sessions(Duration.ofMinutes(idleMinutes), Duration.ofMinutes(lockoutMinutes), clock), secureCookie);
            } catch (IOException e) {
                LOG.error("The review desk is NOT served: cannot listen on {}:{} ({}). The pipeline runs on;"
                        + " free the port or choose another with tolk.desk.port (0 turns the desk off)", host, port, e.getMessage());
            }
        }

        @Override
        protected void doStop() {
            if (server != null) server.close();
            server = null;
        }
    }
}
