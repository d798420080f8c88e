package no.tolk.ingest.feed;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import no.tolk.extract.ArticleExtractor;
import no.tolk.store.ArticleStore;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Wires feed ingestion. The beans are lazy because they need the store and extractor that
 * {@link no.tolk.config.TolkConfiguration} binds, whichever configuration class Camel reads first.
 */
public class FeedConfiguration implements CamelConfiguration {

    public static final String ENDPOINT = "http://feed-fetch?httpClient=#feedHttpClient&throwExceptionOnFailure=false"
            + "&followRedirects=false";

    @PropertyInject("tolk.home")
    private String home;
    @PropertyInject(value = "tolk.ingest.feeds", defaultValue = "")
    private String feeds;
    @PropertyInject(value = "tolk.ingest.feed-interval", defaultValue = "600000")
    private long intervalMillis;
    @PropertyInject(value = "tolk.ingest.feed-backoff-max", defaultValue = "21600000")
    private long maxBackoffMillis;
    @PropertyInject(value = "tolk.ingest.feed-connect-timeout", defaultValue = "10000")
    private int connectTimeoutMillis;
    @PropertyInject(value = "tolk.ingest.feed-read-timeout", defaultValue = "30000")
    private int readTimeoutMillis;
    @PropertyInject(value = "tolk.ingest.feed-max-bytes", defaultValue = "10485760")
    private long maxBytes;
    @PropertyInject(value = "tolk.ingest.feed-contact", defaultValue = "")
    private String contact;
    @PropertyInject(value = "tolk.ingest.source-languages", defaultValue = "nb,nn,no")
    private String sourceLanguages;
    @PropertyInject(value = "tolk.instance.id", defaultValue = "")
    private String instanceId;
    @PropertyInject(value = "tolk.ingest.feed-claim-lease", defaultValue = "600000")
    private long feedClaimLeaseMillis;

    @BindToRegistry(destroyMethod = "close")
    public CloseableHttpClient feedHttpClient() {
        return httpClient(userAgent(contact), connectTimeoutMillis, readTimeoutMillis, maxBytes);
    }

    public static CloseableHttpClient httpClient(String userAgent, int connectTimeoutMillis, int readTimeoutMillis, long maxBytes) {
        Timeout connect = Timeout.ofMilliseconds(connectTimeoutMillis);
        Timeout read = Timeout.ofMilliseconds(readTimeoutMillis);
        return HttpClients.custom()
                .setUserAgent(userAgent)
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect).setSocketTimeout(read).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read).setConnectionRequestTimeout(connect).build())
                // redirects are followed by PageFetcher, which keeps them on the same site
                .disableRedirectHandling()
                // gzip is decoded by ResponseSizeLimit, so that the limit holds for the decoded size
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .addResponseInterceptorLast(new ResponseSizeLimit(maxBytes))
                .build();
    }

    @BindToRegistry(lazy = true)
    public FeedLedger feedLedger(DataSource dataSource) {
        return new JdbcFeedLedger(dataSource);
    }

    @BindToRegistry(lazy = true)
    public FeedPoller feedPoller(CamelContext context, FeedLedger feedLedger, ArticleStore articleStore,
                                 ArticleExtractor articleExtractor, Clock clock) {
        PageFetcher fetcher = new PageFetcher(context.createProducerTemplate(), ENDPOINT);
        Path archive = Path.of(home).toAbsolutePath().normalize().resolve("archive").resolve("feeds");
        FeedItemImporter importer = new FeedItemImporter(feedLedger, articleStore, articleExtractor, fetcher,
                archive, languages(sourceLanguages), clock);
        return new FeedPoller(feedList(feeds), feedLedger, fetcher, new FeedReader(), importer, clock,
                Duration.ofMillis(intervalMillis), Duration.ofMillis(maxBackoffMillis),
                no.tolk.ops.ClusterSettings.instanceId(instanceId), Duration.ofMillis(feedClaimLeaseMillis));
    }

    @BindToRegistry(lazy = true)
    public FeedHealthCheck feedHealthCheck(FeedLedger feedLedger) {
        return new FeedHealthCheck(feedList(feeds), feedLedger);
    }

    public static String userAgent(String contact) {
        return "Tolk/0.1" + (contact == null || contact.isBlank() ? "" : " (+" + contact.strip() + ")");
    }

    public static List<String> feedList(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) return List.of();
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(url -> !url.isEmpty()).distinct().toList();
    }

    public static Set<String> languages(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(code -> code.strip().toLowerCase(Locale.ROOT))
                .filter(code -> !code.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }
}
