package no.tolk.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.article.Image;
import no.tolk.extract.ExtractionException.Reason;
import org.junit.jupiter.api.Test;

/** The rules for web pages dumped to text from sites of many shapes, each kind on an input made for it. */
class TextDumpRulesTest {

    private final ArticleAssembler assembler = new ArticleAssembler(new Boilerplate());

    private Article read(String text) throws ExtractionException {
        ArticleDraft draft = new PlainTextReader().read(text);
        assembler.refuseWhatIsNoArticle(draft);
        int draftWords = ArticleAssembler.words(draft);
        Article article = assembler.assemble(draft, "dump.txt");
        ArticleAssembler.requireEnoughText(article, draftWords);
        return article;
    }

    private static List<String> texts(Article article, BlockType type) {
        return article.blocks().stream().filter(block -> block.type() == type).map(Block::text).toList();
    }

    private static final String BODY = """
            Arbeidet starter i mai og skal være ferdig før skolestart i august, opplyser kommunen til innbyggerne.

            – Vi har ventet lenge på dette, og nå skjer det endelig, sier rektor Anne Lie ved skolen.
            """;

    @Test
    void titleIsChosenByEvidenceNotByPosition() throws Exception {
        Article article = read("""
                Hopp til innhold
                Aktiver Javascript i din nettleser for å se alt innhold på siden.
                Historisk arkiv
                Stikkord: skole, bygg
                Kategorier
                Nyheter
                Forsiden
                Forside > Nyheter > Skole
                Skoleutbygging 2024

                Ny gymsal på Haugen skole

                Elevene på Haugen skole får ny gymsal til høsten etter flere år med trange forhold i den gamle salen.
                Publisert: 10.01.2024

                """ + BODY);

        assertThat(article.title()).isEqualTo("Ny gymsal på Haugen skole");
        assertThat(article.lead()).isEqualTo("Elevene på Haugen skole får ny gymsal til høsten etter flere år med trange forhold i den gamle salen.");
        assertThat(article.published()).isEqualTo(LocalDate.of(2024, 1, 10));
        assertThat(article.tags()).containsExactly("skole", "bygg", "Nyheter");
        assertThat(article.blocks()).map(Block::text)
                .noneMatch(text -> text.contains("Skoleutbygging") || text.contains("Forside") || text.contains("Javascript"));
    }

    @Test
    void aTitlePrintedTwiceBeatsALabelAboveIt() throws Exception {
        Article article = read("""
                Gartnerhallen-kongress 2023
                Produsentene møttes på Hamar
                10. jan. 2023
                Produsentene møttes på Hamar
                Over tre hundre produsenter kom til Hamar for å diskutere priser, klima og nye sorter i to dager.

                """ + BODY);

        assertThat(article.title()).isEqualTo("Produsentene møttes på Hamar");
        assertThat(article.published()).isEqualTo(LocalDate.of(2023, 1, 10));
        assertThat(article.lead()).startsWith("Over tre hundre produsenter kom til Hamar");
    }

    @Test
    void photoCreditsInOtherShapesAreCreditsNotTitlesOrHeadings() throws Exception {
        Article article = read("""
                Foto: Ola Nordmann / NTB
                Sommerfest i parken samlet hele bygda

                Over tusen mennesker kom til sommerfesten i parken lørdag, der lag og foreninger solgte mat og hadde aktiviteter.

                Arendalsuka 2018/Foto M. Hauglid

                Festkomiteen hadde jobbet siden januar med å planlegge dagen, og fikk med seg tjue frivillige lag.

                Illustrasjon: Kari Berg

                Neste år skal festen vare i to dager, opplyser lederen av komiteen til lokalavisen.
                """);

        assertThat(article.title()).isEqualTo("Sommerfest i parken samlet hele bygda");
        assertThat(texts(article, BlockType.HEADING)).isEmpty();
        assertThat(article.images()).extracting(Image::credit).containsExactly("Ola Nordmann / NTB", "M. Hauglid", "Kari Berg");
        assertThat(article.images().get(1).caption()).isEqualTo("Arendalsuka 2018");
    }

