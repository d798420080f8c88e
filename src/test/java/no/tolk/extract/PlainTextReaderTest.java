package no.tolk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.tolk.article.Article;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import org.junit.jupiter.api.Test;

/** The text-dump rules on small inputs, independent of the sample files. */
class PlainTextReaderTest {

    private final ArticleAssembler assembler = new ArticleAssembler(new Boilerplate());

    @Test
    void hardWrappedParagraphsAreJoinedButLineListsAreNot() {
        assertThat(PlainTextReader.isHardWrapped(List.of(
                "Dette er en lang linje som er brutt av et e-postprogram ved sytti",
                "tegn, og den fortsetter her uten at avsnittet er slutt ennå, og så",
                "slutter den."))).isTrue();
        assertThat(PlainTextReader.isHardWrapped(List.of("Publisert 13. mai 2024", "Skrevet av Ola"))).isFalse();
        assertThat(PlainTextReader.joinWrapped("utvik-\nling av klynger")).isEqualTo("utvikling av klynger");
    }

    @Test
    void dumpStructureIsRecognised() {
        String dump = """
                Havbruksklyngen vokser i nord

                Klyngen har fått tolv nye medlemmer i år, og satser nå på eksport til Asia og USA.

                Publisert: 05.04.2019
                Oppdatert: 8. april 2019
                Av Kari Nordmann
                Foto: Ola Hansen
                Daglig leder Per Olsen på kaia i Tromsø.

                Veksten kommer etter flere år med tett samarbeid mellom oppdrettere og forskere.

                Nye markeder

                – Vi ser en enorm interesse fra Asia, sier Olsen.

                • Tolv nye medlemmer
                • Tre nye prosjekter

                Meld deg på vårt nyhetsbrev
                Storgata 1
                9008 Tromsø
                """;

        Article article = assembler.assemble(new PlainTextReader().read(dump), "dump.txt");

        assertThat(article.title()).isEqualTo("Havbruksklyngen vokser i nord");
        assertThat(article.lead()).startsWith("Klyngen har fått tolv nye medlemmer");
        assertThat(article.author()).isEqualTo("Kari Nordmann");
        assertThat(article.published()).hasToString("2019-04-05");
        assertThat(article.revised()).hasToString("2019-04-08");
        assertThat(article.images()).singleElement()
                .satisfies(image -> assertThat(image.credit()).isEqualTo("Ola Hansen"))
                .satisfies(image -> assertThat(image.caption()).isEqualTo("Daglig leder Per Olsen på kaia i Tromsø."));
        assertThat(article.blocks()).extracting(Block::type).containsExactly(
                BlockType.CAPTION, BlockType.PARAGRAPH, BlockType.HEADING, BlockType.QUOTE, BlockType.LIST, BlockType.LIST);
        assertThat(article.blocks()).map(Block::text).noneMatch(text -> text.contains("Storgata") || text.contains("9008"));
    }
}
