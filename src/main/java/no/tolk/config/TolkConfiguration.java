package no.tolk.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import no.tolk.extract.ArticleExtractor;
import no.tolk.extract.ExtractionLimits;
import no.tolk.extract.LanguageIdentifier;
import no.tolk.ingest.GroupCommit;
import no.tolk.ingest.InboxBackpressure;
import no.tolk.ingest.InboxIntake;
import no.tolk.ingest.Quarantine;
import no.tolk.store.ArticleStore;
import no.tolk.store.Database;
import no.tolk.store.InstanceIdentity;
import no.tolk.store.InstanceRegistry;
import no.tolk.store.WorkClaims;
import no.tolk.store.JdbcArticleStore;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

/** Wires the pipeline's beans from configuration; routes in {@code routes/*.camel.yaml} refer to them by name. */
public class TolkConfiguration implements CamelConfiguration {

    @PropertyInject("tolk.home")
    private String home;
    @PropertyInject(value = "tolk.store.url", defaultValue = "")
    private String storeUrl;
    @PropertyInject(value = "tolk.store.user", defaultValue = "")
    private String storeUser;
    @PropertyInject(value = "tolk.store.password", defaultValue = "")
    private String storePassword;
    @PropertyInject(value = "tolk.extract.max-file-bytes", defaultValue = "52428800")
    private long maxFileBytes;
    @PropertyInject(value = "tolk.extract.max-characters", defaultValue = "2000000")
    private int maxCharacters;
    @PropertyInject(value = "tolk.extract.timeout-seconds", defaultValue = "60")
    private int timeoutSeconds;
    @PropertyInject(value = "tolk.ingest.max-files-per-poll", defaultValue = "100")
    private int maxFilesPerPoll;
    @PropertyInject(value = "tolk.instance.id", defaultValue = "")
    private String instanceId;
    @PropertyInject(value = "tolk.instance.heartbeat-interval", defaultValue = "10000")
    private long heartbeatInterval;
    @PropertyInject(value = "tolk.claims.lease", defaultValue = "60000")
    private long claimLease;
    @PropertyInject(value = "tolk.ingest.group-commit-max", defaultValue = "50")
    private int groupCommitMax;
    @PropertyInject(value = "tolk.ingest.group-commit-delay", defaultValue = "20")
    private long groupCommitDelay;

    private Path home() {
        return Path.of(home).toAbsolutePath().normalize();
    }

    @BindToRegistry
    public Clock clock() {
        return Clock.systemDefaultZone();
    }

    @BindToRegistry
    public DataSource dataSource() {
        String url = storeUrl.isBlank() ? Database.defaultUrl(home()) : storeUrl;
        return Database.open(url, storeUser, storePassword);
    }

    /** Closes the store when the pipeline stops (after its routes): see {@link Database#close}. */
    @BindToRegistry(destroyMethod = "close")
    public Database.Closing storeClosing(DataSource dataSource) {
        return new Database.Closing(dataSource, storeUrl.isBlank() ? Database.defaultUrl(home()) : storeUrl, storeUser, storePassword);
    }

    /**
     * The store, with its claims on due work under {@code tolk.instance.id}. At start the claims a previous process
     * left are given back: all of them on the embedded database (the home lock makes this the only process), else
     * those under this instance's id.
     */
    @BindToRegistry
    public ArticleStore articleStore(DataSource dataSource, Clock clock) {
        String id = InstanceIdentity.announce(InstanceIdentity.resolve(instanceId));
        WorkClaims claims = new WorkClaims(dataSource, id, Duration.ofMillis(claimLease), clock);
        claims.recover(embedded());
        return new JdbcArticleStore(dataSource, clock, claims);
    }

    /** The claims of {@link #articleStore}, for the {@code claims-renew} route, status and JMX. */
    @BindToRegistry(lazy = true)
    public WorkClaims workClaims(ArticleStore articleStore) {
        return articleStore.claims();
    }

    /** The instances on this store and their heartbeats (the {@code instance-heartbeat} route beats). */
    @BindToRegistry(lazy = true)
    public InstanceRegistry instanceRegistry(DataSource dataSource, ArticleStore articleStore, Clock clock) {
        InstanceRegistry registry = new InstanceRegistry(dataSource, articleStore.claims().owner(), Duration.ofMillis(heartbeatInterval), clock);
        registry.beat();
        return registry;
    }

    private boolean embedded() {
        return storeUrl.isBlank() || storeUrl.startsWith("jdbc:h2:");
    }

    @BindToRegistry
    public ArticleExtractor articleExtractor() {
        ExtractionLimits limits = new ExtractionLimits(maxFileBytes, maxCharacters, Duration.ofSeconds(timeoutSeconds));
        return new ArticleExtractor(limits, new LanguageIdentifier().warmUpInBackground()).warmUp();
    }

    @BindToRegistry
    public InboxIntake inboxIntake(ArticleStore articleStore, Clock clock) {
        return new InboxIntake(home().resolve("archive"), articleStore, clock);
    }

    @BindToRegistry
    public InboxBackpressure inboxBackpressure() {
        return new InboxBackpressure(maxFilesPerPoll);
    }

    @BindToRegistry
    public Quarantine quarantine(ArticleStore articleStore, Clock clock) {
        return new Quarantine(home().resolve("quarantine"), articleStore, clock);
    }

    /** Files whose bytes were received before, for 'tolk status' (route step record-duplicate). */
    @BindToRegistry
    public no.tolk.store.DuplicateLedger duplicateLedger(DataSource dataSource, Clock clock) {
        return new no.tolk.store.DuplicateLedger(dataSource, clock);
    }

    /** Extracted articles stored in group commits (route step store-article): see {@link GroupCommit}. */
    @BindToRegistry
    public GroupCommit groupCommit(ArticleStore articleStore) {
        return new GroupCommit(articleStore, groupCommitMax, Duration.ofMillis(groupCommitDelay));
    }
}
