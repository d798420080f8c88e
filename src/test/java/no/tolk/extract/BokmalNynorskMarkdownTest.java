package no.tolk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kind testers found labelled wrong: Bokmål Markdown articles identified as Nynorsk. Short and long
 * articles in both written standards, written for this test, go through the extractor as .md files; the
 * Bokmål ones carry what press releases carry (web and e-mail addresses under .no, lists, radical forms such
 * as "boka", "elva", "kasta" that Bokmål allows), the Nynorsk ones are plain Nynorsk.
 */
class BokmalNynorskMarkdownTest {

    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor(
            new ExtractionLimits(50_000_000, 2_000_000, Duration.ofSeconds(60)), new LanguageIdentifier());

    @TempDir
    Path folder;

    @AfterAll
    static void close() {
        EXTRACTOR.close();
    }

    @Test
    void shortBokmalWithAddressesIsBokmal() throws Exception {
        assertThat(language("tare.md", """
                # Tare fra Helgeland

                Tre oppdrettere har inngått en avtale om levering av sukkertare til Nederland.
                Kontakt: post@tarehelgeland.no, www.tarehelgeland.no eller https://kyst.no/tare.
                """)).isEqualTo("nb");
    }

    @Test
    void shortBokmalListIsBokmal() throws Exception {
        assertThat(language("kulturhus.md", """
                # Kulturhuset åpner

                Programmet for første uke:

                - Konserter hver fredag
                - Utstilling i foajeen
                - Kino for barna på lørdag
                - Omvisning i huset søndag formiddag
                - Kafé i andre etasje med lunsj og kaker
                """)).isEqualTo("nb");
    }

    @Test
    void shortBokmalInRadicalFormsIsBokmal() throws Exception {
        assertThat(language("bru.md", """
                # Ny bru over elva

                Kommunen kasta gamle planer og la fram ny tegning av brua. Arbeidet starter til våren,
                og brua skal stå klar når sola snur neste vinter. Boka om den gamle brua selges i biblioteket.
                """)).isEqualTo("nb");
    }

    @Test
    void longBokmalWithFrontMatterIsBokmal() throws Exception {
        assertThat(language("havbruk.md", """
                ---
                title: "Havbruk i Vesterålen vil vokse"
                author: "Kari Nordmann"
                ---

                Oppdretterne i Vesterålen vil ha flere konsesjoner og et nytt slakteri på Sortland.

                Næringa sysselsetter over 500 personer i regionen, og ringvirkningene er store for lokalsamfunnet.
                Daglig leder Ola Hansen mener det er mulig å doble produksjonen innen 2030 dersom myndighetene
                gir tillatelse. Sikkerheten for fisken og miljøet skal komme først, sier han.

                ## Planene

                - nytt slakteri på Sortland
                - flere lokaliteter i Øksnes
                - samarbeid med fagskolen om utdanning

                Les mer på www.havbruk-vesteralen.no eller send spørsmål til post@havbruk-vesteralen.no.
                Prosjektet ble presentert for kommunestyret i går, og vedtaket kommer i løpet av våren.
                """)).isEqualTo("nb");
    }

    @Test
    void shortNynorskIsNynorsk() throws Exception {
        assertThat(language("ferje.md", """
                # Ny ferje til Lofoten

                Ferja går frå Bodø kvar dag i sommar, og billettane kan kjøpast på nett.
                Turen tek tre timar, og det er kafé om bord på båten heile vegen til Svolvær.
                """)).isEqualTo("nn");
    }

    @Test
    void longNynorskWithAddressesIsNynorsk() throws Exception {
        assertThat(language("skule.md", """
                ---
                title: "Ny skule på Voss"
                ---

                Kommunestyret vedtok i går å byggje ein ny skule på Voss. Skulen skal ha plass til 400 elevar
                og stå ferdig om tre år.

                Ordføraren meiner det er mogleg å halde budsjettet, men seier at dei må vere nøye med kostnadene.
                Foreldra har venta lenge på ei løysing, og mange av dei var til stades då vedtaket vart gjort.

                ## Kva skjer no?

                - anbod på byggjearbeidet i vår
                - møte med foreldra i juni

                Meir informasjon finst på www.voss.kommune.no.
                """)).isEqualTo("nn");
    }

    @Test
    void aDeclaredLanguageInTheFrontMatterSettlesATextWithoutFunctionWords() throws Exception {
        assertThat(language("elv.md", """
                ---
                lang: nn
                ---
                # Elva flaumar

                Vatnet stig i Gudbrandsdalen. Vegen til Otta er stengd, og bussar står i Vinstra.
                Kommunen har sett opp sandsekker langs elva ved skulen og butikken i sentrum.
                """)).isEqualTo("nn");
    }

    private String language(String name, String markdown) throws Exception {
        Path file = Files.writeString(folder.resolve(name), markdown);
        return EXTRACTOR.extract(file).language();
    }
}
