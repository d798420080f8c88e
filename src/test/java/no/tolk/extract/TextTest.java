package no.tolk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void cleanCollapsesSpacesAndTabsAndDropsSpaceAroundLineBreaks() {
        assertThat(Text.clean("  Klynger\t\t er  relevante \r\n  for  næringen \n\n Ny linje  "))
                .isEqualTo("Klynger er relevante\nfor næringen\n\nNy linje");
    }

    @Test
    void cleanTurnsNoBreakSpacesIntoSpacesAndRemovesInvisibleCharacters() {
        assertThat(Text.clean("13.\u00A0mai\u00A02024 bio\u00ADøkonomi\u200B\uFEFF")).isEqualTo("13. mai 2024 bioøkonomi");
    }

    @Test
    void cleanComposesDecomposedLetters() {
        assertThat(Text.clean("Tro\u0308ndelag og a\u030Arsmøte")).isEqualTo("Tröndelag og årsmøte");
    }

    @Test
    void cleanLeavesCleanTextAsItIs() {
        String clean = "Tolv bedrifter i Agder deler 31 millioner kroner.\nNeste avsnitt.";
        assertThat(Text.clean(clean)).isEqualTo(clean);
        assertThat(Text.clean(null)).isEmpty();
    }

    @Test
    void keyIgnoresCaseLineBreaksAndSpacing() {
        assertThat(Text.key("Klynger  er\nRELEVANTE")).isEqualTo(Text.key("klynger er relevante"));
    }

    @Test
    void overlapCountsSharedWordsAgainstTheLongerText() {
        Set<String> caption = Text.words("Linn Dybdahl på European Cluster Conference i Brussel");
        Set<String> repeated = Text.words("Linn Dybdahl på European Cluster Conference i Brussel 2024");
        Set<String> other = Text.words("Over hundre deltakere møtte opp på klyngemøtet i Brussel");

        assertThat(Text.overlapsAtLeast(caption, repeated, 0.8)).isTrue();
        assertThat(Text.overlapsAtLeast(caption, other, 0.8)).isFalse();
        assertThat(Text.overlapsAtLeast(caption, Set.of(), 0.8)).isFalse();
    }
}
