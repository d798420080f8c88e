package no.tolk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PDFs as word processors export them, written here with PDFBox and real fonts: the layout (type size and
 * weight, positions, repetition across pages) must give back the title, lead, headings and paragraphs a
 * reader sees.
 */
class PdfLayoutReaderTest {

    private static ArticleExtractor extractor;

    @TempDir
    Path folder;

    @BeforeAll
    static void start() {
        extractor = new ArticleExtractor(ExtractionLimits.defaults(), new LanguageIdentifier());
    }

    @AfterAll
    static void stop() {
        extractor.close();
    }

    static final List<String> PRESS_RELEASE_BODY = List.of(
            "Fylkeskommunen har inngått en avtale med rederiet om drift av ruten i fem år. Avtalen er en viktig del av utvik-\nlingen av kollektivtilbudet i regionen, og den gir pendlere et nytt tilbud.",
            "– Dette er en god dag for alle som reiser i landsdelen, sier fylkesråd for samferdsel Kari Nordmann.",
            "Båten tar 180 passasjerer og har plass til sykler og barnevogner. Den første avgangen fra Bodø går klokken 06.30, den siste fra Svolvær klokken 21.15, slik at det blir mulig å rekke både jobb og skole.",
            "Rederiet har bygget båten ved et verft på Helgeland, og den går på batteri det meste av strekningen. Utslippene fra ruten blir dermed langt lavere enn fra de gamle båtene som går i dag.",
            "Billettene kan kjøpes i appen til fylkeskommunen fra 20. mai. Barn under seks år reiser gratis, og studenter og honnørreisende får halv pris på alle avganger.",
            "Periodekort for 30 dager koster 1 850 kroner og gjelder også på bussene i Bodø og Svolvær, slik at hele reisen kan gjøres med ett kort.");

    /** A press release: two-line title in large bold type, italic lead, 14 pt bold subheadings, running header and page numbers. */
    static TestPdf pressRelease(int fillerParagraphs) throws java.io.IOException {
        TestPdf pdf = new TestPdf();
        pdf.paragraph(pdf.bold, 20, 24, 8, "Ny hurtigbåtrute knytter Bodø og\nLofoten tettere sammen");
        pdf.paragraph(pdf.regular, 9, 12, 10, "Publisert 13. mai 2024");
        pdf.paragraph(pdf.italic, 12, 16, 10, "Fra 1. juni går det en ny hurtigbåt mellom Bodø og Svolvær tre ganger om dagen, og reisetiden blir kortere for folk i hele Nord-\nNorge.");
        pdf.paragraph(pdf.regular, 11, 15, 8, PRESS_RELEASE_BODY.get(0));
        pdf.paragraph(pdf.regular, 11, 15, 8, PRESS_RELEASE_BODY.get(1));
        pdf.space(6).paragraph(pdf.bold, 14, 18, 6, "Tre avganger hver dag");
        pdf.paragraph(pdf.regular, 11, 15, 8, PRESS_RELEASE_BODY.get(2));
        pdf.paragraph(pdf.regular, 11, 15, 8, PRESS_RELEASE_BODY.get(3));
        for (String filler : reportParagraphs().subList(0, fillerParagraphs)) {
            pdf.paragraph(pdf.regular, 11, 15, 8, filler);
        }
        pdf.space(6).paragraph(pdf.bold, 14, 18, 6, "Billetter og priser");
        pdf.paragraph(pdf.regular, 11, 15, 8, PRESS_RELEASE_BODY.get(4));
        pdf.paragraph(pdf.regular, 11, 15, 8, PRESS_RELEASE_BODY.get(5));
        pdf.runningHeaderAndFooter("Nordland fylkeskommune · Pressemelding", "Side %d av %n");
        pdf.info("Microsoft Word - pressemelding hurtigbåt.docx", "kari.nordmann", "nb-NO", 2024, 5, 12);
        return pdf;
    }