    @Test
    void dateLinesWithoutALabelAreRead() throws Exception {
        assertThat(NorwegianDates.isDateLine("mandag 10. januar 2022")).isTrue();
        assertThat(NorwegianDates.isDateLine("10.01.2022 kl. 14.05")).isTrue();
        assertThat(NorwegianDates.isDateLine("10. jan. 2022")).isTrue();
        assertThat(NorwegianDates.isDateLine("måndag 3. oktober 2022 kl. 09:30")).isTrue();
        assertThat(NorwegianDates.isDateLine("14. mai 2024 09:15 CEST")).isTrue();
        assertThat(NorwegianDates.isDateLine("Møtet ble holdt 10. januar 2022")).isFalse();
        assertThat(NorwegianDates.parse("10. jan. 2022")).contains(LocalDate.of(2022, 1, 10));

        Article article = read("""
                Ny bru åpnet over elva
                10.01.2022 kl. 14.05
                Den nye brua over elva ble åpnet av ordføreren i dag, to måneder før planen.

                """ + BODY);

        assertThat(article.title()).isEqualTo("Ny bru åpnet over elva");
        assertThat(article.published()).isEqualTo(LocalDate.of(2022, 1, 10));
        assertThat(article.lead()).startsWith("Den nye brua over elva");
    }

    @Test
    void twoFactsOnOneLineAreBothKept() throws Exception {
        Article article = read("""
                Ny bru åpnet over elva
                Publisert: 26.12.2018 Oppdatert: 26.02.2019
                Av: Kari Nordmann  Foto: Ola Nordmann
                Den nye brua over elva ble åpnet av ordføreren i dag, to måneder før planen.

                """ + BODY);

        assertThat(article.published()).isEqualTo(LocalDate.of(2018, 12, 26));
        assertThat(article.revised()).isEqualTo(LocalDate.of(2019, 2, 26));
        assertThat(article.author()).isEqualTo("Kari Nordmann");
        assertThat(article.images()).singleElement().satisfies(image -> assertThat(image.credit()).isEqualTo("Ola Nordmann"));
        assertThat(article.lead()).startsWith("Den nye brua over elva");
    }

    @Test
    void aMetadataLineIsNotGluedToTheParagraphUnderIt() throws Exception {
        Article article = read("""
                Nytt forskningssenter åpner i Tromsø

                Publisert: 2. februar 2024 Av: Lars Eide og Mona Isaksen
                Tromsø får et nytt senter for forskning på fiskehelse og fôr, med plass til
                seksti forskere fra universitetet og næringen. Senteret åpner til sommeren
                og skal samle fagmiljøer som i dag er spredt på fire adresser.
                """);

        assertThat(article.published()).isEqualTo(LocalDate.of(2024, 2, 2));
        assertThat(article.author()).isEqualTo("Lars Eide og Mona Isaksen");
        assertThat(article.lead()).isEqualTo("Tromsø får et nytt senter for forskning på fiskehelse og fôr, med plass til "
                + "seksti forskere fra universitetet og næringen. Senteret åpner til sommeren "
                + "og skal samle fagmiljøer som i dag er spredt på fire adresser.");
    }

    @Test
    void nynorskLabelsAndTheIssuerOfAPressReleaseAreMetadata() throws Exception {
        Article nynorsk = read("""
                Publisert under: Nyheiter
                Nye ferjer på Sognefjorden
                Utgjevar: Vestland fylkeskommune
                Skriven av Eirik Hauge
                Publisert 22.11.2022
                Sist oppdatert 24.11.2022
                Fylket har vedteke at alle ferjene på fjorden skal gå på straum innan tre år.

                """ + BODY);

        assertThat(nynorsk.title()).isEqualTo("Nye ferjer på Sognefjorden");
        assertThat(nynorsk.author()).isEqualTo("Vestland fylkeskommune");
        assertThat(nynorsk.published()).isEqualTo(LocalDate.of(2022, 11, 22));
        assertThat(nynorsk.revised()).isEqualTo(LocalDate.of(2022, 11, 24));
        assertThat(nynorsk.tags()).containsExactly("Nyheiter");
        assertThat(nynorsk.lead()).startsWith("Fylket har vedteke");

        Article government = read("""
                Pressemelding
                Dato: 16.03.2023
                Utgiver: Nærings- og fiskeridepartementet
                Mer penger til fiskerihavner
                Regjeringen setter av 300 millioner kroner til utbygging av fiskerihavner langs hele kysten.

                """ + BODY);

        assertThat(government.title()).isEqualTo("Mer penger til fiskerihavner");
        assertThat(government.author()).isEqualTo("Nærings- og fiskeridepartementet");
        assertThat(government.published()).isEqualTo(LocalDate.of(2023, 3, 16));
    }

