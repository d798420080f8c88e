package no.tolk.publish.cms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's WordPress (package {@code wordpress} 6.1, with {@code mariadb-server}, {@code apache2},
 * {@code libapache2-mod-php}, {@code php-mysql}) started on {@code http://127.0.0.1:18080} for tests, without systemd:
 * {@code service mariadb start}, an Apache instance of its own listening on the loopback address only, Debian's
 * {@code /etc/wordpress/config-127.0.0.1.php} (with {@code WP_ENVIRONMENT_TYPE} {@code local}, so application
 * passwords work over plain HTTP), {@code wp_install} run from PHP, pretty permalinks through the rewrite object
 * and an application password for the editor {@code tolk} (scripts in {@code src/test/resources/wordpress/}).
 *
 * <p>One instance per JVM; a second {@link #start()} reuses it, and the scripts reuse a running server from an
 * earlier JVM. Without the packages (or without root) tests using it are skipped, unless
 * {@code TOLK_TEST_WORDPRESS=required} (set by {@code .ci/run}), which makes them fail instead.
 */
public final class RealWordPress {

    public static final int PORT = Integer.getInteger("tolk.test.wordpress.port", 18080);
    public static final String STATE = "/tmp/tolk-wordpress";
    private static final String HOST = "127.0.0.1:" + PORT;
    private static RealWordPress instance;

    private final Path scripts;
    private final String version;
    private final String password;
    private final long startMillis;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private RealWordPress(Path scripts, String version, String password, long startMillis) {
        this.scripts = scripts;
        this.version = version;
        this.password = password;
        this.startMillis = startMillis;
    }

    /** Starts WordPress (or reuses the running one); skips the calling test when it cannot run here. */
    public static synchronized RealWordPress start() {
        if (instance != null) return instance;
        boolean required = "required".equalsIgnoreCase(System.getenv("TOLK_TEST_WORDPRESS"));
        boolean installed = Files.isRegularFile(Path.of("/usr/share/wordpress/wp-settings.php"))
                && Files.isExecutable(Path.of("/usr/sbin/apache2")) && Files.isExecutable(Path.of("/usr/bin/php"))
                && Files.isExecutable(Path.of("/usr/sbin/mariadbd"));
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!installed || !root) {
            String why = !installed ? "Debian's wordpress, mariadb-server, apache2, libapache2-mod-php and php-mysql are not installed"
                    : "starting MariaDB and Apache needs root";
            if (required) throw new IllegalStateException("TOLK_TEST_WORDPRESS=required but " + why);
            Assumptions.abort(why);
        }
        long started = System.nanoTime();
        Path scripts = scripts();
        List<String> output = run(List.of("bash", scripts.resolve("wordpress-up.sh").toString(), STATE, String.valueOf(PORT),
                scripts.resolve("wp-helper.php").toString()));
        long millis = (System.nanoTime() - started) / 1_000_000;
        String version = value(output, "version");
        String password = value(output, "password");
        instance = new RealWordPress(scripts, version, password, millis);
        System.out.println("RealWordPress: WordPress " + version + " on http://" + HOST + " ready in " + millis + " ms");
        return instance;
    }

    public URI url() {
        return URI.create("http://" + HOST + "/");
    }

    public String user() {
        return "tolk";
    }

    public String applicationPassword() {
        return password;
    }

    /** WordPress's own version string, e.g. {@code 6.1.9}. */
    public String version() {
        return version;
    }

    /** How long {@link #start()} took in this JVM (ms), including MariaDB and Apache when they were not running. */
    public long startMillis() {
        return startMillis;
    }

    /** Settings for Tolk's publisher against this site, {@code status} as given. */
    public WordPressSettings settings(String status) {
        return new WordPressSettings(url(), user(), password, status, null, null, false, List.of(), true,
                Path.of(STATE, "images"), 10_000_000, Duration.ofSeconds(3), Duration.ofSeconds(20));
    }

    /** Deletes every post, attachment and term except "Uncategorized"; users and options stay. */
    public void reset() {
        // plain SQL (what wp-helper.php's "reset" does), much faster than loading WordPress in PHP's CLI
        sql("truncate table wp_posts; truncate table wp_postmeta; truncate table wp_term_relationships; truncate table wp_termmeta;"
                + " truncate table wp_comments; truncate table wp_commentmeta;"
                + " delete from wp_term_taxonomy where term_id <> 1; delete from wp_terms where term_id <> 1;"
                + " update wp_term_taxonomy set count = 0;"
                // wp_install's privacy policy page is gone: left in place, the option would make whatever post gets its id
                // (3) "the privacy policy page", which only administrators may edit (map_meta_cap adds manage_options)
                + " update wp_options set option_value = '0' where option_name in ('wp_page_for_privacy_policy', 'page_on_front', 'page_for_posts')");
        delayAfterCreatingPosts(0);
    }

    /** {@code /%postname%/} (pretty, the fixture's default) or {@code ""} (plain: the REST API only at {@code ?rest_route=}). */
    public void permalinks(String structure) {
        List<String[]> current = sql("select option_value from wp_options where option_name = 'permalink_structure'");
        if (current.size() == 1 && current.get(0)[0].equals(structure)) return;
        helper("permalinks", structure);
    }

    /** A new application password for a WordPress user (e.g. {@code kari}, an author). */
    public String newApplicationPassword(String login) {
        return value(helper("password", login), "password");
    }

    /**
     * From now on WordPress holds its answer to every {@code POST /wp/v2/posts} for this long after creating the post
     * (the must-use plugin {@code tolk-test-hooks.php}); 0 switches it off.
     */
    public void delayAfterCreatingPosts(int seconds) {
        try {
            Path file = Path.of(STATE, "delay-after");
            if (seconds <= 0) Files.deleteIfExists(file);
            else Files.writeString(file, String.valueOf(seconds));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops Apache (a WordPress outage: connections are refused); MariaDB keeps running. */
    public void stopApache() {
        run(List.of("apache2", "-f", STATE + "/httpd.conf", "-k", "stop"));
        awaitPort(false);
    }

    /** Starts Apache again after {@link #stopApache()}. */
    public void startApache() {
        run(List.of("apache2", "-f", STATE + "/httpd.conf", "-k", "start"));
        awaitPort(true);
    }

    /** One SQL query against WordPress's database, rows of tab-separated columns (the {@code mysql} client's batch output). */
    public List<String[]> sql(String query) {
        List<String[]> rows = new ArrayList<>();
        for (String line : run(List.of("mysql", "--protocol=socket", "-uroot", "-N", "-B", "tolk_wordpress", "-e", query))) {
            rows.add(line.split("\t", -1));
        }
        return rows;
    }

    /** An authenticated REST GET at {@code /wp-json/<route>} (route without leading slash, query allowed). */
    public JsonNode rest(String route) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url().resolve("wp-json/" + route))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (user() + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(20)).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new AssertionError("GET " + route + " answered " + response.statusCode() + ": " + response.body());
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An anonymous GET of a public address: what a reader (or a social network's link preview) gets. */
    public int publicStatus(String address) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(20)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> helper(String... arguments) {
        List<String> command = new ArrayList<>(List.of("php", scripts.resolve("wp-helper.php").toString(), HOST));
        command.addAll(Arrays.asList(arguments));
        return run(command);
    }

    private void awaitPort(boolean open) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            boolean listening;
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", PORT), 500);
                listening = true;
            } catch (IOException e) {
                listening = false;
            }
            if (listening == open) return;
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        throw new IllegalStateException("Apache did not " + (open ? "start" : "stop") + " listening on " + HOST + " within 30 s");
    }

    private static Path scripts() {
        try {
            return Path.of(RealWordPress.class.getResource("/wordpress/wordpress-up.sh").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String value(List<String> output, String key) {
        return output.stream().filter(line -> line.startsWith(key + "=")).reduce((a, b) -> b)
                .map(line -> line.substring(key.length() + 1).strip())
                .orElseThrow(() -> new IllegalStateException("no " + key + " in " + output));
    }

    private static List<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