    @Test
    void aPressReleaseComesOutWithTitleLeadHeadingsAndParagraphs() throws Exception {
        Path file;
        try (TestPdf pdf = pressRelease(14)) {
            file = pdf.save(folder.resolve("hurtigbat.pdf"));
        }
        Article article = extractor.extract(file);

        assertThat(article.title()).isEqualTo("Ny hurtigbåtrute knytter Bodø og Lofoten tettere sammen");
        assertThat(article.lead()).isEqualTo("Fra 1. juni går det en ny hurtigbåt mellom Bodø og Svolvær tre ganger om dagen,"
                + " og reisetiden blir kortere for folk i hele Nord-Norge.");
        assertThat(article.published()).hasToString("2024-05-13");
        assertThat(article.author()).isNull();
        assertThat(article.language()).isEqualTo("nb");
        assertThat(headings(article)).containsExactly("Tre avganger hver dag", "Billetter og priser");
        List<Block> blocks = article.blocks();
        assertThat(blocks.get(0)).isEqualTo(new Block(BlockType.PARAGRAPH, "Fylkeskommunen har inngått en avtale med rederiet om"
                + " drift av ruten i fem år. Avtalen er en viktig del av utviklingen av kollektivtilbudet i regionen, og den gir"
                + " pendlere et nytt tilbud."));
        assertThat(blocks.get(1)).isEqualTo(new Block(BlockType.QUOTE, PRESS_RELEASE_BODY.get(1)));
        assertThat(blocks.get(2)).isEqualTo(new Block(BlockType.HEADING, "Tre avganger hver dag"));
        assertThat(blocks.get(3)).isEqualTo(new Block(BlockType.PARAGRAPH, PRESS_RELEASE_BODY.get(2)));
        assertThat(blocks.get(4)).isEqualTo(new Block(BlockType.PARAGRAPH, PRESS_RELEASE_BODY.get(3)));
        assertThat(blocks.subList(blocks.size() - 2, blocks.size())).containsExactly(
                new Block(BlockType.PARAGRAPH, PRESS_RELEASE_BODY.get(4)), new Block(BlockType.PARAGRAPH, PRESS_RELEASE_BODY.get(5)));
        assertThat(blocks).hasSize(5 + 14 + 1 + 2);
        assertThat(blocks).allSatisfy(block -> assertThat(block.text()).doesNotContain("Pressemelding", "Side ", "Nordland fylkeskommune"));
        assertThat(blocks.subList(5, 5 + 14)).containsExactlyElementsOf(reportParagraphs().subList(0, 14).stream()
                .map(text -> new Block(BlockType.PARAGRAPH, text)).toList());
    }