    @Test
    void headingsAreRecognisedAndNotConfusedWithListsOrLinkLabels() throws Exception {
        Article article = read("""
                Valget er avgjort i Dalen

                Arbeiderpartiet ble største parti i Dalen og kan beholde ordføreren i fire nye år.

                Hva skjer nå?

                Partiene skal møtes neste uke for å forhandle om et samarbeid i kommunestyret.

                Dette er en seier!

                Ordføreren sier at hun er glad for tilliten, og at hun skal jobbe for hele kommunen i
                perioden som kommer.

                Disse er valgt inn:
                Anne Marit Bakken
                Tore Håkonsen
                Liv Strand
                Ordføreren sier at hun vil snakke med alle partiene før hun legger fram et forslag.

                Se sendingen her

                Valgsendingen kan sees i opptak på nettsidene våre fram til neste uke.

                Alle foto i artikkelen: Lise Holm

                Konstitueringen skjer i oktober, og fram til da styrer det gamle kommunestyret.
                """);

        assertThat(texts(article, BlockType.HEADING)).containsExactly("Hva skjer nå?", "Dette er en seier!");
        assertThat(article.blocks()).map(Block::text)
                .contains("Ordføreren sier at hun er glad for tilliten, og at hun skal jobbe for hele kommunen i perioden som kommer.")
                .contains("Liv Strand")
                .doesNotContain("Se sendingen her")
                .contains("Konstitueringen skjer i oktober, og fram til da styrer det gamle kommunestyret.");
        assertThat(article.images()).singleElement().satisfies(image -> {
            assertThat(image.credit()).isEqualTo("Lise Holm");
            assertThat(image.caption()).isNull();
        });
    }

    @Test
    void pressReleaseServiceFootersAreNotBody() throws Exception {
        Article article = read("""
                Pressemelding • 14. mai 2024 09:15 CEST
                Nordkraft bygger ny fabrikk i Mo i Rana

                Nordkraft har besluttet å bygge en fabrikk for resirkulering av batterier i Mo i Rana med 120 arbeidsplasser.

                – Her har vi kraften, kompetansen og havnen vi trenger, sier direktør Ingrid Solvang. (©NPK)

                Kontaktpersoner
                Ingrid Solvang
                Administrerende direktør

                Om Nordkraft AS
                Nordkraft AS ble etablert i 2021 og har hovedkontor i Trondheim, der selskapet utvikler teknologi for batterier.

                Abonner på pressemeldinger fra Nordkraft AS
                Dokumenter og linker
                Følg oss på LinkedIn
                """);

        assertThat(article.title()).isEqualTo("Nordkraft bygger ny fabrikk i Mo i Rana");
        assertThat(article.published()).isEqualTo(LocalDate.of(2024, 5, 14));
        assertThat(article.blocks()).map(Block::text)
                .containsExactly("– Her har vi kraften, kompetansen og havnen vi trenger, sier direktør Ingrid Solvang.");
    }

    @Test
    void aFrontPageIsRefusedButAnArticleWithAListAndSubheadingsIsNot() throws Exception {
        StringBuilder frontPage = new StringBuilder("Dalbladet\nNyheter\nSport\n\n");
        String[] places = {"Eidet", "Haugen", "Dalen", "Nordli", "Skogly", "Vestby", "Hareid", "Fjordvik", "Lia", "Bakken", "Moen", "Strand", "Vika"};
        for (String place : places) {
            frontPage.append("Ny butikk åpner snart på ").append(place).append('\n')
                    .append("Eierne lover lave priser og lange åpningstider for alle kunder.\n")
                    .append("2 timer siden\n\n");
        }
        assertThatThrownBy(() -> read(frontPage.toString()))
                .isInstanceOfSatisfying(ExtractionException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(Reason.FRONT_PAGE);
                    assertThat(failure.getMessage()).startsWith("this looks like a front page with many stories, not one article");
                });

