package no.tolk.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.article.Received;
import no.tolk.publish.cms.StaticSitePublisher;
import no.tolk.publish.social.SocialChannels;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A Bokmål article with an English and a Nynorsk translation goes through the publishing run into the static site;
 * the real {@code hugo} builds the three-language site with warnings made fatal, every page names the other two in
 * hreflang links and its switcher, and headless Chromium follows the switcher nb → nn → en → nn → nb.
 * Skipped (assumptions) where hugo, chromium or chromedriver are not installed.
 */
class ThreeLanguageSiteTest {

    static final String NB_TITLE = "Kommunen bygger ny skole på Voss";
    static final String NN_TITLE = "Kommunen byggjer ny skule på Voss";
    static final String EN_TITLE = "The municipality builds a new school at Voss";

    @TempDir
    Path home;
    @TempDir
    Path profile;

    @Test
    void hugoBuildsTheThreeLanguageSiteWithoutWarningsAndChromiumFollowsTheSwitcher() throws Exception {
        Path hugo = executable("hugo");
        assumeTrue(hugo != null, "hugo is not installed");
        String id;
        try (PublishFixture fixture = new PublishFixture(home)) {
            id = storeTrilingual(fixture);
            Path site = home.resolve("site");
            PublishingRun run = fixture.run(new StaticSitePublisher(site, site.resolve("content"), "https://news.example/"),
                    new SocialChannels(List.of()), PublishFixture.settings(2, false));
            assertThat(run.publish(id)).isEqualTo(ArticleState.PUBLISHED);
            assertThat(fixture.ledger.forArticle(id)).extracting(Publication::language).containsExactlyInAnyOrder("nb", "en", "nn");
            assertThat(fixture.ledger.find(id, PublicationLedger.CMS, "nn").orElseThrow().url())
                    .isEqualTo("https://news.example/nn/kommunen-byggjer-ny-skule-pa-voss/");
        }
        Path site = home.resolve("site");
        assertThat(site.resolve("content/nn/kommunen-byggjer-ny-skule-pa-voss.md")).isRegularFile();
        assertThat(Files.readString(site.resolve("hugo.toml"))).contains("[languages.nn]", "languageName = \"Nynorsk\"",
                "languageCode = \"nn-NO\"");

        Path out = home.resolve("public");
        Process build = new ProcessBuilder(hugo.toString(), "-s", site.toString(), "-d", out.toString(), "--printI18nWarnings",
                "--panicOnWarning").redirectErrorStream(true).redirectOutput(home.resolve("hugo.log").toFile()).start();
        assertThat(build.waitFor(120, TimeUnit.SECONDS)).as("hugo finished").isTrue();
        String log = Files.readString(home.resolve("hugo.log"));
        assertThat(build.exitValue()).as(log).isZero();
        assertThat(log).as("hugo's output").doesNotContain("WARN").doesNotContain("ERROR");

        Document nb = Jsoup.parse(out.resolve("nb/kommunen-bygger-ny-skole-pa-voss/index.html").toFile(), "UTF-8");
        Document nn = Jsoup.parse(out.resolve("nn/kommunen-byggjer-ny-skule-pa-voss/index.html").toFile(), "UTF-8");
        Document en = Jsoup.parse(out.resolve("en/the-municipality-builds-a-new-school-at-voss/index.html").toFile(), "UTF-8");
        assertThat(nn.selectFirst("html").attr("lang")).isEqualTo("nn");
        assertThat(nn.selectFirst("h1").text()).isEqualTo(NN_TITLE);
        for (Document page : List.of(nb, nn, en)) {
            assertThat(page.select("link[rel=alternate]").eachAttr("hreflang")).containsExactlyInAnyOrder("nb", "nn", "en", "x-default");
            assertThat(page.select("link[rel=alternate][hreflang=x-default]").attr("href")).isEqualTo("/nb/kommunen-bygger-ny-skole-pa-voss/");
            assertThat(page.select("link[rel=alternate][hreflang=nn]").attr("href")).isEqualTo("/nn/kommunen-byggjer-ny-skule-pa-voss/");
            assertThat(page.select("nav.languages > *").eachText()).containsExactly("Bokmål", "English", "Nynorsk");
            assertThat(page.select("nav.languages [aria-current=page]").attr("lang")).isEqualTo(page.selectFirst("html").attr("lang"));
        }
        assertThat(nb.select("nav.languages a").eachAttr("href"))
                .containsExactly("/en/the-municipality-builds-a-new-school-at-voss/", "/nn/kommunen-byggjer-ny-skule-pa-voss/");

        followTheSwitcher(out);
    }

