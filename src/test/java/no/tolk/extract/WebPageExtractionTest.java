package no.tolk.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.article.Image;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of web page that failed before: each input is made here, each value asserted exactly. */
class WebPageExtractionTest {

    private static final String P1 = "Kommunen har vedtatt å bygge en ny svømmehall ved skolen, og arbeidet skal starte til våren.";
    private static final String P2 = "Hallen får et basseng på 25 meter, et eget opplæringsbasseng og garderober med plass til to klasser.";
    private static final String P3 = "Prosjektet koster 140 millioner kroner, og staten dekker en tredel gjennom spillemidler.";
    private static final String P4 = "Rektor mener hallen vil gjøre det lettere å gi alle elever svømmeopplæring innen fjerde trinn.";

    private static ArticleExtractor extractor;

    @TempDir
    Path dir;

    @BeforeAll
    static void create() {
        extractor = new ArticleExtractor(ExtractionLimits.defaults(), new LanguageIdentifier());
    }

    @AfterAll
    static void close() {
        extractor.close();
    }

    private static Article html(String body) throws ExtractionException {
        return extractor.extractHtml("<html><head><title>Ny svømmehall ved skolen | Kommunen</title></head><body>" + body + "</body></html>", "side.html", null);
    }

    private static List<String> texts(Article article, BlockType type) {
        return article.blocks().stream().filter(b -> b.type() == type).map(Block::text).toList();
    }

    private static String paragraphs() {
        return "<p>" + P1 + "</p><p>" + P2 + "</p><h2>Spillemidler</h2><p>" + P3 + "</p><p>" + P4 + "</p>";
    }

    @Test
    void chromeNamesInsideLongerNamesDoNotRemoveTheArticleContainer() throws Exception {
        Article article = html("<div class=\"site no-sidebar modal-enabled\"><div class=\"content-sidebar-wrap\"><div class=\"share-zone\">"
                + "<div class=\"commentary\"><h1>Ny svømmehall ved skolen</h1>" + paragraphs() + "</div></div>"
                + "<div class=\"sidebar\"><p>Siste nytt fra kommunen finner du på forsiden vår hver dag.</p></div></div></div>");
        assertThat(article.title()).isEqualTo("Ny svømmehall ved skolen");
        assertThat(article.lead()).isEqualTo(P1);
        assertThat(texts(article, BlockType.PARAGRAPH)).containsExactly(P2, P3, P4);
        assertThat(texts(article, BlockType.HEADING)).containsExactly("Spillemidler");
    }

    @Test
    void textWrittenWithLineBreaksInADivOrTableCellBecomesParagraphs() throws Exception {
        Article div = html("<div class=\"post-body\"><h1>Ny svømmehall ved skolen</h1>" + P1 + "<br><br>" + P2 + "<br><br><b>Spillemidler</b><br>" + P3 + "<br><br>" + P4 + "</div>");
        assertThat(div.lead()).isEqualTo(P1);
        assertThat(texts(div, BlockType.PARAGRAPH)).containsExactly(P2, P3, P4);
        assertThat(texts(div, BlockType.HEADING)).containsExactly("Spillemidler");
        Article cell = html("<table><tr><td><a href=\"/\">Forsiden</a><br><a href=\"/a\">Aktuelt</a></td><td><h1>Ny svømmehall ved skolen</h1>"
                + P1 + "<br><br>" + P2 + "<div class=\"x\">" + P3 + "</div>" + P4 + "</td></tr></table>");
        assertThat(cell.lead()).isEqualTo(P1);
        assertThat(texts(cell, BlockType.PARAGRAPH)).containsExactly(P2, P3, P4);
    }

    @Test
    void aTeaserArticleDoesNotWinOverTheStory() throws Exception {
        String teaser = "<article class=\"card\"><h2><a href=\"/annen-sak\">Annen sak om skolebussen som kommer for sent hver morgen</a></h2>"
                + "<p>Foreldrene klager på at bussen er forsinket, og nå vil de ha svar fra fylket før høstferien.</p></article>";
        Article article = html("<div class=\"story\"><h1>Ny svømmehall ved skolen</h1>" + paragraphs() + "</div>"
                + "<div class=\"more\">" + teaser + teaser.replace("annen-sak", "tredje") + "</div>");
        assertThat(article.lead()).isEqualTo(P1);
        assertThat(texts(article, BlockType.PARAGRAPH)).containsExactly(P2, P3, P4);
        assertThat(article.fullText()).doesNotContain("skolebussen").doesNotContain("Foreldrene klager");
    }

    @Test
    void aSmallContentBoxElsewhereDoesNotWin() throws Exception {
        Article article = html("<div class=\"content\"><p>Åpningstider: 08-15</p></div><div class=\"x1\"><h1>Ny svømmehall ved skolen</h1>"
                + paragraphs() + "</div>");
        assertThat(article.lead()).isEqualTo(P1);
        assertThat(texts(article, BlockType.PARAGRAPH)).containsExactly(P2, P3, P4);
    }

