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

    @BindToRegistry
    public ArticleStore articleStore(DataSource dataSource, Clock clock) {
        return new JdbcArticleStore(dataSource, clock);
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

    @BindToRegistry
    public GroupCommit groupCommit(ArticleStore articleStore) {
        return new GroupCommit(articleStore, groupCommitMax, Duration.ofMillis(groupCommitDelay));
    }
}
