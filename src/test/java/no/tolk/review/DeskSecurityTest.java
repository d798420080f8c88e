package no.tolk.review;

import static no.tolk.review.DeskFixture.paragraph;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tolk.article.Article;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk's defences over plain HTTP: sessions, CSRF, throttling, roles, binding, escaping. */
class DeskSecurityTest {

    @TempDir
    Path home;
    DeskFixture fixture;
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    Article hostile;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new DeskFixture(home, "https://news.example");
        hostile = fixture.extracted("hostile.html", "Tittel <script>alert('t')</script>", null,
                List.of(paragraph("<img src=x onerror=alert(1)> og <b onclick=\"alert(2)\">fet</b> tekst </td></tr><script>alert(3)</script>")));
        fixture.translateAndReview();
        fixture.accounts.add("ada", Role.ADMIN, "correct horse battery");
        fixture.accounts.add("rita", Role.REVIEWER, "staple battery horse");
        fixture.startDesk();
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void withoutASessionEveryPageLeadsToTheLoginPage() throws Exception {
        for (String path : List.of("/", "/article/" + hostile.id(), "/quarantine/x.docx")) {
            HttpResponse<String> response = get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).hasValue("/login");
        }
        assertThat(post("/article/" + hostile.id() + "/approve", null, "csrf=x").statusCode()).isEqualTo(403);
        HttpResponse<String> login = get("/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(login.body()).select("form.login input[name=password][type=password]")).hasSize(1);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrictAndAPostWithoutTheCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> login = post("/login", null, "user=ada&password=" + enc("correct horse battery"));
        assertThat(login.statusCode()).isEqualTo(303);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(DeskServer.COOKIE + "=").contains("; HttpOnly").contains("; SameSite=Strict").contains("; Path=/");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        assertThat(post("/article/" + hostile.id() + "/approve", cookie, "despite-errors=yes").statusCode()).isEqualTo(403);
        assertThat(post("/article/" + hostile.id() + "/approve", cookie, "csrf=wrong&despite-errors=yes").statusCode()).isEqualTo(403);
        assertThat(fixture.state(hostile.id())).isEqualTo("in_review");

        String csrf = csrf(get("/article/" + hostile.id(), cookie).body());
        assertThat(post("/article/" + hostile.id() + "/approve", cookie, "csrf=" + enc(csrf) + "&despite-errors=yes").statusCode()).isEqualTo(303);
        assertThat(fixture.state(hostile.id())).isEqualTo("approved");
    }

    @Test
    void fiveWrongPasswordsThrottleTheLoginEvenWithTheRightPasswordAfterwards() throws Exception {
        for (int i = 0; i < Sessions.MAX_FAILURES; i++) {
            assertThat(post("/login", null, "user=ada&password=wrong" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = post("/login", null, "user=ada&password=" + enc("correct horse battery"));
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(Jsoup.parse(throttled.body()).selectFirst("p.error").text()).startsWith("Too many wrong passwords. Try again after ");
    }

    @Test
    void aReviewerIsRefusedEditorAndAdminActionsOnTheServer() throws Exception {
        String cookie = logIn("rita", "staple battery horse");
        String csrf = csrf(get("/", cookie).body());
        assertThat(post("/publish-now", cookie, "csrf=" + enc(csrf)).statusCode()).isEqualTo(403);
        assertThat(post("/quarantine/x.docx/requeue", cookie, "csrf=" + enc(csrf)).statusCode()).isEqualTo(403);
        assertThat(get("/quarantine/x.docx", cookie).statusCode()).isEqualTo(403);
    }

    @Test
    void hostileHtmlInAnArticleIsShownAsTextOnTheDesk() throws Exception {
        String cookie = logIn("ada", "correct horse battery");
        HttpResponse<String> page = get("/article/" + hostile.id(), cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'").contains("frame-ancestors 'none'");
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("script, img, b[onclick], [onerror]")).isEmpty();
        assertThat(html.getElementById("b0").selectFirst("td[lang=nb]").text())
                .isEqualTo("<img src=x onerror=alert(1)> og <b onclick=\"alert(2)\">fet</b> tekst </td></tr><script>alert(3)</script>");
        assertThat(html.selectFirst("p[lang=nb]").text()).isEqualTo("Tittel <script>alert('t')</script>");
    }

    @Test
    void theDeskListensOnTheLoopbackAddressOnlyByDefault() throws Exception {
        Properties defaults = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            defaults.load(in);
        }
        assertThat(defaults.getProperty("tolk.desk.host")).isEqualTo("127.0.0.1");
        assertThat(fixture.server.address().getAddress().isLoopbackAddress()).isTrue();
        InetAddress other = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(n -> Collections.list(n.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst().orElse(null);
        if (other != null) {
            try (Socket socket = new Socket(other, fixture.server.port())) {
                throw new AssertionError("the desk answered on " + other + ":" + fixture.server.port());
            } catch (ConnectException expected) {
                assertThat(expected).hasMessageContaining("refused");
            }
        }
    }

    private String logIn(String user, String password) throws Exception {
        HttpResponse<String> login = post("/login", null, "user=" + user + "&password=" + enc(password));
        assertThat(login.statusCode()).isEqualTo(303);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.deskUrl() + path)).GET();
        if (cookie != null) request.header("Cookie", cookie);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.deskUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) request.header("Cookie", cookie);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
