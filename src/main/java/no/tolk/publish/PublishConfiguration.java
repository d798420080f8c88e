package no.tolk.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import no.tolk.publish.cms.CmsPublisher;
import no.tolk.publish.cms.ReviewPreview;
import no.tolk.publish.social.PostComposer;
import no.tolk.publish.social.SocialChannels;
import no.tolk.store.ArticleStore;
import no.tolk.store.JdbcPublicationLedger;
import no.tolk.translate.TranslationStore;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;

/**
 * Wires the publish stage: {@code publicationLedger}, {@code reviewGate}, {@code publishingRun},
 * {@code reviewDesk} and {@code publishPendingWork}. Translations are read from the {@code translationStore}
 * bean, looked up when needed (the translation stage binds it). The beans are lazy: they depend on beans of
 * other configuration classes (and on each other), which Camel binds in no particular order.
 */
public class PublishConfiguration implements CamelConfiguration {

    @PropertyInject(value = "tolk.publish.mode", defaultValue = "immediate")
    private String mode;
    @PropertyInject(value = "tolk.publish.require-approval", defaultValue = "")
    private String requireApproval;
    @PropertyInject(value = "tolk.translate.engine", defaultValue = "xliff")
    private String engine;
    @PropertyInject(value = "tolk.publish.max-attempts", defaultValue = "3")
    private int maxAttempts;
    @PropertyInject(value = "tolk.publish.retry-delay", defaultValue = "2000")
    private long retryDelayMillis;
    @PropertyInject(value = "tolk.publish.concurrency", defaultValue = "4")
    private int concurrency;
    @PropertyInject(value = "tolk.publish.reannounce-revisions", defaultValue = "false")
    private boolean reannounceRevisions;
    @PropertyInject(value = "tolk.publish.max-rate-limit-wait", defaultValue = "300000")
    private long maxRateLimitWaitMillis;
    @PropertyInject(value = "tolk.publish.retry-schedule", defaultValue = "1m,5m,15m,1h")
    private String retrySchedule;

    /** Approval is required by default for machine translation; human (XLIFF) translations were reviewed already. */
    public static boolean approvalRequired(String configured, String engine) {
        if (configured != null && !configured.isBlank()) return Boolean.parseBoolean(configured.strip());
        return engine == null || !engine.strip().equalsIgnoreCase("xliff");
    }

    PublishSettings settings() {
        return new PublishSettings(mode, maxAttempts, Duration.ofMillis(retryDelayMillis), concurrency,
                reannounceRevisions, Duration.ofMillis(maxRateLimitWaitMillis), PublishSettings.parseSchedule(retrySchedule));
    }

    private static Supplier<TranslationStore> translations(CamelContext context) {
        return () -> context.getRegistry().lookupByNameAndType("translationStore", TranslationStore.class);
    }

    @BindToRegistry(lazy = true)
    public PublicationLedger publicationLedger(DataSource dataSource, ArticleStore articleStore) {
        return new JdbcPublicationLedger(dataSource, Clock.systemUTC(), articleStore.claims().owner());
    }

    @BindToRegistry(lazy = true)
    public ReviewGate reviewGate(CamelContext context, ArticleStore articleStore, ReviewPreview reviewPreview) {
        return new ReviewGate(articleStore, translations(context), reviewPreview, approvalRequired(requireApproval, engine));
    }

    @BindToRegistry(lazy = true)
    public PublishingRun publishingRun(CamelContext context, ArticleStore articleStore, PublicationLedger publicationLedger,
            CmsPublisher cmsPublisher, SocialChannels socialChannels, PostComposer postComposer) {
        return new PublishingRun(articleStore, translations(context), publicationLedger, cmsPublisher, socialChannels,
                postComposer, settings(), Pause.SLEEP, Clock.systemUTC());
    }

    @BindToRegistry(lazy = true)
    public ReviewDesk reviewDesk(CamelContext context, ArticleStore articleStore, PublicationLedger publicationLedger) {
        return new LedgerReviewDesk(articleStore, publicationLedger, settings().mode(), translations(context), Clock.systemUTC());
    }

    @BindToRegistry(lazy = true)
    public PublishPendingWork publishPendingWork(ReviewGate reviewGate, PublishingRun publishingRun) {
        return new PublishPendingWork(reviewGate, publishingRun);
    }
}