    @Test
    void anArticleInsideAsideOrNoscriptIsKept() throws Exception {
        Article aside = html("<nav><a href=\"/\">Forsiden</a></nav><aside class=\"main-column\"><article><h1>Ny svømmehall ved skolen</h1>" + paragraphs() + "</article></aside>");
        assertThat(texts(aside, BlockType.PARAGRAPH)).containsExactly(P2, P3, P4);
        Article noscript = html("<div id=\"app\"></div><noscript><article><h1>Ny svømmehall ved skolen</h1>" + paragraphs() + "</article></noscript>");
        assertThat(noscript.lead()).isEqualTo(P1);
        assertThat(texts(noscript, BlockType.PARAGRAPH)).containsExactly(P2, P3, P4);
    }

    @Test
    void aPageWithoutArticleMarkupLosesItsChrome() throws Exception {
        Article article = html("<div class=\"a1\"><a href=\"/\">Forsiden</a> <a href=\"/b\">Barnehage</a> <a href=\"/s\">Skole</a></div>"
                + "<div class=\"a2\"><h1>Ny svømmehall ved skolen</h1><div class=\"a3\">Publisert 12. mars 2024</div><div class=\"a3\">4 min lesetid</div>"
                + paragraphs() + "<div class=\"a4\">Del artikkelen <a href=\"#\">Facebook</a> <a href=\"#\">X</a></div>"
                + "<div class=\"a4\">Stikkord: <a href=\"/t\">Skole</a>, <a href=\"/t2\">Idrett</a></div><div>3 kommentarer</div></div>"
                + "<div class=\"a5\"><div><a href=\"/x\">Les også: Ny barnehage åpner i sentrum i august</a></div><div><a href=\"/y\">Les også: Vegarbeid på fylkesvegen i hele sommer</a></div></div>"
                + "<div class=\"a6\">Rådhusgata 1, 1234 Kommunen. Telefon 12 34 56 78. Org.nr. 123 456 789.</div>");
        assertThat(article.title()).isEqualTo("Ny svømmehall ved skolen");
        assertThat(article.published()).hasToString("2024-03-12");
        assertThat(article.lead()).isEqualTo(P1);
        assertThat(texts(article, BlockType.PARAGRAPH)).containsExactly(P2, P3, P4);
        assertThat(texts(article, BlockType.HEADING)).containsExactly("Spillemidler");
    }

    @Test
    void theBylineIsNotTheFirstBodyParagraph() throws Exception {
        Article article = html("<article><h1>Ny svømmehall ved skolen</h1><p>Av Kari Nordmann</p><p class=\"ingress\">" + P1 + "</p>"
                + "<p>" + P2 + "</p><p>" + P3 + "</p></article>");
        assertThat(article.author()).isEqualTo("Kari Nordmann");
        assertThat(article.lead()).isEqualTo(P1);
        assertThat(texts(article, BlockType.PARAGRAPH)).containsExactly(P2, P3);
        Article named = html("<article><h1>Ny svømmehall ved skolen</h1><div class=\"article-byline\">Tekst: <a rel=\"author\" href=\"/a\">Ola Hansen</a> | 12.03.2024</div>"
                + "<p>" + P1 + "</p><p>" + P2 + "</p></article>");
        assertThat(named.author()).isEqualTo("Ola Hansen");
        assertThat(named.published()).hasToString("2024-03-12");
        assertThat(named.lead()).isEqualTo(P1);
        assertThat(texts(named, BlockType.PARAGRAPH)).containsExactly(P2);
    }

    @Test
    void thePictureCaptionAppearsOnce() throws Exception {
        String caption = "Slik blir den nye svømmehallen, ifølge arkitektene.";
        Article figure = html("<article><h1>Ny svømmehall ved skolen</h1><p>" + P1 + "</p><figure><img src=\"/bilder/hall.jpg\" alt=\"" + caption + "\">"
                + "<figcaption>" + caption + " Foto: Per Berg</figcaption></figure><p class=\"caption\">" + caption + "</p><p>" + P2 + "</p></article>");
        assertThat(texts(figure, BlockType.CAPTION)).containsExactly(caption);
        assertThat(figure.blocks().stream().filter(b -> b.text().contains("ifølge arkitektene")).count()).isEqualTo(1);
        assertThat(figure.images()).extracting(Image::caption, Image::credit).containsExactly(org.assertj.core.groups.Tuple.tuple(caption, "Per Berg"));
        Article lazy = html("<article><h1>Ny svømmehall ved skolen</h1><p>" + P1 + "</p><div class=\"wp-caption\"><img data-src=\"/bilder/hall.jpg\" src=\"data:image/gif;base64,R0\" alt=\"\">"
                + "<noscript><img src=\"/bilder/hall.jpg\"></noscript><p class=\"wp-caption-text\">" + caption + "</p></div><p>" + P2 + "</p></article>");
        assertThat(texts(lazy, BlockType.CAPTION)).containsExactly(caption);
        assertThat(lazy.images()).hasSize(1);
    }

