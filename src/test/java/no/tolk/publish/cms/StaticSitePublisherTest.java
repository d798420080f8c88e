package no.tolk.publish.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.tolk.article.Article;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class StaticSitePublisherTest {

    @TempDir
    Path home;
    Path site;
    StaticSitePublisher publisher;

    @BeforeEach
    void setUp() {
        site = home.resolve("site");
        publisher = new StaticSitePublisher(site, site.resolve("content"), "");
    }

    /** Publishes the pair the way the publish stage does: nb, en linked to nb, nb again linked to en. */
    private CmsReceipt[] publishPair(Article nb, Article en) throws CmsException {
        CmsReceipt first = publisher.publish(nb, Counterpart.unpublished("en", en.title()), null);
        CmsReceipt english = publisher.publish(en, new Counterpart("nb", nb.title(), first.externalId(), first.url()), null);
        CmsReceipt norwegian = publisher.publish(nb, new Counterpart("en", en.title(), english.externalId(), english.url()), first.externalId());
        return new CmsReceipt[] {norwegian, english};
    }

    @Test
    void writesBothLanguagesAsHugoContentPairedByTranslationKey() throws Exception {
        CmsReceipt[] receipts = publishPair(SampleArticles.norwegian(), SampleArticles.english());

        assertThat(receipts[0].externalId()).isEqualTo("nb/rekordar-for-blabaer-pa-roros");
        assertThat(receipts[1].externalId()).isEqualTo("en/record-year-for-blueberries-in-roros");
        Map<String, Object> nb = frontMatter(site.resolve("content/nb/rekordar-for-blabaer-pa-roros.md"));
        Map<String, Object> en = frontMatter(site.resolve("content/en/record-year-for-blueberries-in-roros.md"));

        assertThat(nb).containsEntry("title", "Rekordår for blåbær på Røros")
                .containsEntry("author", "Kari Nordmann")
                .containsEntry("summary", "Aldri før har bærplukkerne funnet så mye.")
                .containsEntry("tags", List.of("Røros", "Natur"))
                .containsEntry("slug", "rekordar-for-blabaer-pa-roros")
                .containsEntry("translationKey", SampleArticles.ID)
                .containsEntry("revision", 1);
        assertThat(String.valueOf(nb.get("date"))).startsWith("2026-08-14");
        assertThat(String.valueOf(nb.get("lastmod"))).startsWith("2026-08-15");
        assertThat(nb.get("image")).isEqualTo(Map.of("source", "https://images.example/blabaer.jpg", "alt", "Blåbærlyng",
                "caption", "Bær i lyngen.", "credit", "Ola Foto"));
        assertThat(en).containsEntry("translationKey", nb.get("translationKey"))
                .containsEntry("title", "Record year for blueberries in Røros");
    }

    @Test
    void rendersBlocksAsMarkdown() throws Exception {
        publisher.publish(SampleArticles.norwegian(), null, null);

        String body = body(site.resolve("content/nb/rekordar-for-blabaer-pa-roros.md"));
        assertThat(body).isEqualTo("""
                Sesongen startet tidlig i år.

                ## Tørr sommer

                > Vi har aldri sett maken, sier plukkeren.

                - Blåbær
                - Tyttebær

                *Plukkere på fjellet.*
                """);
    }

    @Test
    void previewPagesLinkTheTwoLanguagesWithHreflangAndASwitcher() throws Exception {
        publishPair(SampleArticles.norwegian(), SampleArticles.english());

        Document nb = Jsoup.parse(site.resolve("preview/nb/rekordar-for-blabaer-pa-roros.html").toFile(), "UTF-8");
        Document en = Jsoup.parse(site.resolve("preview/en/record-year-for-blueberries-in-roros.html").toFile(), "UTF-8");

        assertThat(nb.selectFirst("html").attr("lang")).isEqualTo("nb");
        assertThat(nb.select("link[rel=alternate][hreflang=en]").attr("href")).isEqualTo("../en/record-year-for-blueberries-in-roros.html");
        assertThat(nb.select("link[rel=alternate][hreflang=nb]").attr("href")).isEqualTo("rekordar-for-blabaer-pa-roros.html");
        Element switcher = nb.selectFirst("nav.languages a[hreflang=en]");
        assertThat(switcher.text()).isEqualTo("English");
        assertThat(switcher.attr("href")).isEqualTo("../en/record-year-for-blueberries-in-roros.html");
        assertThat(en.selectFirst("nav.languages a[hreflang=nb]").attr("href")).isEqualTo("../nb/rekordar-for-blabaer-pa-roros.html");
        assertThat(en.select("link[rel=alternate][hreflang=nb]")).hasSize(1);

        assertThat(nb.selectFirst("h1").text()).isEqualTo("Rekordår for blåbær på Røros");
        assertThat(nb.selectFirst("p.lead").text()).isEqualTo("Aldri før har bærplukkerne funnet så mye.");
        assertThat(nb.select("article > ul:not(.tags) > li").eachText()).containsExactly("Blåbær", "Tyttebær");
        assertThat(nb.selectFirst("blockquote").text()).isEqualTo("Vi har aldri sett maken, sier plukkeren.");
        assertThat(nb.selectFirst("figure img").attr("src")).isEqualTo("https://images.example/blabaer.jpg");
        assertThat(nb.selectFirst("figcaption").text()).isEqualTo("Bær i lyngen. Ola Foto");
    }

    @Test
    void hostileTextStaysTextInHtmlMarkdownAndYaml() throws Exception {
        CmsReceipt receipt = publisher.publish(SampleArticles.hostile("nb"), Counterpart.unpublished("en", "x"), null);
        String slug = receipt.externalId().substring(3);

        Document page = Jsoup.parse(site.resolve("preview/nb/" + slug + ".html").toFile(), "UTF-8");
        assertThat(page.select("script, iframe, a[href^=javascript], img[src^=javascript], b, i")).isEmpty();
        assertThat(page.getAllElements()).allSatisfy(e -> assertThat(e.attributes().asList())
                .noneMatch(a -> a.getKey().toLowerCase().startsWith("on")));
        assertThat(page.selectFirst("h1").text()).isEqualTo("<script>alert('title')</script> \"Quoted\": yes # not a comment");
        assertThat(page.select("article p").eachText()).contains("<img src=x onerror=alert(1)>", "<iframe src=\"https://evil.example/\"></iframe>");

        Path content = site.resolve("content/nb/" + slug + ".md");
        Map<String, Object> yaml = frontMatter(content);
        assertThat(yaml).containsEntry("title", "<script>alert('title')</script> \"Quoted\": yes # not a comment")
                .containsEntry("summary", "Lead with <b>tags</b> & {{< shortcode >}}")
                .containsEntry("author", "Eve <eve@example.com>");
        String markdown = body(content);
        // every character that could open HTML, a link or a Hugo shortcode is backslash-escaped
        assertThat(markdown).doesNotContainPattern("(?<!\\\\)[<\\[{]")
                .contains("\\<script\\>alert('body')\\</script\\>")
                .contains("## \\# \\[link\\](javascript:alert(4)) \\*bold\\*")
                .contains("- 1\\. not an ordered list");
        // the rendered Markdown shows the text, not markup
        String rendered = org.commonmark.renderer.html.HtmlRenderer.builder().escapeHtml(false).build()
                .render(org.commonmark.parser.Parser.builder().build().parse(markdown));
        Document fromMarkdown = Jsoup.parseBodyFragment(rendered);
        assertThat(fromMarkdown.select("script, img, iframe, a, em, ol")).isEmpty();
        assertThat(fromMarkdown.selectFirst("h2").text()).isEqualTo("# [link](javascript:alert(4)) *bold*");
    }

    @Test
    void keepsTheFirstSlugAcrossRevisionsEvenWithoutAStoredId() throws Exception {
        Article first = SampleArticles.norwegian();
        CmsReceipt receipt = publisher.publish(first, null, null);
        Article retitled = new Article(first.id(), 2, first.sourceFile(), "nb", "Ny tittel på saken", first.lead(), first.author(),
                first.published(), first.revised(), first.images(), first.tags(), first.blocks());

        CmsReceipt byId = publisher.publish(retitled, null, receipt.externalId());
        CmsReceipt byLookup = publisher.publish(retitled, null, null);

        assertThat(byId.externalId()).isEqualTo(receipt.externalId());
        assertThat(byLookup.externalId()).isEqualTo(receipt.externalId());
        try (var files = Files.list(site.resolve("content/nb"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("rekordar-for-blabaer-pa-roros.md");
        }
        Map<String, Object> yaml = frontMatter(site.resolve("content/nb/rekordar-for-blabaer-pa-roros.md"));
        assertThat(yaml).containsEntry("title", "Ny tittel på saken").containsEntry("revision", 2);
    }

    @Test
    void anotherArticleWithTheSameTitleGetsItsOwnSlug() throws Exception {
        Article other = SampleArticles.norwegian().withIdentity("ffffffffff", 1);
        publisher.publish(SampleArticles.norwegian(), null, null);

        CmsReceipt receipt = publisher.publish(other, null, null);

        assertThat(receipt.externalId()).isEqualTo("nb/rekordar-for-blabaer-pa-roros-2");
    }

    @Test
    void writesHugoConfigurationOnceAndNeverOverwritesIt() throws Exception {
        publisher.publish(SampleArticles.norwegian(), null, null);
        Path config = site.resolve("hugo.toml");
        String hugo = Files.readString(config);
        assertThat(hugo).contains("defaultContentLanguage = \"nb\"", "[languages.nb]", "[languages.en]",
                "contentDir = \"content/nb\"", "contentDir = \"content/en\"");
        assertThat(HugoSite.FILES).allSatisfy(name -> assertThat(site.resolve(name)).isRegularFile());
        assertThat(Files.readString(site.resolve("layouts/_default/baseof.html"))).contains(".Translations", "hreflang");

        Files.writeString(config, "# edited by a person\n", StandardCharsets.UTF_8);
        publisher.publish(SampleArticles.english(), null, null);

        assertThat(Files.readString(config)).isEqualTo("# edited by a person\n");
    }

    @Test
    void reportsThePublicAddressWhenABaseUrlIsConfigured() throws Exception {
        Path ownContent = home.resolve("my-hugo/content");
        StaticSitePublisher own = new StaticSitePublisher(site, ownContent, "https://news.example/");

        CmsReceipt receipt = own.publish(SampleArticles.english(), null, null);

        assertThat(receipt.url()).isEqualTo("https://news.example/en/record-year-for-blueberries-in-roros/");
        assertThat(ownContent.resolve("en/record-year-for-blueberries-in-roros.md")).isRegularFile();
    }

    @Test
    void refusesAnArticleWithoutLanguage() {
        Article noLanguage = SampleArticles.norwegian().withLanguage(null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> publisher.publish(noLanguage, null, null))
                .isInstanceOf(CmsRejectedException.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> frontMatter(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("---\n");
        String yaml = text.substring(4, text.indexOf("\n---\n", 4));
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    }

    static String body(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.substring(text.indexOf("\n---\n", 4) + 5).stripLeading();
    }
}
