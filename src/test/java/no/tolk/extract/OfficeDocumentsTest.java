package no.tolk.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.extract.ExtractionException.Reason;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Office documents as staff really write them: no styles, no title property, reviewer comments, page headers
 * and footers, tables of contents. Every input is made here (POI, hand-written RTF) or by
 * {@code corpus.OfficeCorpusGenerator} (ODT, Word 97), and every value is asserted exactly.
 */
class OfficeDocumentsTest {

    private static final Path CORPUS = ExtractionCorpusTest.CORPUS;
    private static ArticleExtractor extractor;

    @TempDir
    Path folder;

    @BeforeAll
    static void createExtractor() {
        extractor = new ArticleExtractor(ExtractionLimits.defaults(), new LanguageIdentifier());
    }

    @AfterAll
    static void closeExtractor() {
        extractor.close();
    }

    @Test
    void anUnstyledWordFileTakesItsFirstLineAsTitleAndTheNextParagraphAsLead() throws Exception {
        Path docx = folder.resolve("notat.docx");
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setCreator("Tone Dahl");
            paragraph(doc, "Gamle Stavanger får nye gatelys");
            paragraph(doc, "Kommunen bytter ut 300 gatelys i trehusbyen med lykter som ligner de gamle, men bruker LED.");
            paragraph(doc, "Arbeidet starter i mars og tar om lag tre måneder. Beboerne får beskjed før det graves i deres gate.");
            write(doc, docx);
        }

        Article article = extractor.extract(docx);

