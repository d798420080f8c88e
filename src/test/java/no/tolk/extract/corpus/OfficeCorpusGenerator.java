package no.tolk.extract.corpus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import no.tolk.article.ArticleJson;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFComments;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHyperlink;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtBlock;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtContentBlock;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtDocPart;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Writes the office-document part of the labelled extraction corpus ({@code src/test/resources/corpus/}):
 * Word files as staff write them (no styles, headline on the first line, reviewer comments, page headers and
 * footers), styled Word files, reports with a table of contents, OpenDocument and RTF files, Markdown with
 * full front matter and a legacy Word 97 file. Each document gets a {@code .expected.json} with the facts a
 * person reads off it, written here by hand next to the text (never taken from Tolk's output). All texts
 * are invented Norwegian press releases; people and details are made up.
 *
 * <pre>
 * mvn -o -q test-compile
 * java -cp "target/test-classes:target/classes:$(cat cp.txt)" no.tolk.extract.corpus.OfficeCorpusGenerator src/test/resources/corpus
 * </pre>
 * The Word 97 file needs LibreOffice ({@code soffice}) on the PATH; without it that step is skipped and an
 * existing file is kept.
 */
public final class OfficeCorpusGenerator {

    private final Path corpus;

    private OfficeCorpusGenerator(Path corpus) {
        this.corpus = corpus;
    }

    public static void main(String[] args) throws Exception {
        OfficeCorpusGenerator generator = new OfficeCorpusGenerator(Path.of(args.length > 0 ? args[0] : "src/test/resources/corpus"));
        generator.wordUnstyled();
        generator.wordStyled();
        generator.wordReports();
        generator.openDocuments();
        generator.rtf();
        generator.markdown();
        generator.word97();
    }

    // ------------------------------------------------------------------ Word, no styles at all

    private void wordUnstyled() throws Exception {
        try (XWPFDocument doc = new XWPFDocument()) {
            properties(doc, "Silje Mathisen", "2024-03-14T08:12:00Z");
            header(doc, "Rana Utvikling AS");
            footer(doc, "Side 1 av 1 · Kontakt: post@ranautvikling.no");
            plain(doc, "Mo i Rana, 14. mars 2024");
            plain(doc, "Ny fabrikk skal gjenvinne batterier i Mo i Rana");
            XWPFParagraph lead = plain(doc, "Et nytt selskap vil hente litium, nikkel og kobolt ut av brukte bilbatterier. "
                    + "Fabrikken på Mo industripark skal stå klar høsten 2026.");
            comment(doc, lead, 1, "Per Olsen", "Stemmer årstallet? Sjekk med selskapet.");
            plain(doc, "Selskapet Nordbatt har fått tomt ved siden av smelteverket og søker nå om konsesjon. "
                    + "Investeringen er anslått til 1,2 milliarder kroner.");
            bold(doc, "Hundre nye arbeidsplasser");
            plain(doc, "Fabrikken skal gi rundt hundre faste arbeidsplasser når den er i full drift, "
                    + "de fleste for fagarbeidere med kjemi- og prosessfag.");
            plain(doc, "– Dette er nøyaktig den typen industri vi har ventet på, sier ordfører Geir Waage.");
            plain(doc, "Kommunen har lovet å bygge ut vei og strøm til tomten innen utgangen av 2025.");
            write(doc, "word-unstyled/batterifabrikk-mo.docx");
        }
        expect("word-unstyled/batterifabrikk-mo.docx", "Ny fabrikk skal gjenvinne batterier i Mo i Rana", "2024-03-14",
                "Silje Mathisen", "Et nytt selskap vil hente litium", List.of("Hundre nye arbeidsplasser"));

        try (XWPFDocument doc = new XWPFDocument()) {
            properties(doc, "Jonas Berg", "2023-11-01T13:40:00Z");
            plain(doc, "PRESSEMELDING");
            plain(doc, "Tromsø, 2. november 2023");
            plain(doc, "Nordlysprisen går til sangeren Mari Boine-Persen");
            plain(doc, "Årets kulturpris fra Tromsø kommune går til en artist som har sunget på samisk og norsk i over tretti år.");
            plain(doc, "Prisen er på 100 000 kroner og deles ut under Nordlysfestivalen i januar. Juryen trekker fram "
                    + "at prisvinneren har åpnet scenen for mange yngre artister fra Nord-Norge.");
            XWPFParagraph p = plain(doc, "– Jeg er rørt og takknemlig. Prisen deler jeg med alle som har stått på scenen sammen med meg, "
                    + "sier prisvinneren.");
            comment(doc, p, 7, "Anne Kulturkontoret", "Sitatet er godkjent på telefon");
            plain(doc, "Tidligere vinnere er blant andre forfatteren Ola Dahl og dansekompaniet Nordscene.");
            write(doc, "word-unstyled/kulturpris-tromso.docx");
        }
        expect("word-unstyled/kulturpris-tromso.docx", "Nordlysprisen går til sangeren Mari Boine-Persen", "2023-11-02",
                "Jonas Berg", "Årets kulturpris fra Tromsø kommune", List.of());

        try (XWPFDocument doc = new XWPFDocument()) {
            properties(doc, "Hilde Sørensen", "2024-01-09T10:05:00Z");
            footer(doc, "Helse Nord-Trøndelag HF – Kommunikasjonsavdelingen");
            XWPFParagraph title = doc.createParagraph();
            XWPFRun run = title.createRun();
            run.setBold(true);
            run.setFontSize(16);
            run.setText("Pasienter og besøkende ved sykehuset i Levanger får gratis parkering de første to timene fra februar");
            plain(doc, "Fra 1. februar blir de to første timene gratis for alle som parkerer ved sykehuset. "
                    + "Ordningen gjelder både pasienter, pårørende og besøkende.");
            XWPFParagraph p = plain(doc, "Helseforetaket har fått mange klager på høye parkeringsavgifter, særlig fra pasienter "
                    + "som må til behandling flere ganger i uka.");
            comment(doc, p, 3, "Kommunikasjon", "Skal vi nevne tallet på klager?");
            comment(doc, p, 4, "Juridisk", "Nei, ikke før styret har behandlet saken.");
            bold(doc, "Slik fungerer ordningen");
            plain(doc, "Du trekker billett ved innkjøringen som før. Betaler du innen to timer, åpner bommen uten kostnad. "
                    + "Etter to timer gjelder vanlig takst.");
            bold(doc, "Ansatte omfattes ikke");
            plain(doc, "Ansatte har egen parkeringsavtale og omfattes ikke av den nye ordningen, opplyser foretaket.");
            write(doc, "word-unstyled/parkering-sykehus.docx");
        }
        expect("word-unstyled/parkering-sykehus.docx",
                "Pasienter og besøkende ved sykehuset i Levanger får gratis parkering de første to timene fra februar",
                "2024-01-09", "Hilde Sørensen", "Fra 1. februar blir de to første timene gratis",
                List.of("Slik fungerer ordningen", "Ansatte omfattes ikke"));
    }

    // ------------------------------------------------------------------ Word with styles

    private void wordStyled() throws Exception {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFStyles styles = doc.createStyles();
            style(styles, "Title", "Title");
            style(styles, "Heading1", "heading 1");
            properties(doc, "Eirik Lund", "2024-06-03T07:30:00Z");
            header(doc, "Kristiansund og Nordmøre Havn IKS");
            footer(doc, "Pressemelding · side 1");
            styled(doc, "Title", "Havna i Kristiansund blir dobbelt så stor");
            plain(doc, "Vestbase-kaia forlenges med 240 meter, og det blir plass til to forsyningsskip til samtidig.");
            XWPFParagraph p = plain(doc, "Havnestyret vedtok utvidelsen enstemmig mandag. Arbeidet starter i september "
                    + "og skal være ferdig sommeren 2026.");
            comment(doc, p, 2, "Styresekretær", "Vedtaket er ikke protokollert ennå");
            styled(doc, "Heading1", "Mer trafikk til Norskehavet");
            plain(doc, "Flere nye felt i Norskehavet skal forsynes fra Kristiansund de neste årene. "
                    + "Havna regner med at anløpene øker med 40 prosent.");
            styled(doc, "Heading1", "Landstrøm til alle skip");
            plain(doc, "Den nye kaia får landstrøm fra første dag, slik at skipene kan slå av motorene mens de ligger inne.");
            write(doc, "word-styled/havn-kristiansund.docx");
        }
        expect("word-styled/havn-kristiansund.docx", "Havna i Kristiansund blir dobbelt så stor", "2024-06-03", "Eirik Lund",
                "Vestbase-kaia forlenges med 240 meter", List.of("Mer trafikk til Norskehavet", "Landstrøm til alle skip"));

        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFStyles styles = doc.createStyles();
            style(styles, "Heading1", "heading 1");
            style(styles, "Heading2", "heading 2");
            properties(doc, "Ragnhild Aas", "2023-08-21T11:00:00Z");
            doc.getProperties().getCoreProperties().setTitle("Skoleskyss høsten 2023");
            plain(doc, "Gjøvik, 21. august 2023");
            styled(doc, "Heading1", "Skoleskyss høsten 2023");
            plain(doc, "Rundt 9000 elever i Innlandet får skoleskyss når skolen starter igjen. Rutene er lagt om flere steder.");
            styled(doc, "Heading2", "Nye ruter i Valdres");
            plain(doc, "I Valdres går to nye bussruter mellom Fagernes og Bagn, og elevene får kortere ventetid om morgenen.");
            styled(doc, "Heading2", "Husk gyldig skolekort");
            plain(doc, "Elever som har fått nytt skolekort må ha det med fra første skoledag. Kortet sendes hjem i posten.");
            write(doc, "word-styled/skoleskyss-innlandet.docx");
        }
        expect("word-styled/skoleskyss-innlandet.docx", "Skoleskyss høsten 2023", "2023-08-21", "Ragnhild Aas",
                "Rundt 9000 elever i Innlandet", List.of("Nye ruter i Valdres", "Husk gyldig skolekort"));
    }

    // ------------------------------------------------------------------ reports with a table of contents

    private void wordReports() throws Exception {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFStyles styles = doc.createStyles();
            style(styles, "TOCHeading", "TOC Heading");
            style(styles, "TOC1", "toc 1");
            style(styles, "Heading1", "heading 1");
            properties(doc, "Kystverket Midt-Norge", "2024-02-20T09:00:00Z");
            header(doc, "Årsrapport 2023");
            footer(doc, "Kystverket Midt-Norge · side 2");
            XWPFParagraph title = doc.createParagraph();
            XWPFRun run = title.createRun();
            run.setFontSize(20);
            run.setText("Sikrere farleder langs kysten av Midt-Norge");
            plain(doc, "Ålesund, 20. februar 2024");
            CTSdtBlock sdt = doc.getDocument().getBody().addNewSdt();
            CTSdtDocPart part = sdt.addNewSdtPr().addNewDocPartObj();
            part.addNewDocPartGallery().setVal("Table of Contents");
            part.addNewDocPartUnique();
            CTSdtContentBlock toc = sdt.addNewSdtContent();
            CTP head = toc.addNewP();
            head.addNewPPr().addNewPStyle().setVal("TOCHeading");
            head.addNewR().addNewT().setStringValue("Innholdsfortegnelse");
            tocEntry(toc, "Sammendrag", "_Toc1", "2");
            tocEntry(toc, "Nye fyrlykter og merker", "_Toc2", "3");
            tocEntry(toc, "Utdyping av farleden ved Stadt", "_Toc3", "5");
            plain(doc, "Kystverket merket i fjor 140 nye grunner og skiftet ut 60 fyrlykter med LED-lys. "
                    + "Antallet grunnstøtinger i regionen gikk ned for tredje år på rad.");
            styled(doc, "Heading1", "Sammendrag");
            plain(doc, "Det ble registrert 11 grunnstøtinger i 2023, mot 17 året før. De fleste skjedde med fritidsbåter om sommeren.");
            styled(doc, "Heading1", "Nye fyrlykter og merker");
            plain(doc, "Utskiftingen av gamle lykter sparer strøm og gir lys som synes lenger ute på havet.");
            styled(doc, "Heading1", "Utdyping av farleden ved Stadt");
            plain(doc, "Farleden utenfor Stadt ble mudret til 14 meters dybde, slik at større skip kan gå innenskjærs i dårlig vær.");
            write(doc, "word-report/farleder-midt-norge.docx");
        }
        expect("word-report/farleder-midt-norge.docx", "Sikrere farleder langs kysten av Midt-Norge", "2024-02-20",
                "Kystverket Midt-Norge", "Kystverket merket i fjor 140 nye grunner",
                List.of("Sammendrag", "Nye fyrlykter og merker", "Utdyping av farleden ved Stadt"));

        try (XWPFDocument doc = new XWPFDocument()) {
            properties(doc, "Lars Haugen", "2023-12-12T14:00:00Z");
            plain(doc, "Tilskudd til grønn omstilling i landbruket 2023");
            plain(doc, "Innholdsfortegnelse");
            plain(doc, "Sammendrag\t2");
            plain(doc, "Hvem fikk støtte\t3");
            plain(doc, "Veien videre\t5");
            plain(doc, "Statsforvalteren delte i år ut 24 millioner kroner til 310 gårdsbruk som vil kutte utslipp og energibruk.");
            bold(doc, "Sammendrag");
            plain(doc, "Flest søknader kom fra melkebruk som vil bytte til varmepumper og solceller på fjøstaket.");
            bold(doc, "Hvem fikk støtte");
            plain(doc, "Nesten halvparten av pengene gikk til bruk i Trøndelag og på Jæren, der husdyrholdet er størst.");
            bold(doc, "Veien videre");
            plain(doc, "Ordningen videreføres i 2024 med samme ramme, men med søknadsfrist allerede 1. mars.");
            write(doc, "word-report/tilskudd-landbruk.docx");
        }
        expect("word-report/tilskudd-landbruk.docx", "Tilskudd til grønn omstilling i landbruket 2023", "2023-12-12",
                "Lars Haugen", "Statsforvalteren delte i år ut 24 millioner kroner",
                List.of("Sammendrag", "Hvem fikk støtte", "Veien videre"));
    }

    // ------------------------------------------------------------------ OpenDocument

    private void openDocuments() throws Exception {
        String body = """
                <text:p text:style-name="P1">Ferjebillettene mellom Hitra og Frøya blir 30 prosent billigere</text:p>
                <text:p text:style-name="Standard">Steinkjer, 5. desember 2023</text:p>
                <text:p text:style-name="Standard">Fra 1. januar går prisene ned på alle ferjesamband i fylket. Fylkestinget har satt av 40 millioner kroner til lavere takster.<office:annotation><dc:creator>Ola Saksbehandler</dc:creator><dc:date>2023-12-04T10:00:00</dc:date><text:p>Prosenten må sjekkes med økonomi før utsending</text:p></office:annotation></text:p>
                <text:p text:style-name="Standard">Rabatten gjelder både enkeltbilletter og periodekort, og kommer i tillegg til dagens rabatt for pendlere.</text:p>
                <text:h text:outline-level="1">Flere avganger om kvelden</text:h>
                <text:p text:style-name="Standard">Sambandet får også to nye avganger om kvelden på fredager og søndager, etter ønske fra næringslivet på øyene.</text:p>
                """;
        writeOdt("odt/ferjebilletter-hitra.odt", "Kari Nordmann", "2023-12-05T08:00:00",
                "Trøndelag fylkeskommune – pressemelding", "Side 1", "", body);
        expect("odt/ferjebilletter-hitra.odt", "Ferjebillettene mellom Hitra og Frøya blir 30 prosent billigere", "2023-12-05",
                "Kari Nordmann", "Fra 1. januar går prisene ned", List.of("Flere avganger om kvelden"));

        String report = """
                <text:p text:style-name="Standard">Ullensvang kommune opnar nytt bibliotek i Odda</text:p>
                <text:table-of-content text:name="Innhaldsliste1"><text:table-of-content-source text:outline-level="2"><text:index-title-template>Innhald</text:index-title-template></text:table-of-content-source><text:index-body><text:index-title text:name="Innhaldsliste1_Head"><text:p text:style-name="Contents_20_Heading">Innhald</text:p></text:index-title><text:p text:style-name="Contents_20_1">Eit hus for alle<text:tab/>1</text:p><text:p text:style-name="Contents_20_1">Opningsveka<text:tab/>2</text:p></text:index-body></text:table-of-content>
                <text:p text:style-name="Standard">Det nye biblioteket i sentrum av Odda opnar dørene 15. april. Bygget har kosta 85 millionar kroner og er dobbelt så stort som det gamle.</text:p>
                <text:h text:outline-level="1">Eit hus for alle</text:h>
                <text:p text:style-name="Standard">Biblioteket får eige rom for ungdom, ein scene for konsertar og opne kontorplassar som alle kan bruke gratis.</text:p>
                <text:h text:outline-level="1">Opningsveka</text:h>
                <text:p text:style-name="Standard">Heile opningsveka blir det forfattarbesøk, konsertar og eventyrstunder for dei minste.<office:annotation><dc:creator>Redaktør</dc:creator><text:p>Legg inn programmet som lenke</text:p></office:annotation></text:p>
                """;
        writeOdt("odt/bibliotek-odda.odt", "Torunn Vik", "2024-03-18T12:00:00",
                "Ullensvang kommune", "Kultur og folkehelse", "nn-NO", report);
        expect("odt/bibliotek-odda.odt", "Ullensvang kommune opnar nytt bibliotek i Odda", "2024-03-18", "Torunn Vik",
                "Det nye biblioteket i sentrum av Odda", List.of("Eit hus for alle", "Opningsveka"), "nn");
    }

    private void writeOdt(String name, String creator, String created, String header, String footer, String language,
                          String body) throws IOException {
        String content = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">
                <office:automatic-styles><style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style></office:automatic-styles>
                <office:body><office:text>
                %s</office:text></office:body></office:document-content>
                """.formatted(body);
        String styles = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
                <office:styles><style:style style:name="Standard" style:family="paragraph"/></office:styles>
                <office:master-styles><style:master-page style:name="Standard"><style:header><text:p text:style-name="Header">%s</text:p></style:header><style:footer><text:p text:style-name="Footer">%s <text:page-number>1</text:page-number></text:p></style:footer></style:master-page></office:master-styles>
                </office:document-styles>
                """.formatted(header, footer);
        String meta = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta><meta:initial-creator>%s</meta:initial-creator><meta:creation-date>%s</meta:creation-date>%s</office:meta></office:document-meta>
                """.formatted(creator, created, language.isEmpty() ? "" : "<dc:language>" + language + "</dc:language>");
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
                 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
                 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>
                """;
        Path target = corpus.resolve(name);
        Files.createDirectories(target.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            first.setTime(0);
            zip.putNextEntry(first);
            zip.write(mimetype);
            for (String[] entry : new String[][] {{"META-INF/manifest.xml", manifest}, {"content.xml", content},
                    {"styles.xml", styles}, {"meta.xml", meta}}) {
                ZipEntry zipEntry = new ZipEntry(entry[0]);
                zipEntry.setTime(0);
                zip.putNextEntry(zipEntry);
                zip.write(entry[1].strip().getBytes(StandardCharsets.UTF_8));
            }
        }
        System.out.println("wrote " + name);
    }

    // ------------------------------------------------------------------ RTF

    private void rtf() throws IOException {
        writeRtf("rtf/bibliotek-bodo.rtf", "Kari Nilsen", "\\yr2024\\mo4\\dy3", String.join("\n",
                "{\\header\\pard\\plain\\f0\\fs18 Bod\\'f8 kommune \\'b7 pressemelding\\par}",
                "{\\footer\\pard\\plain\\f0\\fs18 Side 1\\par}",
                "\\pard\\plain\\f0\\fs24 " + rtfText("Nytt hovedbibliotek åpner i Bodø i mai") + "\\par",
                "\\pard\\plain\\f0\\fs24 " + rtfText("Stormen bibliotek får en ny avdeling for barn og unge, og åpningstidene utvides til klokka 22 alle hverdager.")
                        + "{\\*\\atnid KN}{\\*\\atnauthor Kari Nilsen}\\chatn{\\*\\annotation\\pard\\plain " + rtfText("Sjekk datoen med kulturetaten") + "}\\par",
                "\\pard\\plain\\f0\\fs24 " + rtfText("Biblioteket har hatt rekordmange besøkende det siste året, og kommunen vil gjøre plass til flere studieplasser.") + "\\par",
                "\\pard\\plain\\f0\\fs24 " + rtfText("– Biblioteket er byens storstue, sier kultursjef Anne Lise Bakke.") + "\\par",
                "\\pard\\plain\\b\\f0\\fs24 " + rtfText("Gratis arrangementer hele uka") + "\\par",
                "\\pard\\plain\\f0\\fs24 " + rtfText("Åpningsuka byr på forfatterbesøk, spillkvelder og eventyrstund for de minste.") + "\\par"));
        expect("rtf/bibliotek-bodo.rtf", "Nytt hovedbibliotek åpner i Bodø i mai", "2024-04-03", "Kari Nilsen",
                "Stormen bibliotek får en ny avdeling", List.of("Gratis arrangementer hele uka"));

        writeRtf("rtf/vannverk-alta.rtf", "Per Johansen", "\\yr2023\\mo9\\dy27", String.join("\n",
                "\\pard\\plain\\f0\\fs20 PRESSEMELDING\\par",
                "\\pard\\plain\\f0\\fs20 " + rtfText("Alta, 28. september 2023") + "\\par",
                "\\pard\\plain\\b\\f0\\fs32 " + rtfText("Alta får nytt vannverk til 300 millioner kroner") + "\\par",
                "\\pard\\plain\\f0\\fs24 " + rtfText("Kommunestyret har vedtatt å bygge et nytt vannverk ved Kvenvikmoen. Det skal sikre rent drikkevann til 21 000 innbyggere.") + "\\par",
                "\\pard\\plain\\f0\\fs24 " + rtfText("Dagens anlegg er fra 1970-tallet og har hatt flere driftsstans de siste årene.") + "\\par",
                "\\pard\\plain\\b\\f0\\fs24 " + rtfText("Byggestart neste vår") + "\\par",
                "\\pard\\plain\\f0\\fs24 " + rtfText("Anbudet lyses ut i desember, og arbeidet skal etter planen begynne i april 2024.") + "\\par"));
        expect("rtf/vannverk-alta.rtf", "Alta får nytt vannverk til 300 millioner kroner", "2023-09-28", "Per Johansen",
                "Kommunestyret har vedtatt å bygge et nytt vannverk", List.of("Byggestart neste vår"));
    }

    private void writeRtf(String name, String author, String created, String body) throws IOException {
        String rtf = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n"
                + "{\\info{\\author " + rtfText(author) + "}{\\creatim" + created + "\\hr9\\min0}}\n" + body + "\n}";
        Path target = corpus.resolve(name);
        Files.createDirectories(target.getParent());
        Files.writeString(target, rtf, StandardCharsets.US_ASCII);
        System.out.println("wrote " + name);
    }

    /** Text as RTF: Windows-1252 escapes for everything outside ASCII, as Word writes it. */
    private static String rtfText(String text) {
        StringBuilder out = new StringBuilder();
        Charset cp1252 = Charset.forName("windows-1252");
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '{' || c == '}') out.append('\\').append(c);
            else if (c < 128) out.append(c);
            else out.append(String.format("\\'%02x", cp1252.encode(String.valueOf(c)).get() & 0xff));
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ Markdown

    private void markdown() throws IOException {
        markdownFile("markdown/flyplass-lakselv.md", """
                ---
                title: "Lakselv lufthavn får direkterute til Oslo hele året"
                ingress: >-
                  Fra 1. juni flyr Widerøe daglig mellom Lakselv og Oslo, også om vinteren.
                  Reiselivet i Porsanger har ventet på ruten i mange år.
                author:
                  - Sara Eira
                  - Mikkel Hætta
                pubDate: "13. mai 2024"
                tags: [luftfart, Finnmark]
                ---

                ### Endelig helårsrute

                <script>var tracking = "ikke tekst";</script>
                Ruten har til nå bare gått om sommeren. <font color="red">Nå blir den fast</font>, med avgang fra Lakselv klokka 07.10.

                <style>.ingress { color: red; }</style>

                ## Viktig for reiselivet

                Hotellene i Porsanger regner med flere utenlandske turister på vinterstid, særlig til nordlysturer.

                > – Dette har vi kjempet for lenge, sier ordfører Aina Borch.
                """);
        expect("markdown/flyplass-lakselv.md", "Lakselv lufthavn får direkterute til Oslo hele året", "2024-05-13",
                "Sara Eira og Mikkel Hætta", "Fra 1. juni flyr Widerøe daglig", List.of("Endelig helårsrute", "Viktig for reiselivet"));

        markdownFile("markdown/naeringshage-vefsn.md", """
                ---
                Title: Næringshagen i Mosjøen samler 30 gründere under ett tak
                description: Den nye næringshagen i Mosjøen åpnet fredag med 30 bedrifter på plass.
                authors:
                  - name: Ingrid Olsen
                date: 2024-05-10T09:15:00+02:00
                lastmod: 2024-05-12
                ---

                # Næringshagen i Mosjøen samler 30 gründere under ett tak

                Den nye næringshagen i Mosjøen åpnet fredag med 30 bedrifter på plass.

                Bedriftene deler resepsjon, møterom og verksted i det gamle meieriet midt i byen.

                ## Plass til flere

                Det er fortsatt ledige kontorer, og næringshagen tar imot søknader fra nye gründere hele året.
                """);
        expect("markdown/naeringshage-vefsn.md", "Næringshagen i Mosjøen samler 30 gründere under ett tak", "2024-05-10",
                "Ingrid Olsen", "Den nye næringshagen i Mosjøen åpnet fredag", List.of("Plass til flere"));
    }

    private void markdownFile(String name, String text) throws IOException {
        Path target = corpus.resolve(name);
        Files.createDirectories(target.getParent());
        Files.writeString(target, text, StandardCharsets.UTF_8);
        System.out.println("wrote " + name);
    }

    // ------------------------------------------------------------------ Word 97 via LibreOffice

    private void word97() throws Exception {
        Path tmp = Files.createTempDirectory("tolk-corpus-doc");
        Path docx = tmp.resolve("brannstasjon-levanger.docx");
        try (XWPFDocument doc = new XWPFDocument()) {
            properties(doc, "Marius Strand", "2024-04-22T09:00:00Z");
            header(doc, "Levanger kommune");
            footer(doc, "Side 1 – fri til publisering");
            plain(doc, "Levanger, 22. april 2024");
            plain(doc, "Ny brannstasjon i Levanger tas i bruk i juni");
            XWPFParagraph lead = plain(doc, "Brannvesenet flytter inn i den nye stasjonen på Moan etter to års byggetid. "
                    + "Utrykningstiden til Skogn blir fire minutter kortere.");
            comment(doc, lead, 5, "Brannsjefen", "Fire minutter? Jeg har regnet med tre.");
            plain(doc, "Stasjonen har plass til seks utrykningskjøretøy og eget øvingsområde for røykdykkere.");
            bold(doc, "Åpen dag for publikum");
            plain(doc, "Lørdag 15. juni inviteres alle innbyggere til åpen dag med omvisning og brannbilkjøring for barna.");
            write(doc, docx);
        }
        try {
            Process process;
            try {
                process = new ProcessBuilder("soffice", "--headless", "--norestore",
                        "-env:UserInstallation=file://" + tmp.resolve("profile").toAbsolutePath(),
                        "--convert-to", "doc:MS Word 97", "--outdir", tmp.toString(), docx.toString())
                        .redirectErrorStream(true).start();
            } catch (IOException notInstalled) {
                System.out.println("soffice not found: keeping word-97/brannstasjon-levanger.doc as it is");
                return;
            }
            process.getInputStream().readAllBytes();
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                System.out.println("soffice failed: keeping word-97/brannstasjon-levanger.doc as it is");
                return;
            }
            Path target = corpus.resolve("word-97/brannstasjon-levanger.doc");
            Files.createDirectories(target.getParent());
            Files.copy(tmp.resolve("brannstasjon-levanger.doc"), target, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("wrote word-97/brannstasjon-levanger.doc (LibreOffice)");
        } finally {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        expect("word-97/brannstasjon-levanger.doc", "Ny brannstasjon i Levanger tas i bruk i juni", "2024-04-22",
                "Marius Strand", "Brannvesenet flytter inn i den nye stasjonen", List.of("Åpen dag for publikum"));
    }

    // ------------------------------------------------------------------ Word helpers

    private static void properties(XWPFDocument doc, String creator, String created) {
        POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
        core.setCreator(creator);
        core.setCreated(Optional.of(java.util.Date.from(java.time.Instant.parse(created))));
        core.setModified(Optional.of(java.util.Date.from(java.time.Instant.parse(created))));
        doc.getProperties().getExtendedProperties().setApplication("Microsoft Office Word");
    }

    private static XWPFParagraph plain(XWPFDocument doc, String text) {
        XWPFParagraph paragraph = doc.createParagraph();
        XWPFRun run = paragraph.createRun();
        String[] parts = text.split("\t", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) run.addTab();
            run.setText(parts[i], i);
        }
        return paragraph;
    }

    private static void bold(XWPFDocument doc, String text) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setBold(true);
        run.setText(text);
    }

    private static void styled(XWPFDocument doc, String style, String text) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setStyle(style);
        paragraph.createRun().setText(text);
    }

    private static void style(XWPFStyles styles, String id, String name) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        styles.addStyle(new XWPFStyle(style));
    }

    private static void header(XWPFDocument doc, String text) {
        doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(text);
    }

    private static void footer(XWPFDocument doc, String text) {
        doc.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(text);
    }

    /** A reviewer comment ("Review → New comment") anchored on the whole paragraph. */
    private static void comment(XWPFDocument doc, XWPFParagraph paragraph, int id, String author, String text) {
        XWPFComments comments = doc.getDocComments() == null ? doc.createComments() : doc.getDocComments();
        XWPFComment comment = comments.createComment(BigInteger.valueOf(id));
        comment.setAuthor(author);
        comment.setInitials(author.substring(0, 1));
        comment.createParagraph().createRun().setText(text);
        CTP p = paragraph.getCTP();
        p.insertNewCommentRangeStart(0).setId(BigInteger.valueOf(id));
        p.addNewCommentRangeEnd().setId(BigInteger.valueOf(id));
        p.addNewR().addNewCommentReference().setId(BigInteger.valueOf(id));
    }

    private static void tocEntry(CTSdtContentBlock toc, String text, String anchor, String page) {
        CTP p = toc.addNewP();
        p.addNewPPr().addNewPStyle().setVal("TOC1");
        CTHyperlink link = p.addNewHyperlink();
        link.setAnchor(anchor);
        link.addNewR().addNewT().setStringValue(text);
        link.addNewR().addNewTab();
        link.addNewR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        link.addNewR().addNewInstrText().setStringValue(" PAGEREF " + anchor + " \\h ");
        link.addNewR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        link.addNewR().addNewT().setStringValue(page);
        CTR end = link.addNewR();
        end.addNewFldChar().setFldCharType(STFldCharType.END);
    }

    private void write(XWPFDocument doc, String name) throws IOException {
        write(doc, corpus.resolve(name));
        System.out.println("wrote " + name);
    }

    private static void write(XWPFDocument doc, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        doc.write(bytes);
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(bytes.toByteArray());
        }
    }

    // ------------------------------------------------------------------ expected facts

    private void expect(String name, String title, String published, String author, String leadStart, List<String> headings)
            throws IOException {
        expect(name, title, published, author, leadStart, headings, "nb");
    }

    private void expect(String name, String title, String published, String author, String leadStart, List<String> headings,
                        String language) throws IOException {
        ObjectNode expected = ArticleJson.mapper().createObjectNode();
        expected.put("title", title);
        expected.put("published", published);
        expected.put("author", author);
        expected.put("leadStart", leadStart);
        ArrayNode list = expected.putArray("headings");
        headings.forEach(list::add);
        expected.put("language", language);
        Path target = corpus.resolve(name + ".expected.json");
        Files.createDirectories(target.getParent());
        Files.writeString(target, ArticleJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(expected) + "\n");
    }
}