    private void followTheSwitcher(Path out) throws Exception {
        Path chromium = executable("chromium");
        Path driver = executable("chromedriver");
        assumeTrue(chromium != null && driver != null, "chromium and chromium-driver are not installed");
        HttpServer server = serve(out);
        WebDriver browser = null;
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile);
            browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build(), options);
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            browser.get(base + "/nb/kommunen-bygger-ny-skole-pa-voss/");
            assertPage(browser, "nb", NB_TITLE);
            browser.findElement(By.cssSelector("nav.languages a[hreflang=nn]")).click();
            assertPage(browser, "nn", NN_TITLE);
            assertThat(browser.getCurrentUrl()).isEqualTo(base + "/nn/kommunen-byggjer-ny-skule-pa-voss/");
            browser.findElement(By.cssSelector("nav.languages a[hreflang=en]")).click();
            assertPage(browser, "en", EN_TITLE);
            assertThat(browser.getCurrentUrl()).isEqualTo(base + "/en/the-municipality-builds-a-new-school-at-voss/");
            browser.findElement(By.linkText("Nynorsk")).click();
            assertPage(browser, "nn", NN_TITLE);
            browser.findElement(By.linkText("Bokmål")).click();
            assertPage(browser, "nb", NB_TITLE);
            assertThat(browser.getCurrentUrl()).isEqualTo(base + "/nb/kommunen-bygger-ny-skole-pa-voss/");
        } finally {
            if (browser != null) browser.quit();
            server.stop(0);
        }
    }

    private static void assertPage(WebDriver browser, String language, String title) {
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(browser.findElement(By.cssSelector("nav.languages [aria-current=page]")).getAttribute("lang")).isEqualTo(language);
    }

    /** Serves the built site the way a web server does: {@code /nn/slug/} is {@code nn/slug/index.html}. */
    private static HttpServer serve(Path out) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Path file = out.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (Files.isDirectory(file)) file = file.resolve("index.html");
            if (!file.startsWith(out) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                byte[] body = Files.readAllBytes(file);
                exchange.getResponseHeaders().add("Content-Type", file.toString().endsWith(".html") ? "text/html; charset=utf-8"
                        : "application/octet-stream");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    /** A Bokmål article, approved, with hand-written English and Nynorsk translations of its revision. */
    static String storeTrilingual(PublishFixture fixture) {
        Article bokmal = new Article(null, 0, "skole.docx", "nb", NB_TITLE, "Den nye skolen skal stå ferdig i 2028.",
                "Kari Nordmann", LocalDate.of(2026, 9, 1), null, List.of(), List.of("Voss"),
                List.of(new Block(BlockType.PARAGRAPH, "Jeg er glad for at vi endelig kan bygge, sier ordføreren."),
                        new Block(BlockType.PARAGRAPH, "Elevene skal ikke flytte før skolen er ferdig.")));
        Article stored = fixture.store.saveExtracted(new Received("skole.docx", "skole",
                UUID.randomUUID().toString().replace("-", ""), null), bokmal);
        fixture.translations.put(new Article(stored.id(), stored.revision(), stored.sourceFile(), "en", EN_TITLE,
                "The new school is to be finished in 2028.", "Kari Nordmann", stored.published(), null, List.of(), List.of("Voss"),
                List.of(new Block(BlockType.PARAGRAPH, "I am glad that we can finally build, says the mayor."),
                        new Block(BlockType.PARAGRAPH, "The pupils will not move before the school is finished."))));
        fixture.translations.put(new Article(stored.id(), stored.revision(), stored.sourceFile(), "nn", NN_TITLE,
                "Den nye skulen skal stå ferdig i 2028.", "Kari Nordmann", stored.published(), null, List.of(), List.of("Voss"),
                List.of(new Block(BlockType.PARAGRAPH, "Eg er glad for at vi endeleg kan byggje, seier ordføraren."),
                        new Block(BlockType.PARAGRAPH, "Elevane skal ikkje flytte før skulen er ferdig."))));
        fixture.store.changeState(stored.id(), ArticleState.TRANSLATED, "translated by the test");
        fixture.store.changeState(stored.id(), ArticleState.APPROVED, "approved by the test");
        return stored.id();
    }

    static Path executable(String name) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }
}
