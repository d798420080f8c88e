package no.tolk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Front matter as Hugo, Jekyll and Astro sites write it, read with a YAML parser; raw HTML counts for its text only. */
class MarkdownFrontMatterTest {

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
    void theFrontMatterTitleBeatsAFirstSmallHeadingAndIngressIsTheLead() throws Exception {
        Article article = extract("turistveg.md", """
                ---
                title: 'Ny turistveg over Strynefjellet åpner i juni'
                ingress: Den gamle Strynefjellsvegen blir nasjonal turistveg med nye rasteplasser og utsiktspunkt.
                author:
                  - Liv Hjelle
                  - Arne Loen
                  - Britt Sande
                pubDate: 3. juni 2024
                ---

                ### Tre år med arbeid

                Statens vegvesen har rustet opp murer og bruer langs hele strekningen, og vegen er nå åpen for busser.
                """);

        assertThat(article.title()).isEqualTo("Ny turistveg over Strynefjellet åpner i juni");
        assertThat(article.lead()).isEqualTo("Den gamle Strynefjellsvegen blir nasjonal turistveg med nye rasteplasser og utsiktspunkt.");
        assertThat(article.author()).isEqualTo("Liv Hjelle, Arne Loen og Britt Sande");
        assertThat(article.published()).hasToString("2024-06-03");
        assertThat(article.blocks()).extracting(Block::type, Block::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BlockType.HEADING, "Tre år med arbeid"),
                org.assertj.core.groups.Tuple.tuple(BlockType.PARAGRAPH,
                        "Statens vegvesen har rustet opp murer og bruer langs hele strekningen, og vegen er nå åpen for busser."));
    }

    @Test
    void leadDescriptionAndSummaryVariantsAuthorsAndDateVariantsAreRead() throws Exception {
        Article withLead = extract("lead.md", """
                ---
                title: Fiskerihavn i Båtsfjord utvides
                lead: "Kaia i Båtsfjord blir 120 meter lengre, så større fiskebåter kan levere fangsten."
                authors: [Hanne Isaksen]
                date: 2024-02-29
                lastmod: 12.03.2024
                ---
                Regjeringen har satt av 90 millioner kroner til utvidelsen, og arbeidet begynner til sommeren i år.
                """);
        Article withSummary = extract("summary.md", """
                ---
                title: Ny bro til Senja
                summary: Den nye Gisundbrua får gang- og sykkelvei på begge sider.
                author: { name: Tor Berg }
                published: "2023-10-05T07:00:00+02:00"
                ---
                Brua erstatter den gamle fra 1972, som ikke tåler dagens tunge vogntog, og skal stå ferdig i 2028.
                """);

        assertThat(withLead.lead()).isEqualTo("Kaia i Båtsfjord blir 120 meter lengre, så større fiskebåter kan levere fangsten.");
        assertThat(withLead.author()).isEqualTo("Hanne Isaksen");
        assertThat(withLead.published()).hasToString("2024-02-29");
        assertThat(withLead.revised()).hasToString("2024-03-12");
        assertThat(withSummary.lead()).isEqualTo("Den nye Gisundbrua får gang- og sykkelvei på begge sider.");
        assertThat(withSummary.author()).isEqualTo("Tor Berg");
        assertThat(withSummary.published()).hasToString("2023-10-05");
    }

    @Test
    void rawHtmlCountsForItsTextAndScriptsAndStylesAreDroppedWhole() throws Exception {
        Article article = extract("html.md", """
                ---
                title: Varsel om stengt tunnel
                ---
                <style>p { color: red }</style>
                Oslofjordtunnelen er stengt for <font color="red"><b>all trafikk</b></font> natt til lørdag på grunn av vedlikehold.

                <script>document.write("reklame");</script>

                Omkjøring skjer via Drammen, og Statens vegvesen anbefaler å planlegge turen i god tid.
                """);

        assertThat(article.lead()).isEqualTo("Oslofjordtunnelen er stengt for all trafikk natt til lørdag på grunn av vedlikehold.");
        assertThat(article.blocks()).extracting(Block::text)
                .containsExactly("Omkjøring skjer via Drammen, og Statens vegvesen anbefaler å planlegge turen i god tid.");
        assertThat(article.fullText()).doesNotContain("<").doesNotContain("color").doesNotContain("reklame");
    }

    private Article extract(String name, String markdown) throws Exception {
        return extractor.extract(Files.writeString(folder.resolve(name), markdown));
    }
}
