package no.tolk.publish.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the generated site with the real {@code hugo} binary when it is installed. */
class HugoBuildTest {

    @TempDir
    Path home;

    @Test
    void hugoBuildsABilingualSiteWhoseNorwegianPageLinksToTheEnglishOne() throws Exception {
        Path hugo = findHugo();
        assumeTrue(hugo != null, "hugo is not installed");
        Path site = home.resolve("site");
        StaticSitePublisher publisher = new StaticSitePublisher(site, site.resolve("content"), "");
        CmsReceipt nb = publisher.publish(SampleArticles.norwegian(), Counterpart.unpublished("en", SampleArticles.english().title()), null);
        publisher.publish(SampleArticles.english(), new Counterpart("nb", null, nb.externalId(), nb.url()), null);
        publisher.publish(SampleArticles.hostile("nb"), null, null);
        Path out = home.resolve("public");

        Process build = new ProcessBuilder(hugo.toString(), "-s", site.toString(), "-d", out.toString(), "--quiet")
                .redirectErrorStream(true).redirectOutput(home.resolve("hugo.log").toFile()).start();
        assertThat(build.waitFor(120, TimeUnit.SECONDS)).as("hugo finished").isTrue();
        assertThat(build.exitValue()).as(Files.readString(home.resolve("hugo.log"))).isZero();

        Document norwegian = Jsoup.parse(out.resolve("nb/rekordar-for-blabaer-pa-roros/index.html").toFile(), "UTF-8");
        assertThat(norwegian.selectFirst("html").attr("lang")).isEqualTo("nb");
        assertThat(norwegian.selectFirst("h1").text()).isEqualTo("Rekordår for blåbær på Røros");
        assertThat(norwegian.select("link[rel=alternate][hreflang=en]").attr("href"))
                .endsWith("/en/record-year-for-blueberries-in-roros/");
        assertThat(norwegian.selectFirst("nav.languages a[hreflang=en]").attr("href"))
                .isEqualTo("/en/record-year-for-blueberries-in-roros/");
        assertThat(norwegian.select("main blockquote").text()).isEqualTo("Vi har aldri sett maken, sier plukkeren.");
        assertThat(norwegian.select("main h2").text()).isEqualTo("Tørr sommer");
        Document english = Jsoup.parse(out.resolve("en/record-year-for-blueberries-in-roros/index.html").toFile(), "UTF-8");
        assertThat(english.selectFirst("nav.languages a[hreflang=nb]").attr("href")).isEqualTo("/nb/rekordar-for-blabaer-pa-roros/");

        // the slug is made of the title's text, without its markup (issue 13: no "script-alert-title")
        Path hostilePage;
        try (var pages = Files.list(out.resolve("nb"))) {
            hostilePage = pages.filter(p -> p.getFileName().toString().startsWith("quoted-yes-not-a-comment")).findFirst().orElseThrow();
        }
        Document hostile = Jsoup.parse(hostilePage.resolve("index.html").toFile(), "UTF-8");
        assertThat(hostile.select("script, iframe, main img[src^=javascript]")).isEmpty();
        assertThat(hostile.selectFirst("h1").text()).startsWith("<script>alert('title')</script>");
        assertThat(Files.readString(hostilePage.resolve("index.html"), StandardCharsets.UTF_8)).doesNotContain("<script");
    }

    private static Path findHugo() {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "hugo");
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }
}
