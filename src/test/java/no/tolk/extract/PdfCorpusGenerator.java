package no.tolk.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the PDFs of the labelled corpus ({@code src/test/resources/corpus/pdf-pressrelease} and
 * {@code pdf-report}) in the shapes word processors and report tools export: press releases with a large
 * title, a lead in bold or italic, bold subheadings, running header and page numbers, two columns, hyphenated
 * line ends; a Nynorsk, an English and a German release; a PDF in one font and size; a 20-page report.
 * The files are committed; run this again only to change them:
 * {@code java -cp target/test-classes:target/classes:<deps> no.tolk.extract.PdfCorpusGenerator}.
 */
public final class PdfCorpusGenerator {

    private PdfCorpusGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "src/test/resources/corpus");
        Path releases = Files.createDirectories(corpus.resolve("pdf-pressrelease"));
        Path reports = Files.createDirectories(corpus.resolve("pdf-report"));

        try (TestPdf pdf = PdfLayoutReaderTest.pressRelease(3)) {
            pdf.save(releases.resolve("hurtigbat-bodo-lofoten.pdf"));
        }

        try (TestPdf pdf = new TestPdf()) {
            pdf.paragraph(pdf.regular, 9, 12, 14, "KINN KOMMUNE · PRESSEMELDING");
            pdf.paragraph(pdf.bold, 22, 26, 6, "Seks kulturhus fornyet på ett år");
            pdf.paragraph(pdf.regular, 9, 12, 8, "Publisert 4. mars 2025 · Skrevet av Ingrid Solheim");
            pdf.paragraph(pdf.bold, 11, 15, 10, "Kommunen har brukt 38 millioner kroner på å pusse opp kulturhusene i"
                    + " distriktet. Nå er alle seks ferdige, og den første konserten i den nye salen i Florø er allerede utsolgt.");
            pdf.twoColumns(72, TestPdf.WIDTH - 144, 22);
            pdf.paragraph(pdf.serif, 10, 13, 6, "Kulturhuset i Florø har fått ny scene og et lysanlegg som kan styres fra"
                    + " nettbrett, etter to år med ombygging. Arbeidet ble gjort mens huset var i bruk.");
            pdf.paragraph(pdf.serif, 10, 13, 6, "I Måløy ble salen bygget om for å gi plass til rullestoler på alle rader, og"
                    + " garderoben ble flyttet ned i kjelleren der det før var lager for kirkekoret.");
            pdf.space(4).paragraph(pdf.bold, 11, 14, 4, "Bedre lyd i Førde");
            pdf.paragraph(pdf.serif, 10, 13, 6, "Førde valgte å satse på akustikk: veggene er kledd med bjørkepanel som"
                    + " demper etterklangen når korpset øver. Musikerne sier forskjellen er stor.");
            pdf.paragraph(pdf.serif, 10, 13, 6, "Stryn har åpnet en liten kinosal ved siden av biblioteket, der skoleklasser kan"
                    + " se film midt på dagen uten å betale. Salen har plass til førti elever.");
            pdf.space(4).paragraph(pdf.bold, 11, 14, 4, "Kafé og øvingsrom");
            pdf.paragraph(pdf.serif, 10, 13, 6, "Sogndal fikk nytt kjøkken og kafé i foajeen, drevet av elever fra"
                    + " restaurantlinjen på den videregående skolen. Kafeen er åpen fire dager i uka.");
            pdf.paragraph(pdf.serif, 10, 13, 6, "Årdal bygde et øvingsrom for band i det gamle lageret, og kommunen låner ut"
                    + " instrumenter til unge som vil begynne. Rommet kan bookes på nettsiden til kulturskolen.");
            pdf.info("Kulturhus", "Kinn kommune", "nb-NO", 2025, 3, 3);
            pdf.save(releases.resolve("kulturhus-to-spalter.pdf"));
        }

        try (TestPdf pdf = new TestPdf()) {
            pdf.paragraph(pdf.bold, 20, 24, 8, "Ny skulebuss skal gje kortare dagar for\nelevane i Hyllestad");
            pdf.paragraph(pdf.regular, 9, 12, 10, "Publisert 2. september 2024");
            pdf.paragraph(pdf.italic, 12, 16, 10, "Frå måndag køyrer ein ny skulebuss mellom Leirvik og Hyllestad skule."
                    + " Elevane som bur lengst unna, får om lag ein halv time kortare skuledag.");
            pdf.paragraph(pdf.regular, 11, 15, 8, "Kommunen har lenge fått klager frå foreldre som meiner at borna"
                    + " brukar for mykje tid på bussen. No har fylket sagt ja til å setje inn ein ekstra avgang om morgonen.");
            pdf.paragraph(pdf.regular, 11, 15, 8, "– Eg er glad for at vi endeleg har fått dette på plass. Det har vore"
                    + " eit ønske i mange år, seier rektor Solveig Håland.");
            pdf.space(6).paragraph(pdf.bold, 14, 18, 6, "Fleire avgangar i vinter");
            pdf.paragraph(pdf.regular, 11, 15, 8, "Når vegen over fjellet er stengd, skal bussen køyre via fjorden."
                    + " Det vil ta lengre tid, men skysskontoret lovar at ingen elevar skal stå att på haldeplassen.");
            pdf.paragraph(pdf.regular, 11, 15, 8, "Ruta blir vurdert på nytt etter jul, når kommunen har sett kor"
                    + " mange som faktisk nyttar ho.");
            pdf.runningHeaderAndFooter("Hyllestad kommune", "%d");
            pdf.info("Skulebuss", null, "nn-NO", 2024, 9, 2);
            pdf.save(releases.resolve("skulebuss-nynorsk.pdf"));
        }

        try (TestPdf pdf = new TestPdf()) {
            pdf.paragraph(pdf.bold, 20, 24, 8, "Arctic ferry operator orders two\nbattery-electric vessels");
            pdf.paragraph(pdf.regular, 9, 12, 10, "Published 12 June 2024");
            pdf.paragraph(pdf.bold, 12, 16, 10, "The ferry company serving the islands off Bodø has signed a contract for"
                    + " two new vessels that will run on batteries for most of the crossing.");
            pdf.paragraph(pdf.regular, 11, 15, 8, "The ships will be built at a yard in western Norway and delivered in"
                    + " 2026. Each can carry 120 cars and 399 passengers, and charging will take place while cars drive on and off.");
            pdf.space(6).paragraph(pdf.bold, 14, 18, 6, "Lower emissions from 2026");
            pdf.paragraph(pdf.regular, 11, 15, 8, "The operator expects emissions on the route to fall by about"
                    + " ninety per cent. The county has paid for new chargers on both quays as part of the tender.");
            pdf.info("Ferry order", "Tom Hansen", "en-GB", 2024, 6, 12);
            pdf.save(releases.resolve("ferry-english.pdf"));
        }

        try (TestPdf pdf = new TestPdf()) {
            pdf.paragraph(pdf.bold, 20, 24, 8, "Neue Fährverbindung zwischen Kiel und Oslo");
            pdf.paragraph(pdf.regular, 9, 12, 10, "Veröffentlicht am 3. April 2024");
            pdf.paragraph(pdf.bold, 12, 16, 10, "Die Reederei will ab dem Sommer täglich zwischen Kiel und Oslo fahren."
                    + " Die Überfahrt dauert etwa zwanzig Stunden.");
            pdf.paragraph(pdf.regular, 11, 15, 8, "Nach Angaben des Unternehmens sollen die Schiffe mehr als tausend"
                    + " Passagiere und dreihundert Autos aufnehmen. Die Fahrkarten werden ab Mai verkauft.");
            pdf.info("Fähre", null, "de-DE", 2024, 4, 3);
            pdf.save(releases.resolve("faehre-deutsch.pdf"));
        }

        try (TestPdf pdf = new TestPdf()) {
            for (String line : List.of("Vannverket stenges for vedlikehold",
                    "Vannforsyningen til Eikefjord blir stengt natt til torsdag mens kommunen bytter en hovedventil ved vannverket.",
                    "Arbeidet starter klokken 23 og skal være ferdig klokken fem om morgenen. Beboerne bør fylle noen flasker med vann på forhånd.",
                    "Etter arbeidet kan vannet være misfarget en kort stund. Det er ufarlig, men kommunen anbefaler å la springen renne til vannet er klart.")) {
                pdf.paragraph(pdf.regular, 11, 15, 8, line);
            }
            pdf.info("Microsoft Word - vannverket.docx", "ola.nordmann", null, 2024, 11, 5);
            pdf.save(releases.resolve("vannverket-en-skrift.pdf"));
        }

        PdfLayoutReaderTest.report(reports.resolve("havnerapport-20-sider.pdf"));

        try (TestPdf pdf = new TestPdf()) {
            pdf.paragraph(pdf.bold, 24, 28, 10, "Årsmelding 2024 for Sunnfjord friluftsråd");
            pdf.paragraph(pdf.italic, 12, 16, 12, "Friluftsrådet hadde sitt travleste år hittil, med flere turer, nye"
                    + " turkart og rekordmange deltakere på kursene for lærere og barnehageansatte.");
            String[] headings = {"Turer og arrangementer", "Kurs for skoler", "Merking av stier", "Økonomi"};
            String[] sentences = {
                    "Friluftsrådet arrangerte 46 fellesturer i løpet av året, fra korte kveldsturer i nærområdet til helgeturer på fjellet.",
                    "Oppslutningen var størst om sommeren, men også vinterturene med truger samlet mange deltakere fra hele regionen.",
                    "Kursene for lærere handlet om å bruke naturen i undervisningen, og flere skoler har nå egne uteklasserom.",
                    "Barnehagene fikk låne utstyrspakker med spader, luper og fiskestenger gjennom hele sesongen.",
                    "Frivillige har merket og ryddet over åtti kilometer sti, og de mest brukte stiene har fått nye skilt.",
                    "Arbeidet ble gjort i samarbeid med grunneierne, som har vært positive til at flere bruker områdene.",
                    "Regnskapet viser et lite overskudd, som skal brukes til nye gapahuker ved vannene i fjellet.",
                    "Tilskuddene fra kommunene og fylket utgjør fortsatt den største delen av inntektene."};
            pdf.twoColumns(72, TestPdf.WIDTH - 144, 24);
            for (int i = 0; i < headings.length; i++) {
                pdf.space(4).paragraph(pdf.bold, 13, 16, 4, headings[i]);
                pdf.paragraph(pdf.serif, 10, 13, 6, sentences[2 * i] + " Dette er del " + (i + 1) + " av meldingen.");
                pdf.paragraph(pdf.serif, 10, 13, 6, sentences[2 * i + 1]);
                if (i == 1) {
                    pdf.newPage();
                    pdf.twoColumns(72, TestPdf.WIDTH - 144, 24);
                }
            }
            pdf.runningHeaderAndFooter("Sunnfjord friluftsråd · Årsmelding 2024", "Side %d av %n");
            pdf.info("Årsmelding 2024", "Sunnfjord friluftsråd", "nb", 2025, 1, 20);
            pdf.save(reports.resolve("arsmelding-to-spalter.pdf"));
        }
    }
}
