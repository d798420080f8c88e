package no.tolk.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.tolk.Samples;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.article.Received;
import no.tolk.extract.ArticleExtractor;
import no.tolk.extract.ExtractionLimits;
import no.tolk.extract.LanguageIdentifier;
import no.tolk.publish.cms.StaticSitePublisher;
import no.tolk.publish.social.OutboxChannel;
import no.tolk.publish.social.Platform;
import no.tolk.publish.social.SocialChannels;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The samples, extracted for real and "translated" by marking the text, go through the publishing run into the
 * static site; the real {@code hugo} builds it and each page links to its translation; headless Chromium renders
 * one pair. Skipped (assumptions) where hugo or chromium are not installed.
 */
class StaticSiteEndToEndTest {

    @TempDir
    Path home;

    @Test
    void theSamplesSiteBuildsWithHugoAndEveryPageLinksToItsTranslation() throws Exception {
        Path hugo = executable("hugo");
        assumeTrue(hugo != null, "hugo is not installed");
        List<String> ids;
        try (PublishFixture fixture = new PublishFixture(home)) {
            ids = publishSamples(fixture);
        }
        Path out = home.resolve("public");

        Process build = new ProcessBuilder(hugo.toString(), "-s", home.resolve("site").toString(), "-d", out.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("hugo.log").toFile()).start();
        assertThat(build.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(home.resolve("hugo.log"));
        assertThat(build.exitValue()).as(log).isZero();
        assertThat(log).as("no warnings about the content").doesNotContain("WARN").doesNotContain("ERROR");

        Map<Path, Path> pairs = pairs(out);
        assertThat(pairs).as("one Norwegian page per article").hasSize(ids.size());
        for (Map.Entry<Path, Path> pair : pairs.entrySet()) {
            Document english = Jsoup.parse(pair.getValue().toFile(), "UTF-8");
            assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
            assertThat(local(out, english.selectFirst("nav.languages a[hreflang=nb]").attr("href")))
                    .isEqualTo(pair.getKey());
        }

        Path chromium = executable("chromium");
        if (chromium == null) chromium = executable("chromium-browser");
        assumeTrue(chromium != null, "chromium is not installed");
        Map.Entry<Path, Path> first = pairs.entrySet().iterator().next();
        Document nbRendered = Jsoup.parse(dumpDom(chromium, first.getKey()));
        Document enRendered = Jsoup.parse(dumpDom(chromium, first.getValue()));
        assertThat(nbRendered.selectFirst("h1").text()).isNotBlank();
        assertThat(enRendered.selectFirst("h1").text()).isEqualTo(nbRendered.selectFirst("h1").text() + " (English)");
        assertThat(local(out, nbRendered.selectFirst("nav.languages a[hreflang=en]").attr("href")))
                .isEqualTo(first.getValue());
        assertThat(local(out, enRendered.selectFirst("nav.languages a[hreflang=nb]").attr("href")))
                .isEqualTo(first.getKey());
    }

    /** Extracts every sample, stores it, stores a marked copy as its translation, approves and publishes. */
    private List<String> publishSamples(PublishFixture fixture) throws Exception {
        ArticleExtractor extractor = new ArticleExtractor(ExtractionLimits.defaults(), new LanguageIdentifier());
        List<String> ids = new ArrayList<>();
        for (Path sample : Samples.good()) {
            String name = sample.getFileName().toString();
            Article stored = fixture.store.saveExtracted(new Received(name, name.replaceAll("\\.[^.]+$", ""),
                    UUID.randomUUID().toString().replace("-", ""), null), extractor.extract(sample));
            Article english = new Article(stored.id(), stored.revision(), stored.sourceFile(), "en", stored.title() + " (English)",
                    stored.lead(), stored.author(), stored.published(), stored.revised(), stored.images(), stored.tags(), stored.blocks());
            fixture.translations.put(english);
            fixture.store.changeState(stored.id(), ArticleState.APPROVED, "approved by the test");
            if (!ids.contains(stored.id())) ids.add(stored.id());
        }
        Path site = home.resolve("site");
        // no social channel: without a base URL social posts wait for one (a file:// link is never announced)
        PublishingRun run = fixture.run(new StaticSitePublisher(site, site.resolve("content"), ""),
                new SocialChannels(List.of()), PublishFixture.settings(2, false));
        assertThat(run.publishApproved()).isEqualTo(ids.size());
        return ids;
    }

    /** Norwegian article page to English article page, from the Norwegian pages' hreflang links. */
    private static Map<Path, Path> pairs(Path out) throws Exception {
        Map<Path, Path> pairs = new LinkedHashMap<>();
        try (Stream<Path> folders = Files.list(out.resolve("nb"))) {
            for (Path folder : folders.filter(Files::isDirectory).filter(f -> !Set.of("tags", "categories", "page")
                    .contains(f.getFileName().toString())).sorted().toList()) {
                Path page = folder.resolve("index.html");
                Document norwegian = Jsoup.parse(page.toFile(), "UTF-8");
                var link = norwegian.selectFirst("nav.languages a[hreflang=en]");
                assertThat(link).as("language switcher on " + page).isNotNull();
                assertThat(norwegian.select("link[rel=alternate][hreflang=en]")).isNotEmpty();
                Path english = local(out, link.attr("href"));
                assertThat(english).exists();
                pairs.put(page, english);
            }
        }
        return pairs;
    }

    /** The built file behind a site-relative link such as {@code /en/some-slug/}. */
    private static Path local(Path out, String href) {
        String path = java.net.URLDecoder.decode(href, StandardCharsets.UTF_8).replaceFirst("^file://", "");
        int site = path.indexOf("/nb/") >= 0 && !path.startsWith("/en/") && !path.startsWith("/nb/") ? path.indexOf("/nb/") : -1;
        if (site < 0 && !path.startsWith("/en/") && !path.startsWith("/nb/")) site = path.indexOf("/en/");
        if (site > 0) path = path.substring(site);
        return out.resolve(path.substring(1)).resolve("index.html");
    }

    private String dumpDom(Path chromium, Path page) throws Exception {
        // outside the test's temporary folder: Chromium's helper processes may still write to the profile after it exits
        Path profile = Files.createTempDirectory("tolk-chromium");
        Path dom = profile.resolve("dom.html");
        Process browser = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--user-data-dir=" + profile, "--dump-dom", page.toUri().toString())
                .redirectOutput(dom.toFile()).redirectError(profile.resolve("chromium.log").toFile()).start();
        assertThat(browser.waitFor(Duration.ofSeconds(90).toSeconds(), TimeUnit.SECONDS)).as("chromium finished").isTrue();
        String html = Files.readString(dom, StandardCharsets.UTF_8);
        assertThat(html).as(Files.readString(profile.resolve("chromium.log"))).contains("<h1");
        return html;
    }

    private static Path executable(String name) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }
}