    /**
     * A word processor's export of an unstyled document: the headline in the body's size but bold, a sender
     * line above it, the date printed under it, bold subheadings; the file's creation date is another day.
     */
    @Test
    void aBoldHeadlineInTheBodySizeIsTheTitleAndThePrintedDateBeatsTheFileDate() throws Exception {
        Path file;
        try (TestPdf pdf = new TestPdf()) {
            pdf.paragraph(pdf.bold, 11, 15, 8, "Vestland fylkeskommune, Samferdsel");
            pdf.paragraph(pdf.bold, 11, 15, 8, "Nattbuss mellom Voss og Bergen fra juni");
            pdf.paragraph(pdf.regular, 11, 15, 8, "Bergen, 14. mai 2024");
            pdf.paragraph(pdf.regular, 11, 15, 8, NIGHT_BUS.get(0));
            pdf.paragraph(pdf.regular, 11, 15, 8, NIGHT_BUS.get(1));
            pdf.paragraph(pdf.bold, 11, 15, 8, "Prøves ut i ett år");
            pdf.paragraph(pdf.regular, 11, 15, 8, NIGHT_BUS.get(2));
            pdf.info(null, null, "nb-NO", 2024, 6, 20);
            file = pdf.save(folder.resolve("nattbuss.pdf"));
        }

        Article article = extractor.extract(file);

        assertThat(article.title()).isEqualTo("Nattbuss mellom Voss og Bergen fra juni");
        assertThat(article.published()).hasToString("2024-05-14");
        assertThat(article.lead()).isEqualTo(NIGHT_BUS.get(0));
        assertThat(article.blocks()).extracting(Block::type, Block::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BlockType.PARAGRAPH, NIGHT_BUS.get(1)),
                org.assertj.core.groups.Tuple.tuple(BlockType.HEADING, "Prøves ut i ett år"),
                org.assertj.core.groups.Tuple.tuple(BlockType.PARAGRAPH, NIGHT_BUS.get(2)));
    }

    private static final List<String> NIGHT_BUS = List.of(
            "Fra 1. juni går det nattbuss fra Bergen sentrum til Voss fredag og lørdag. Bussen går klokka 02.30 fra"
                    + " Festplassen og stopper på alle holdeplassene langs E16, også i Dale, Stanghelle og Evanger.",
            "Ungdomspartiene har bedt om tilbudet i flere år, og fylkestinget har nå satt av fire millioner kroner til en"
                    + " prøveperiode. Billettene koster det samme som på dagtid, og periodekort gjelder.",
            "Tilbudet skal evalueres etter ett år. Blir det brukt, kan det bli utvidet til flere dager i uka og til"
                    + " strekningen videre mot Gol, der kommunen har spurt om å få være med.");

    @Test
    void twoColumnsAreReadLeftColumnFirst() throws Exception {
        List<String> paragraphs = List.of(
                "Kulturhuset i Florø har fått ny scene og et lysanlegg som kan styres fra nettbrett, etter to år med ombygging.",
                "I Måløy ble salen bygget om for å gi plass til rullestoler på alle rader, og garderoben ble flyttet ned i kjelleren.",
                "Førde valgte å satse på akustikk: veggene er kledd med bjørkepanel som demper etterklangen når korpset øver.",
                "Stryn har åpnet en liten kinosal ved siden av biblioteket, der skoleklasser kan se film midt på dagen uten å betale.",
                "Sogndal fikk nytt kjøkken og kafé i foajeen, drevet av elever fra restaurantlinjen på den videregående skolen.",
                "Årdal bygde et øvingsrom for band i det gamle lageret, og kommunen låner ut instrumenter til unge som vil begynne.");
        Path file;
        try (TestPdf pdf = new TestPdf()) {
            pdf.paragraph(pdf.bold, 22, 26, 12, "Seks kulturhus fornyet på ett år");
            pdf.twoColumns(72, TestPdf.WIDTH - 144, 24).margins(72, 500);
            paragraphs.forEach(text -> pdf.paragraph(pdf.serif, 10, 13, 7, text));
            file = pdf.save(folder.resolve("kulturhus.pdf"));
        }
        Article article = extractor.extract(file);

        assertThat(article.title()).isEqualTo("Seks kulturhus fornyet på ett år");
        assertThat(article.lead()).isEqualTo(paragraphs.get(0));
        assertThat(article.blocks()).extracting(Block::text).containsExactlyElementsOf(paragraphs.subList(1, paragraphs.size()));
        assertThat(article.blocks()).extracting(Block::type).containsOnly(BlockType.PARAGRAPH);
    }

    @Test
    void aTwentyPageReportLosesItsRunningHeadersAndPageNumbers() throws Exception {
        Path file = report(folder.resolve("rapport.pdf"));
        Article article = extractor.extract(file);

        assertThat(article.title()).isEqualTo("Årsrapport for havnene i Vestland 2024");
        List<String> expected = new ArrayList<>();
        for (int chapter = 1; chapter <= 20; chapter++) expected.add(chapter + " Havn nummer " + chapter);
        assertThat(headings(article)).containsExactlyElementsOf(expected);
        assertThat(article.blocks()).allSatisfy(block -> assertThat(block.text())
                .doesNotContain("Årsrapport for havnene").doesNotMatch("^[-–\\s\\d]+$"));
        List<String> texts = reportParagraphs();
        assertThat(article.lead()).as("a report opens with its first chapter, not with a lead").isNull();
        assertThat(article.blocks()).filteredOn(block -> block.type() != BlockType.HEADING).extracting(Block::text)
                .containsExactlyElementsOf(texts);
    }

    /** 60 different paragraphs of Norwegian news text (the samples' texts), so that none repeats another. */
    static List<String> reportParagraphs() throws java.io.IOException {
        List<String> texts = new ArrayList<>();
        try (var files = Files.list(Path.of("src/test/resources/sample-texts"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String text = line.strip();
                    if (text.length() > 80 && Character.isUpperCase(text.codePointAt(0)) && text.endsWith(".")) texts.add(text);
                }
            }
        }
        assertThat(texts).hasSizeGreaterThanOrEqualTo(60);
        return texts.subList(0, 60);
    }

    /** 20 pages, one chapter a page, with the report's title as running header and centred page numbers. */
    static Path report(Path file) throws Exception {
        try (TestPdf pdf = new TestPdf()) {
            pdf.paragraph(pdf.bold, 24, 28, 14, "Årsrapport for havnene i Vestland 2024");
            List<String> texts = reportParagraphs();
            for (int chapter = 1; chapter <= 20; chapter++) {
                if (chapter > 1) pdf.newPage();
                pdf.paragraph(pdf.bold, 14, 18, 6, chapter + " Havn nummer " + chapter);
                for (int p = 0; p < 3; p++) {
                    pdf.paragraph(pdf.serif, 11, 14.5f, 7, texts.get((chapter - 1) * 3 + p));
                }
            }
            pdf.runningHeaderAndFooter("Årsrapport for havnene i Vestland 2024", "- %d -");
            pdf.info("Årsrapport 2024", "Vestland fylkeskommune", "nb", 2025, 2, 1);
            return pdf.save(file);
        }
    }

    @Test
    void wordsHyphenatedAtTheLineEndAreJoinedAndCompoundsKeepTheirHyphen() {
        assertThat(joined("en viktig del av utvik-", "lingen av tilbudet")).isEqualTo("en viktig del av utviklingen av tilbudet");
        assertThat(joined("folk i hele Nord-", "Norge og Sverige")).isEqualTo("folk i hele Nord-Norge og Sverige");
        assertThat(joined("forslaget fra EU-", "kommisjonen")).isEqualTo("forslaget fra EU-kommisjonen");
        assertThat(joined("både sjø-", "og landbasert oppdrett")).isEqualTo("både sjø- og landbasert oppdrett");
        assertThat(joined("perioden 2023-", "2024")).isEqualTo("perioden 2023-2024");
        assertThat(joined("det er viktig –", "sier hun")).isEqualTo("det er viktig – sier hun");
    }

    @Test
    void aReadablePdfPrintsNothingOnStandardError() throws Exception {
        Path file;
        try (TestPdf pdf = pressRelease(2)) {
            file = pdf.save(folder.resolve("stille.pdf"));
        }
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            extractor.extract(file);
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private static String joined(String line, String next) {
        StringBuilder text = new StringBuilder(line);
        PdfLayoutReader.join(text, next);
        return text.toString();
    }

    static List<String> headings(Article article) {
        return article.blocks().stream().filter(b -> b.type() == BlockType.HEADING).map(Block::text).toList();
    }

    /** Writes the test PDFs to target/test-pdfs for timing with 'tolk extract' (see README, benchmark). */
    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/test-pdfs"));
        report(out.resolve("rapport-20-sider.pdf"));
        try (TestPdf pdf = pressRelease(14)) {
            pdf.save(out.resolve("hurtigbat.pdf"));
        }
    }
}
