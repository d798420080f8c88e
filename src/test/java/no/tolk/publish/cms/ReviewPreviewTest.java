package no.tolk.publish.cms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewPreviewTest {

    @TempDir
    Path site;

    @Test
    void showsNorwegianLeftAndEnglishRightBlockByBlockWithFindingsHighlighted() throws Exception {
        ReviewPreview preview = new ReviewPreview(site);

        Path page = preview.write(SampleArticles.norwegian(), SampleArticles.english(), List.of(
                ReviewNote.forBlock(2, "warning", "quotes", "quote lost its attribution"),
                ReviewNote.forBlock(2, "error", "numbers", "number 12 missing in translation"),
                ReviewNote.forArticle("info", "length", "English is 8% shorter")));

        assertThat(page).isEqualTo(site.resolve("review/" + SampleArticles.ID + ".html"));
        Document html = Jsoup.parse(page.toFile(), "UTF-8");
        assertThat(html.select("thead th[lang]").eachAttr("lang")).containsExactly("nb", "en");
        assertThat(html.select("thead th").eachText()).containsExactly("Bokmål", "English");
        Element title = html.select("tbody tr").get(0);
        assertThat(title.select("td[lang=nb]").text()).isEqualTo("Rekordår for blåbær på Røros");
        assertThat(title.select("td[lang=en]").text()).isEqualTo("Record year for blueberries in Røros");
        Element quote = html.select("tbody tr").stream().filter(r -> r.selectFirst("td.kind").text().equals("3 quote")).findFirst().orElseThrow();
        assertThat(quote.className()).isEqualTo("level-error");
        assertThat(quote.select("td[lang=nb]").text()).isEqualTo("Vi har aldri sett maken, sier plukkeren.");
        assertThat(quote.select("li.error").text()).contains("numbers", "number 12 missing in translation");
        assertThat(quote.select("li.warning").text()).contains("quote lost its attribution");
        assertThat(html.select("tr.level-error, tr.level-warning, tr.level-info")).hasSize(1);
        assertThat(html.select("section.article-notes li.info").text()).contains("English is 8% shorter");
    }

    @Test
    void showsOneSectionPerPairBeingReviewedWithEachPairsFindingsOnItsOwnRows() throws Exception {
        Article nynorsk = new Article(SampleArticles.ID, 1, "blabaer.docx", "nn", "Rekordår for blåbær på Røros",
                "Aldri før har bærplukkarane funne så mykje.", "Kari Nordmann", null, null, List.of(), List.of(),
                List.of(new Block(BlockType.PARAGRAPH, "Sesongen starta tidleg i år.")));

        Path page = new ReviewPreview(site).write(SampleArticles.norwegian(), List.of(
                new ReviewPreview.Target(SampleArticles.english(), List.of()),
                new ReviewPreview.Target(nynorsk, List.of(ReviewNote.forBlock(0, "warning", "apertium", "unknown word: bærplukkarane")))));

        Document html = Jsoup.parse(page.toFile(), "UTF-8");
        assertThat(html.select("section.pair h2").eachText())
                .containsExactly("Bokmål → English (nb → en)", "Bokmål → Nynorsk (nb → nn)");
        assertThat(html.select("section.pair").eachAttr("data-target")).containsExactly("en", "nn");
        assertThat(html.select("section#pair-nb-nn thead th[lang]").eachText()).containsExactly("Bokmål", "Nynorsk");
        assertThat(html.getElementById("b0").select("td[lang=en]").text()).isEqualTo("The season started early this year.");
        Element nnRow = html.getElementById("nn-b0");
        assertThat(nnRow.select("td[lang=nb]").text()).isEqualTo("Sesongen startet tidlig i år.");
        assertThat(nnRow.select("td[lang=nn]").text()).startsWith("Sesongen starta tidleg i år.");
        assertThat(nnRow.className()).isEqualTo("level-warning");
        assertThat(html.getElementById("b0").className()).isEmpty();
        assertThat(html.selectFirst("section.approval").text()).contains("translations (English, Nynorsk)");
        assertThat(Files.readString(site.resolve("review/" + SampleArticles.ID + ".approve"))).contains("(English, Nynorsk)", "revision=1");
    }

    @Test
    void escapesEverythingAndMarksMissingBlocks() throws Exception {
        Article nb = SampleArticles.hostile("nb");
        Article en = new Article(nb.id(), 1, null, "en", "Title", null, null, null, null, List.of(), List.of(), nb.blocks().subList(0, 2));

        Path page = new ReviewPreview(site).writeWithWarnings(nb, en, List.of("<script>alert('warning')</script>"));

        Document html = Jsoup.parse(page.toFile(), "UTF-8");
        assertThat(html.select("script, iframe, img, a[href]")).isEmpty();
        assertThat(html.select("section.article-notes li.warning").text()).contains("<script>alert('warning')</script>");
        assertThat(html.select("td[lang=en] em").eachText()).contains("(missing)");
    }

    @Test
    void approvalIsMovingTheMarkerIntoApprovedForThatRevision() throws Exception {
        ReviewPreview preview = new ReviewPreview(site);
        preview.write(SampleArticles.norwegian(), SampleArticles.english(), List.of());
        Path marker = site.resolve("review/" + SampleArticles.ID + ".approve");
        assertThat(marker).isRegularFile();
        assertThat(Files.readString(marker)).contains("revision=1");
        assertThat(preview.isApproved(SampleArticles.ID, 1)).isFalse();

        Files.move(marker, site.resolve("review/approved/" + SampleArticles.ID + ".approve"));

        assertThat(preview.isApproved(SampleArticles.ID, 1)).isTrue();
        assertThat(preview.isApproved(SampleArticles.ID, 2)).as("a new revision needs a new approval").isFalse();
        preview.write(SampleArticles.norwegian(), SampleArticles.english(), List.of());
        assertThat(marker).as("an approved revision is not asked for again").doesNotExist();
        preview.write(SampleArticles.norwegian().withIdentity(SampleArticles.ID, 2), SampleArticles.english().withIdentity(SampleArticles.ID, 2), List.of());
        assertThat(Files.readString(marker)).contains("revision=2");
    }

    @Test
    void refusesIdsThatAreNotFileNames() {
        ReviewPreview preview = new ReviewPreview(site);

        assertThatThrownBy(() -> preview.isApproved("../../etc/passwd", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