    @Test
    void relativePictureAddressesResolveAgainstTheCanonicalLinkOfASavedPage() throws Exception {
        Path page = dir.resolve("lagret.html");
        Files.writeString(page, "<html><head><meta charset=\"utf-8\"><link rel=\"canonical\" href=\"https://kommune.example/aktuelt/svommehall/\">"
                + "<title>Ny svømmehall ved skolen</title></head><body><article><h1>Ny svømmehall ved skolen</h1><p>" + P1 + "</p>"
                + "<figure><img src=\"/wp-content/uploads/2024/03/hall.jpg\" alt=\"Hallen\"><figcaption>Hallen sett fra skolegården.</figcaption></figure>"
                + "<p>" + P2 + "</p></article></body></html>");
        Article article = extractor.extract(page);
        assertThat(article.images()).extracting(Image::source).containsExactly("https://kommune.example/wp-content/uploads/2024/03/hall.jpg");
        Path og = dir.resolve("og.html");
        Files.writeString(og, "<html><head><meta property=\"og:url\" content=\"https://kommune.example/aktuelt/svommehall/\"><title>Ny svømmehall ved skolen</title></head>"
                + "<body><article><h1>Ny svømmehall ved skolen</h1><p>" + P1 + "</p><img src=\"bilder/hall.jpg\"><p>" + P2 + "</p></article></body></html>");
        assertThat(extractor.extract(og).images()).extracting(Image::source).containsExactly("https://kommune.example/aktuelt/svommehall/bilder/hall.jpg");
    }

    @Test
    void aWindows1252PageWithoutCharsetReadsRight() throws Exception {
        Path page = dir.resolve("roros.html");
        Files.write(page, ("<html><head><title>Skolen på Røros</title></head><body><article><h1>Skolen på Røros får nytt bryggeri</h1>"
                + "<p>Elevene ved skolen på Røros skal lære kjemi ved å brygge alkoholfritt øl i et eget bryggeri.</p>"
                + "<p>Bryggeriet er bygget i et gammelt sløydrom, og lærerne er svært fornøyde med løsningen.</p></article></body></html>")
                .getBytes(Charset.forName("windows-1252")));
        Article article = extractor.extract(page);
        assertThat(article.title()).isEqualTo("Skolen på Røros får nytt bryggeri");
        assertThat(article.lead()).isEqualTo("Elevene ved skolen på Røros skal lære kjemi ved å brygge alkoholfritt øl i et eget bryggeri.");
    }

    @Test
    void aPageDeclaringIso88591ButHoldingUtf8IsReadAsUtf8() throws Exception {
        Path page = dir.resolve("feil.html");
        Files.write(page, ("<html><head><meta charset=\"iso-8859-1\"><title>Skolen på Røros</title></head><body><article><h1>Skolen på Røros får nytt bryggeri</h1>"
                + "<p>Elevene ved skolen på Røros skal lære kjemi ved å brygge alkoholfritt øl i et eget bryggeri.</p></article></body></html>")
                .getBytes(StandardCharsets.UTF_8));
        Article article = extractor.extract(page);
        assertThat(article.title()).isEqualTo("Skolen på Røros får nytt bryggeri");
        assertThat(article.fullText()).doesNotContain("Ã");
    }

    @Test
    void doubleEncodedTextIsRepairedWhenCertainAndRefusedOtherwise() throws Exception {
        String garbled = new String("Skolen på Røros får nytt bryggeri – og elevene jubler".getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));
        assertThat(garbled).contains("Ã¥");
        Article repaired = extractor.extractHtml("<html><body><article><h1>" + garbled + "</h1><p>" + garbled + ", sier rektor ved skolen.</p></article></body></html>", "x.html", null);
        assertThat(repaired.title()).isEqualTo("Skolen på Røros får nytt bryggeri – og elevene jubler");
        assertThatThrownBy(() -> extractor.extractHtml("<html><body><article><h1>Skolen p\uFFFD R\uFFFDros</h1><p>Elevene p\uFFFD skolen skal l\uFFFDre kjemi ved \uFFFD brygge \uFFFDl.</p></article></body></html>", "y.html", null))
                .isInstanceOf(ExtractionException.class)
                .hasMessageStartingWith("the text is garbled");
    }

    @Test
    void mojibakeIsRecognisedAndRepairedOnlyWhenCertain() {
        assertThat(Mojibake.score("Skolen pÃ¥ RÃ¸ros")).isEqualTo(2);
        assertThat(Mojibake.score("Skolen på Røros")).isZero();
        assertThat(Mojibake.repair("Skolen pÃ¥ RÃ¸ros â€“ Ã¦ren")).contains("Skolen på Røros – æren");
        assertThat(Mojibake.repair("Skolen på Røros")).isEmpty();
        assertThat(Mojibake.repair("Skolen p\uFFFD R\uFFFDros")).isEmpty();
        assertThat(Mojibake.isGarbled("Skolen p\uFFFD R\uFFFDros")).isTrue();
        assertThat(Mojibake.isGarbled("ÃRSTA (NTB): " + "Kommunestyret i Ørsta vedtok i kveld budsjettet for neste år. ".repeat(5))).isFalse();
    }
}
