package no.tolk.review;

import static no.tolk.review.DeskFixture.paragraph;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.tolk.article.Article;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With English and Nynorsk as targets, the review page and the desk show both pairs being reviewed (nb → en, nb → nn),
 * a Nynorsk correction goes into the Nynorsk translation only, and the desk's "needs attention" counts both pairs' errors.
 */
class DeskPairsTest {

    static final String SOURCE = "Fergen går 13. mai for første gang.";

    @TempDir
    Path home;
    DeskFixture fixture;
    Article article;

    @BeforeEach
    void setUp() {
        fixture = new DeskFixture(home, "https://news.example", List.of("en", "nn"));
        fixture.dictionary.put("Ny ferge til Kvitsøy", "New ferry to Kvitsøy");
        fixture.dictionary.put("nn:Ny ferge til Kvitsøy", "Ny ferje til Kvitsøy");
        fixture.dictionary.put("Kommunen har kjøpt en elektrisk ferge.", "The municipality has bought an electric ferry.");
        fixture.dictionary.put("nn:Kommunen har kjøpt en elektrisk ferge.", "Kommunen har kjøpt ei elektrisk ferje.");
        fixture.dictionary.put(SOURCE, "The ferry sails on 13 May for the first time.");
        fixture.dictionary.put("nn:" + SOURCE, "Ferja går for første gong.");
        article = fixture.extracted("ferje.docx", "Ny ferge til Kvitsøy", "Kommunen har kjøpt en elektrisk ferge.",
                List.of(paragraph(SOURCE)));
        fixture.translateAndReview();
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void theReviewPageAndTheDeskShowBothPairsAndANynorskCorrectionGoesIntoTheNynorskTranslation() throws Exception {
        assertThat(fixture.state(article.id())).isEqualTo("in_review");
        Path page = home.resolve("site/review/" + article.id() + ".html");
        Document html = Jsoup.parse(page.toFile(), "UTF-8");
        assertThat(html.select("section.pair h2").eachText()).containsExactly("Bokmål → English (nb → en)", "Bokmål → Nynorsk (nb → nn)");
        assertThat(html.getElementById("b0").className()).isEmpty();
        assertThat(html.getElementById("nn-b0").className()).isEqualTo("level-error");
        assertThat(html.getElementById("nn-b0").select("td[lang=nn]").text()).startsWith("Ferja går for første gong.");

        DeskService desk = fixture.service();
        Map<String, Object> scope = desk.article(article.id()).orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pairs = (List<Map<String, Object>>) scope.get("pairs");
        assertThat(pairs).extracting(p -> p.get("sourceLanguage") + "→" + p.get("targetLanguage")).containsExactly("nb→en", "nb→nn");
        DeskService.Item item = ((List<DeskService.Item>) desk.attention().get("items")).stream()
                .filter(i -> i.id().equals(article.id())).findFirst().orElseThrow();
        assertThat(item.errors()).isEqualTo(1);

        String answer = desk.correct(article.id(), "nn", "b0", "Ferja går 13. mai for første gong.", "rita");

        assertThat(answer).startsWith("Block 1 saved and checked: no error left on it.");
        assertThat(fixture.translations.find(article.id(), 1, "nn").orElseThrow().article().blocks().get(0).text())
                .isEqualTo("Ferja går 13. mai for første gong.");
        assertThat(fixture.translations.find(article.id(), 1, "en").orElseThrow().article().blocks().get(0).text())
                .isEqualTo("The ferry sails on 13 May for the first time.");
        html = Jsoup.parse(page.toFile(), "UTF-8");
        assertThat(html.getElementById("nn-b0").className()).isEmpty();
        assertThat(desk.history(article.id())).extracting(DeskService.Event::reason).contains("Block 1 (Nynorsk): Ferja går 13. mai for første gong.");
        assertThat(fixture.desk.approve(article.id()).done()).isTrue();
    }
}