        StringBuilder article = new StringBuilder("""
                Disse får kulturstipend i år

                Kommunen deler ut kulturstipend til tretten unge kunstnere, musikere og forfattere i år, flere enn noen gang før. \
                Juryen har lest over hundre søknader og sier at nivået var svært høyt, særlig innen musikk og scenekunst. \
                Stipendene er på 20 000 kroner hver og deles ut på kulturhuset i juni, der flere av mottakerne skal opptre. \
                Kulturlederen mener stipendene betyr mye for unge som vil satse på kunst og kultur i bygda.

                Mottakerne er:
                """);
        for (String place : places) article.append("Ola Nordmann fra ").append(place).append('\n');
        assertThat(read(article.toString()).title()).isEqualTo("Disse får kulturstipend i år");
    }

    @Test
    void oneParagraphGetsItsTitleFromTheTextAndTooShortTextsSayWhy() throws Exception {
        Article article = read("Styret har valgt Hege Mikkelsen som ny daglig leder. Hun kommer fra en stilling som "
                + "innovasjonssjef i Bodø og tiltrer 1. april, etter at Terje Olsen går av med pensjon.");

        assertThat(article.title()).isEqualTo("Styret har valgt Hege Mikkelsen som ny daglig leder");
        assertThat(article.lead()).isEqualTo("Hun kommer fra en stilling som innovasjonssjef i Bodø og tiltrer 1. april, etter at Terje Olsen går av med pensjon.");

        assertThatThrownBy(() -> read("Husk styremøtet\n\nStyremøtet er flyttet til torsdag klokka 18 i klubbhuset."))
                .isInstanceOfSatisfying(ExtractionException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(Reason.TOO_SHORT);
                    assertThat(failure.getMessage()).isEqualTo("too short to be an article: 11 words");
                });
    }

    @Test
    void dataTablesAreRefusedAndTitlesAreCapped() {
        String tsv = "kommune\tår\tinnbyggere\nFjordvik\t2023\t12450\nNordli\t2023\t4310\nVestby\t2023\t18320\n";
        assertThat(PlainTextReader.tableShape(tsv)).isEqualTo("4 rows of 3 columns");
        assertThatThrownBy(() -> read(tsv))
                .isInstanceOfSatisfying(ExtractionException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(Reason.DATA_TABLE);
                    assertThat(failure.getMessage()).isEqualTo("this looks like a table of data, not an article (4 rows of 3 columns)");
                });
        assertThat(PlainTextReader.tableShape("navn;kommune;år\nKari;Bodø;2019\nPer;Alta;2020\n")).isEqualTo("3 rows of 3 columns");
        assertThat(PlainTextReader.tableShape("""
                Styret, som møttes i går, vedtok budsjettet, men ikke planen.
                Lederen, som var borte, var enig, sa hun, etter møtet i går.
                Neste møte, i mars, skal handle om planen, og om økonomien.
                """)).isNull();

        String longTitle = "Dette er en overskrift som fortsetter og fortsetter med ord etter ord uten å ta slutt før den "
                + "har blitt altfor lang til å være en tittel på en artikkel i en avis eller på en nettside som noen vil lese";
        String capped = ArticleAssembler.capTitle(longTitle);
        assertThat(capped).isEqualTo("Dette er en overskrift som fortsetter og fortsetter med ord etter ord uten å ta slutt før den "
                + "har blitt altfor lang til å være…");
        assertThat(Text.wordCount(capped)).isEqualTo(25);
        assertThat(ArticleAssembler.capTitle("x".repeat(300))).hasSize(200);
        assertThat(ArticleAssembler.capTitle("Kort tittel")).isEqualTo("Kort tittel");
    }
}