        assertThat(article.title()).isEqualTo("Gamle Stavanger får nye gatelys");
        assertThat(article.lead()).isEqualTo("Kommunen bytter ut 300 gatelys i trehusbyen med lykter som ligner de gamle, men bruker LED.");
        assertThat(article.author()).isEqualTo("Tone Dahl");
        assertThat(article.blocks()).extracting(Block::text).containsExactly(
                "Arbeidet starter i mars og tar om lag tre måneder. Beboerne får beskjed før det graves i deres gate.");
    }

    @Test
    void aLabelAndADateLineAboveTheHeadlineAreReadAsSuch() throws Exception {
        Path docx = folder.resolve("pm.docx");
        try (XWPFDocument doc = new XWPFDocument()) {
            paragraph(doc, "PRESSEMELDING");
            paragraph(doc, "Hamar, tirsdag 7. mai 2024");
            paragraph(doc, "Mjøsbyen får egen sykkelvei langs vannet");
            paragraph(doc, "Den nye sykkelveien blir sju kilometer lang og knytter sammen Hamar og Stange sentrum.");
            paragraph(doc, "Statens vegvesen regner med at den står ferdig til skolestart i 2026, og prislappen er 180 millioner kroner.");
            write(doc, docx);
        }

        Article article = extractor.extract(docx);

        assertThat(article.title()).isEqualTo("Mjøsbyen får egen sykkelvei langs vannet");
        assertThat(article.published()).hasToString("2024-05-07");
        assertThat(article.lead()).startsWith("Den nye sykkelveien blir sju kilometer lang");
        assertThat(article.fullText()).doesNotContain("PRESSEMELDING").doesNotContain("tirsdag");
    }

    @Test
    void aShortKickerAboveTheHeadlineIsNotTheTitle() throws Exception {
        Path docx = folder.resolve("stikktittel.docx");
        try (XWPFDocument doc = new XWPFDocument()) {
            paragraph(doc, "Nytt fra Valdres");
            paragraph(doc, "Meieriet på Fagernes blir felles matkjøkken for gründere");
            paragraph(doc, "Et nedlagt meieri på Fagernes skal bli produksjonskjøkken for småskala matprodusenter i hele Valdres.");
            paragraph(doc, "Kommunen kjøper bygget og leier det ut til en stiftelse som driver kjøkkenet fra neste år.");
            write(doc, docx);
        }

        Article article = extractor.extract(docx);

        assertThat(article.title()).isEqualTo("Meieriet på Fagernes blir felles matkjøkken for gründere");
        assertThat(article.lead()).startsWith("Et nedlagt meieri på Fagernes");
        assertThat(article.fullText()).doesNotContain("Nytt fra Valdres");
    }

    @Test
    void reviewerCommentsAndPageHeadersAndFootersOfAWordFileAreNotText() throws Exception {
        Path docx = folder.resolve("kommentert.docx");
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("Bergen kommune – pressemelding");
            doc.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("Side 1 av 1 · ikke for publisering før 12. mars");
            paragraph(doc, "Bergen bygger tre nye barnehager");
            XWPFParagraph lead = paragraph(doc, "Byrådet vil bygge tre nye barnehager i Fyllingsdalen og på Landås innen 2027.");
            XWPFComment comment = doc.createComments().createComment(BigInteger.ONE);
            comment.setAuthor("Redaktør");
            comment.createParagraph().createRun().setText("Er årstallet bekreftet av byrådet?");
            lead.getCTP().addNewCommentRangeEnd().setId(BigInteger.ONE);
            lead.getCTP().addNewR().addNewCommentReference().setId(BigInteger.ONE);
            paragraph(doc, "Til sammen gir det 360 nye plasser, og ventelistene i bydelene skal være borte om tre år.");
            write(doc, docx);
        }

        Article article = extractor.extract(docx);

        assertThat(article.title()).isEqualTo("Bergen bygger tre nye barnehager");
        assertThat(article.blocks()).extracting(Block::text)
                .containsExactly("Til sammen gir det 360 nye plasser, og ventelistene i bydelene skal være borte om tre år.");
        assertThat(article.fullText()).doesNotContain("bekreftet").doesNotContain("Side 1").doesNotContain("Bergen kommune –");
    }

    @Test
    void aWord97FileWithoutStylesLosesItsCommentHeaderAndFooter() throws Exception {
        Article article = extractor.extract(CORPUS.resolve("word-97/brannstasjon-levanger.doc"));

        assertThat(article.title()).isEqualTo("Ny brannstasjon i Levanger tas i bruk i juni");
        assertThat(article.published()).hasToString("2024-04-22");
        assertThat(article.fullText()).doesNotContain("Brannsjefen").doesNotContain("Jeg har regnet med tre")
                .doesNotContain("Levanger kommune\n").doesNotContain("fri til publisering").doesNotContain("\uFFFD");
        assertThat(article.blocks()).filteredOn(block -> block.type() == BlockType.HEADING).extracting(Block::text)
                .containsExactly("Åpen dag for publikum");
    }

    @Test
    void openDocumentAnnotationsHeadersFootersAndContentsAreNotText() throws Exception {
        Article article = extractor.extract(CORPUS.resolve("odt/bibliotek-odda.odt"));

        assertThat(article.title()).isEqualTo("Ullensvang kommune opnar nytt bibliotek i Odda");
        assertThat(article.blocks()).extracting(Block::type, Block::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BlockType.HEADING, "Eit hus for alle"),
                org.assertj.core.groups.Tuple.tuple(BlockType.PARAGRAPH, "Biblioteket får eige rom for ungdom, ein scene for konsertar og opne kontorplassar som alle kan bruke gratis."),
                org.assertj.core.groups.Tuple.tuple(BlockType.HEADING, "Opningsveka"),
                org.assertj.core.groups.Tuple.tuple(BlockType.PARAGRAPH, "Heile opningsveka blir det forfattarbesøk, konsertar og eventyrstunder for dei minste."));
        assertThat(article.fullText()).doesNotContain("Legg inn programmet").doesNotContain("Kultur og folkehelse")
                .doesNotContain("Innhald");
    }

    @Test
    void rtfAnnotationsHeadersAndFootersAreNotText() throws Exception {
        Path rtf = Files.writeString(folder.resolve("bibliotek.rtf"), "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\n"
                + "{\\header\\pard Bod\\'f8 kommune pressemelding\\par}{\\footer\\pard Side {\\field{\\*\\fldinst PAGE}{\\fldrslt 1}}\\par}\n"
                + "\\pard Nytt bibliotek \\'e5pner i Bod\\'f8\\par\n"
                + "\\pard Kommunen \\'e5pner det nye biblioteket i mai, og det blir \\'e5pent hver dag fra klokka \\'e5tte."
                + "{\\*\\atnid KN}{\\*\\atnauthor Kari N}\\chatn{\\*\\annotation\\pard Sjekk datoen med kulturetaten}\\par\n"
                + "\\pard Biblioteket f\\'e5r 4000 kvadratmeter og plass til 200 studenter p\\'e5 lesesalen.\\par}", StandardCharsets.US_ASCII);

        Article article = extractor.extract(rtf);

        assertThat(article.title()).isEqualTo("Nytt bibliotek åpner i Bodø");
        assertThat(article.lead()).isEqualTo("Kommunen åpner det nye biblioteket i mai, og det blir åpent hver dag fra klokka åtte.");
        assertThat(article.blocks()).extracting(Block::text)
                .containsExactly("Biblioteket får 4000 kvadratmeter og plass til 200 studenter på lesesalen.");
    }

    @Test
    void aWordTableOfContentsIsNeitherTitleNorListBlocks() throws Exception {
        Article article = extractor.extract(CORPUS.resolve("word-report/farleder-midt-norge.docx"));

        assertThat(article.title()).isEqualTo("Sikrere farleder langs kysten av Midt-Norge");
        assertThat(article.blocks()).noneMatch(block -> block.type() == BlockType.LIST);
        assertThat(article.blocks()).filteredOn(block -> block.type() == BlockType.HEADING).extracting(Block::text)
                .containsExactly("Sammendrag", "Nye fyrlykter og merker", "Utdyping av farleden ved Stadt");
        assertThat(article.fullText()).doesNotContain("Innholdsfortegnelse").doesNotContain("Årsrapport 2023");
    }

    @Test
    void aHandTypedTableOfContentsIsDropped() throws Exception {
        Path docx = folder.resolve("rapport.docx");
        try (XWPFDocument doc = new XWPFDocument()) {
            paragraph(doc, "Innholdsfortegnelse");
            paragraph(doc, "Bakgrunn ........ 2");
            paragraph(doc, "Resultater ........ 4");
            paragraph(doc, "Rapport om sjøfugl på Røst 2023");
            paragraph(doc, "Tellingene viser at lundebestanden på Røst gikk ned med 8 prosent fra året før, mens krykkja holdt seg stabil.");
            paragraph(doc, "Forskerne peker på mindre mat i havet rundt Lofoten som den viktigste forklaringen.");
            write(doc, docx);
        }

        Article article = extractor.extract(docx);

        assertThat(article.title()).isEqualTo("Rapport om sjøfugl på Røst 2023");
        assertThat(article.fullText()).doesNotContain("Innholdsfortegnelse").doesNotContain("........");
    }

    @Test
    void aShortNoteIsRefusedForBeingShortWithItsWordCount() throws Exception {
        Path docx = folder.resolve("kort.docx");
        try (XWPFDocument doc = new XWPFDocument()) {
            paragraph(doc, "Møte i morgen");
            paragraph(doc, "Husk styremøtet klokka ti i det store møterommet.");
            write(doc, docx);
        }

        assertThatThrownBy(() -> extractor.extract(docx))
                .isInstanceOfSatisfying(ExtractionException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(Reason.TOO_SHORT);
                    assertThat(failure.getMessage()).isEqualTo("too short to be an article: 11 words");
                });
    }

    @Test
    void aDocumentWithOnlyOneLongParagraphGetsItsFirstSentenceAsTitle() throws Exception {
        Path docx = folder.resolve("ett-avsnitt.docx");
        try (XWPFDocument doc = new XWPFDocument()) {
            paragraph(doc, "Sauda får ny ungdomsskole. Kommunestyret vedtok torsdag å bygge en ny skole for 250 elever ved siden av "
                    + "idrettshallen, og skolen skal stå klar til skolestart i 2027.");
            write(doc, docx);
        }

        Article article = extractor.extract(docx);

        assertThat(article.title()).isEqualTo("Sauda får ny ungdomsskole");
        assertThat(article.lead()).startsWith("Kommunestyret vedtok torsdag");
    }

    @Test
    void shortUnstyledLinesBetweenParagraphsAreSubheadings() throws Exception {
        Path docx = folder.resolve("havn.docx");
        try (XWPFDocument doc = new XWPFDocument()) {
            paragraph(doc, "Ny fiskerihavn skal stå klar i Båtsfjord i 2026");
            paragraph(doc, "Kystverket starter i august utdypingen av havna, slik at større fiskebåter kan legge til hele året.");
            paragraph(doc, "Havna har i dag bare plass til båter under 40 meter. Flere rederier har derfor levert fangsten i Vardø.");
            paragraph(doc, "Mer plass");
            paragraph(doc, "Det skal sprenges ut 200 000 kubikkmeter stein, og molo og kai forlenges med 150 meter mot nord.");
            paragraph(doc, "Arbeid om vinteren");
            paragraph(doc, "Sprengningen gjøres om vinteren, når det er minst trafikk i havna og fiskebåtene ligger lenger ute.");
            paragraph(doc, "Kari Nordmann");
            write(doc, docx);
        }

        Article article = extractor.extract(docx);

        assertThat(article.title()).isEqualTo("Ny fiskerihavn skal stå klar i Båtsfjord i 2026");
        assertThat(article.lead()).isEqualTo("Kystverket starter i august utdypingen av havna, slik at større fiskebåter kan legge til hele året.");
        assertThat(article.blocks()).extracting(Block::type, Block::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BlockType.PARAGRAPH, "Havna har i dag bare plass til båter under 40 meter. Flere rederier har derfor levert fangsten i Vardø."),
                org.assertj.core.groups.Tuple.tuple(BlockType.HEADING, "Mer plass"),
                org.assertj.core.groups.Tuple.tuple(BlockType.PARAGRAPH, "Det skal sprenges ut 200 000 kubikkmeter stein, og molo og kai forlenges med 150 meter mot nord."),
                org.assertj.core.groups.Tuple.tuple(BlockType.HEADING, "Arbeid om vinteren"),
                org.assertj.core.groups.Tuple.tuple(BlockType.PARAGRAPH, "Sprengningen gjøres om vinteren, når det er minst trafikk i havna og fiskebåtene ligger lenger ute."),
                org.assertj.core.groups.Tuple.tuple(BlockType.PARAGRAPH, "Kari Nordmann"));
    }

    @Test
    void theAccountThatCreatedTheFileIsNoAuthorAndABylineInTheTextWins() throws Exception {
        for (String account : new String[] {"Microsoft Office User", "Kari", "Windows-bruker", "kari.nordmann", "Administrator", "Bruker"}) {
            Path docx = folder.resolve("konto.docx");
            try (XWPFDocument doc = new XWPFDocument()) {
                doc.getProperties().getCoreProperties().setCreator(account);
                paragraph(doc, "Gamle Stavanger får nye gatelys");
                paragraph(doc, "Kommunen bytter ut 300 gatelys i trehusbyen med lykter som ligner de gamle, men bruker LED.");
                paragraph(doc, "Arbeidet starter i mars og tar om lag tre måneder. Beboerne får beskjed før det graves i deres gate.");
                write(doc, docx);
            }
            assertThat(extractor.extract(docx).author()).as(account).isNull();
        }
        Path docx = folder.resolve("byline.docx");
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setCreator("Tone Dahl");
            paragraph(doc, "Gamle Stavanger får nye gatelys");
            paragraph(doc, "Av Per Olsen");
            paragraph(doc, "Kommunen bytter ut 300 gatelys i trehusbyen med lykter som ligner de gamle, men bruker LED.");
            paragraph(doc, "Arbeidet starter i mars og tar om lag tre måneder. Beboerne får beskjed før det graves i deres gate.");
            write(doc, docx);
        }
        assertThat(extractor.extract(docx).author()).isEqualTo("Per Olsen");
    }

    @Test
    void aDatePrintedInTheTextBeatsTheFileDates() throws Exception {
        Path docx = folder.resolve("datert.docx");
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setCreated(java.util.Optional.of(new java.util.Date(1_700_000_000_000L))); // 2023-11-14
            paragraph(doc, "Gamle Stavanger får nye gatelys");
            paragraph(doc, "Publisert 3. mars 2024 | Sist endret 5. mars 2024");
            paragraph(doc, "Kommunen bytter ut 300 gatelys i trehusbyen med lykter som ligner de gamle, men bruker LED.");
            paragraph(doc, "Arbeidet starter i mars og tar om lag tre måneder. Beboerne får beskjed før det graves i deres gate.");
            write(doc, docx);
        }
        Article article = extractor.extract(docx);
        assertThat(article.published()).hasToString("2024-03-03");
        assertThat(article.revised()).hasToString("2024-03-05");
        assertThat(article.lead()).isEqualTo("Kommunen bytter ut 300 gatelys i trehusbyen med lykter som ligner de gamle, men bruker LED.");
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String text) {
        XWPFParagraph paragraph = doc.createParagraph();
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        return paragraph;
    }

    private static void write(XWPFDocument doc, Path target) throws Exception {
        try (OutputStream out = Files.newOutputStream(target)) {
            doc.write(out);
        }
    }
}
