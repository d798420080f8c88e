package no.tolk.extract;

import java.time.LocalDate;
import java.util.List;

/**
 * Article texts written for the main-text benchmark and the HTML corpus (invented events, no site's
 * wording). Body items: "## " heading, "> " quote, "* " list item, anything else a paragraph.
 */
final class MainTextStories {

    record Story(String lang, String slug, String title, String lead, String author, LocalDate date,
                 String caption, String photographer, List<String> body) {

        List<String> headings() {
            return body.stream().filter(item -> item.startsWith("## ")).map(item -> item.substring(3)).toList();
        }
    }

    private MainTextStories() {
    }

    static final List<Story> ALL = List.of(
            new Story("nb", "skolen-pa-roros", "Skolen på Røros får eget bryggeri for realfag",
                    "Elevene ved Røros videregående skal lære kjemi og biologi ved å brygge alkoholfritt øl i et eget skolebryggeri som åpner etter vinterferien.",
                    "Ingrid Aasen Haugli", LocalDate.of(2024, 2, 14),
                    "Lektor Sigve Rønning viser fram gjæringstankene i det nye laboratoriet.", "Tor Erik Sundli",
                    List.of(
                            "Bryggeriet er bygget inn i et gammelt sløydrom i underetasjen, og har kostet skolen i underkant av 400 000 kroner. Pengene kommer fra fylkeskommunen og et lokalt næringsfond.",
                            "Ideen kom fra lærerne i naturfag, som lenge har slitt med å vise elevene hvorfor gjæring, pH og temperatur betyr noe utenfor læreboka.",
                            "> – Når elevene selv må finne ut hvorfor en brygg ble sur, lærer de mer enn av ti timer med tavleundervisning, sier lektor Sigve Rønning.",
                            "## Samarbeid med lokalt mikrobryggeri",
                            "Skolen har fått hjelp av et mikrobryggeri i bergstaden til å velge utstyr og sette opp rutiner for renhold. Bryggeren kommer på besøk to ganger i semesteret.",
                            "I første omgang skal tre klasser på studiespesialiserende bruke anlegget. Senere håper skolen at også restaurant- og matfag kan ta det i bruk.",
                            "## Dette skal elevene lære",
                            "* Hvordan gjærceller omdanner sukker under ulike temperaturer",
                            "* Måling av pH og sukkerinnhold gjennom hele prosessen",
                            "* Hygiene og kvalitetskontroll i næringsmiddelproduksjon",
                            "Rektor Anne Marit Flatås sier at ingen av produktene skal selges, og at alt som brygges er alkoholfritt. Foreldrene ble orientert på et eget møte i januar.")),
            new Story("nb", "ferjeavganger-halveres", "Fylket vil halvere ventetiden på ferjene over Boknafjorden",
                    "Et nytt forslag fra samferdselsavdelingen gir avganger hvert tjuende minutt på dagtid, men prisen for bilister kan stige med opptil femten prosent.",
                    "Henrik Vold Sæther", LocalDate.of(2023, 10, 3),
                    "Ferja på vei inn til kaia en tidlig morgen i september.", "Mari Tjelta",
                    List.of(
                            "Forslaget blir lagt fram for fylkestinget i november. Det innebærer at to ferjer til settes inn i sambandet fra neste sommer, og at nattavgangene blir flere.",
                            "Pendlere har i flere år klaget over lange køer i rushtiden, særlig fredag ettermiddag og søndag kveld, når hyttefolket skal hjem.",
                            "## Høyere billettpris",
                            "For å finansiere de ekstra ferjene foreslår administrasjonen at prisen for personbil øker fra 190 til 218 kroner. Passasjerer uten bil skal fortsatt reise gratis.",
                            "> – Vi vet at dette er en belastning for dem som kjører hver dag, men alternativet er at køene blir enda lengre, sier samferdselssjef Torhild Eide.",
                            "Næringsforeningen på Jæren er positiv, og mener at kortere ventetid er viktigere for bedriftene enn prisen på den enkelte billetten.",
                            "## Elektriske ferjer fra 2026",
                            "De nye fartøyene skal gå på batteri, og ladeanlegg skal bygges på begge sider av fjorden. Utbyggingen er beregnet til 310 millioner kroner.",
                            "Fylkestinget behandler saken 21. november. Blir forslaget vedtatt, kan det nye rutetilbudet tre i kraft ved ruteendringen i juni.")),
            new Story("nb", "laksetrapp-namsen", "Ny laksetrapp skal åpne elva for villaksen igjen",
                    "Etter tolv år med planlegging er anleggsarbeidet i gang med en laksetrapp som skal gi villaksen tilgang til tjue kilometer med gyteområder ovenfor fossen.",
                    "Kari-Anne Moen", LocalDate.of(2024, 5, 22),
                    "Gravemaskinene er allerede i arbeid ved foten av fossen.", "Øystein Grønning",
                    List.of(
                            "Trappen bygges som en serie med tjue kulper sprengt inn i fjellet ved siden av fossen. Hver kulp ligger om lag en halv meter høyere enn den forrige.",
                            "Elveeierlaget har samlet inn penger fra grunneiere, kraftselskapet og Miljødirektoratet. Totalt koster prosjektet 38 millioner kroner.",
                            "## Venter flere fisk om fem år",
                            "Forskere ved det regionale miljøinstituttet regner med at bestanden kan øke med flere tusen fisk når yngelen fra de nye gyteområdene kommer tilbake fra havet.",
                            "> – Dette er den største enkeltinvesteringen i villaksen i regionen på flere tiår, sier leder i elveeierlaget, Jostein Kvam.",
                            "Laksetrappen skal ha et telleapparat med kamera, slik at både forskere og publikum kan følge med på hvor mange fisk som går opp.",
                            "Anlegget ventes å stå ferdig til fiskesesongen neste år. Grunneierne har lovet å holde fisket stengt ovenfor fossen de første tre sesongene.")),
            new Story("nb", "bibliotek-apent-sondag", "Biblioteket holder åpent på søndager i hele vinter",
                    "Hovedbiblioteket prøver ut søndagsåpent fra november til mars, etter at innbyggerne i en spørreundersøkelse ba om flere kveldstimer og helgeåpent.",
                    "Sindre Lunde", LocalDate.of(2023, 11, 1),
                    "Lesesalen i andre etasje blir åpen for alle på søndager.", "Hilde Bakke",
                    List.of(
                            "Biblioteket vil være åpent fra klokka tolv til fire hver søndag. I disse timene er det ingen ansatte til stede, men en vekter passer på lokalene.",
                            "Lånere logger seg inn med bibliotekkortet og en PIN-kode ved inngangen. Utlån og innlevering skjer i selvbetjente automater.",
                            "## Populært i nabokommunene",
                            "Flere kommuner i regionen har hatt meråpne bibliotek i flere år, og erfaringene er gode. Besøket på søndager er ofte høyere enn på en vanlig tirsdag.",
                            "> – Vi ser at familier med små barn bruker biblioteket mye i helgene. Det er akkurat den gruppen vi vil nå, sier biblioteksjef Åse Nordli.",
                            "Prøveordningen skal evalueres i april. Dersom besøket er godt nok, vil kulturutvalget vurdere å gjøre ordningen permanent fra neste høst.")),
            new Story("nb", "havneutvidelse-mo", "Industrihavna i Mo får ny kai for tre hundre millioner",
                    "Havnestyret har vedtatt å bygge en ny dypvannskai som skal ta imot større skip og gi plass til utskipning av grønt stål og hydrogenprodukter.",
                    "Marius Fjellheim", LocalDate.of(2024, 8, 29),
                    "Den nye kaia skal ligge ytterst på industriområdet.", "Line Aakre",
                    List.of(
                            "Kaia blir 240 meter lang og får en vanndybde på femten meter. Det gjør at skip på opptil 80 000 tonn kan legge til, mot i dag rundt halvparten.",
                            "Bakgrunnen er flere planlagte industriprosjekter i området, blant annet en fabrikk for batterimaterialer og et anlegg for produksjon av hydrogen.",
                            "## Staten bidrar med en tredel",
                            "Kystverket har gitt tilsagn om 100 millioner kroner i tilskudd. Resten finansieres med lån og med bidrag fra bedriftene som skal bruke kaia.",
                            "> – Uten en ny kai vil vi ikke kunne frakte ut det bedriftene her skal produsere. Dette er en forutsetning for hele satsingen, sier havnedirektør Roar Engen.",
                            "Byggearbeidet skal lyses ut til vinteren, og havna regner med at kaia kan tas i bruk i løpet av 2027.")),
            new Story("nb", "frivillige-sporer-villrein", "Frivillige skal telle villrein med droner på Hardangervidda",
                    "Et forskningsprosjekt rekrutterer femti frivillige dronepiloter som skal hjelpe forskerne med å telle villreinen raskere og mer nøyaktig enn før.",
                    "Eline Thorsrud", LocalDate.of(2024, 3, 11),
                    "En flokk villrein fotografert fra drone under en prøvetelling i fjor.", "Anders Kvåle",
                    List.of(
                            "Villreinstammen har gått kraftig tilbake det siste tiåret, og forvaltningen trenger bedre tall for å sette riktige kvoter og vurdere tiltak mot sykdom.",
                            "Tidligere har tellingen skjedd fra småfly, noe som er dyrt og avhengig av godt vær. Med droner kan flere små områder telles samtidig.",
                            "## Kurs før sommeren",
                            "De frivillige får et tre dagers kurs i flyging i fjellet, regler for forstyrrelse av dyr og bruk av bildeanalyse. Kurset holdes på Geilo i mai.",
                            "Bildene analyseres med et dataprogram som gjenkjenner rein automatisk. Forskerne kontrollerer deretter et utvalg av bildene manuelt.",
                            "> – Frivillige kjenner terrenget og er ofte på vidda uansett. Vi får mye mer data for pengene, sier prosjektleder Gunhild Stensrud.",
                            "Prosjektet er finansiert av Miljødirektoratet og tre kommuner. Påmeldingsfristen for frivillige er 15. april.")),
            new Story("nn", "ny-bru-til-oya", "Ny bru skal binde øya saman med fastlandet",
                    "Etter fleire tiår med ferje får øysamfunnet endeleg fast vegsamband når den nye brua opnar for trafikk hausten 2026.",
                    "Oddny Hjelmeland", LocalDate.of(2024, 4, 18),
                    "Bruspennet blir over fire hundre meter langt.", "Eivind Storøy",
                    List.of(
                            "Brua blir 420 meter lang og får gang- og sykkelveg på den eine sida. Arbeidet med fundamenta starta i vår, og tårna skal vere ferdige før jul.",
                            "I dag går ferja ti gonger i døgnet, og siste tur frå fastlandet går like etter klokka elleve om kvelden. Mange unge har flytta frå øya på grunn av dette.",
                            "## Bompengar i femten år",
                            "Prosjektet kostar 780 millionar kroner. Om lag halvparten skal betalast med bompengar, og ein tur over brua kjem til å koste rundt 60 kroner for personbil.",
                            "> – Brua betyr at ungdommane kan bu heime og pendle til jobb og skule. Det er det viktigaste for oss, seier ordføraren.",
                            "Fiskeribedriftene på øya ventar også at det blir lettare å frakte fersk fisk ut til marknaden når dei slepp å vente på ferja.")),
            new Story("en", "harbour-heat-pumps", "Harbour town heats its homes with seawater pumps",
                    "A small coastal town has connected four hundred homes to a district heating network that draws warmth from the fjord, cutting electricity use for heating by more than half.",
                    "Laura Whitfield", LocalDate.of(2023, 12, 7),
                    "The pumping station sits below the old ferry quay.", "James Okafor",
                    List.of(
                            "The system pumps seawater from a depth of forty metres, where the temperature stays around eight degrees all year. Large heat pumps raise it to a level that can warm radiators.",
                            "The municipality borrowed most of the money for the project, and households pay a monthly fee that is lower than their previous electricity bills for heating.",
                            "## Lessons for other towns",
                            "Engineers from several other coastal municipalities have visited the station this autumn to see whether the model could work for them.",
                            "> We were told it was too small a town for district heating. Now people come here to see how we did it, said the project manager, Siri Lange.",
                            "The network will be extended to the school and the nursing home next year, and the town hopes to connect the harbour businesses after that.")),
            new Story("de", "radweg-am-fluss", "Neuer Radweg verbindet die Dörfer am Fluss",
                    "Nach drei Jahren Bauzeit ist der zwölf Kilometer lange Radweg zwischen den Gemeinden im Tal fertig und wird am Samstag offiziell eröffnet.",
                    "Katharina Vogt", LocalDate.of(2024, 6, 6),
                    "Der neue Radweg führt direkt am Ufer entlang.", "Markus Lehner",
                    List.of(
                            "Der Weg verläuft größtenteils auf einem alten Bahndamm und hat keine nennenswerten Steigungen. Er ist damit auch für Familien mit Kindern gut geeignet.",
                            "Die Kosten von rund 4,2 Millionen Euro teilen sich das Land, der Landkreis und die drei beteiligten Gemeinden.",
                            "## Anschluss an den Fernradweg",
                            "An seinem östlichen Ende trifft der neue Weg auf den bekannten Fernradweg, der jedes Jahr zehntausende Touristen in die Region bringt.",
                            "> Wir hoffen, dass viele Radfahrer künftig einen Abstecher in unsere Dörfer machen, sagte die Bürgermeisterin Anja Brenner.",
                            "Zur Eröffnung am Samstag gibt es ein Fest am alten Bahnhof mit Musik, Essen und einer geführten Tour entlang der Strecke.")),
            new Story("fr", "marche-des-producteurs", "Le marché des producteurs s'installe dans la vieille halle",
                    "Chaque samedi matin, une trentaine d'agriculteurs de la vallée vendront désormais leurs produits dans la halle rénovée du centre-ville.",
                    "Claire Dumont", LocalDate.of(2024, 9, 12),
                    "La halle a retrouvé sa charpente d'origine après deux ans de travaux.", "Paul Girard",
                    List.of(
                            "La rénovation de la halle a coûté un peu plus de deux millions d'euros, financés en partie par la région. Le bâtiment était fermé depuis plus de dix ans.",
                            "Les producteurs proposeront des fruits, des légumes, du fromage et du pain, uniquement issus d'exploitations situées à moins de quarante kilomètres.",
                            "## Un pari pour le centre-ville",
                            "La mairie espère que le marché attirera de nouveau des habitants dans les rues commerçantes, qui ont perdu plusieurs boutiques ces dernières années.",
                            "> Nous voulons que les gens reviennent flâner en ville le samedi, explique l'adjointe au maire, Sophie Lemaire.",
                            "Le premier marché aura lieu samedi prochain à partir de huit heures, avec une dégustation offerte par les producteurs.")),
            new Story("sv", "skargardsbat-el", "Skärgårdsbåtarna går över till el nästa sommar",
                    "Tre av regionens skärgårdsbåtar byggs om till eldrift under vintern, vilket halverar bullret och tar bort utsläppen på de populäraste turerna.",
                    "Johan Lindqvist", LocalDate.of(2023, 9, 20),
                    "En av båtarna ligger vid varvet i väntan på ombyggnad.", "Emma Sjöberg",
                    List.of(
                            "Ombyggnaden sker på ett varv i norra delen av länet och beräknas ta fyra månader per båt. Batterierna räcker för en hel tur fram och tillbaka.",
                            "Laddstationer byggs vid de två största bryggorna, där båtarna ligger stilla längst tid under dagen.",
                            "## Tystare för de boende",
                            "De fastboende på öarna har länge klagat på buller och avgaser från båtarna, särskilt under högsäsongen när turerna går tätt.",
                            "> Det blir en helt annan upplevelse att åka ut i skärgården när man bara hör vattnet, säger trafikchefen Malin Ek.",
                            "Om försöket faller väl ut kan resten av flottan byggas om inom fem år."))
    );
}
