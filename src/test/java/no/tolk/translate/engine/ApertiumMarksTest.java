package no.tolk.translate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.tolk.translate.engine.ApertiumMarks.Kind;
import no.tolk.translate.engine.ApertiumMarks.Mark;
import org.junit.jupiter.api.Test;

class ApertiumMarksTest {

    @Test
    void removesEachKindOfMarkAndReportsTheWord() {
        ApertiumMarks.Stripped stripped = ApertiumMarks.strip("Vi besøkte Xyzzyby, kjøpte flatbrød og sjøgras i går.",
                "Me vitja *Xyzzyby, kjøpte @flatbrød og #sjøgras i går.");

        assertThat(stripped.text()).isEqualTo("Me vitja Xyzzyby, kjøpte flatbrød og sjøgras i går.");
        assertThat(stripped.marks()).containsExactly(new Mark(Kind.UNKNOWN, "Xyzzyby"), new Mark(Kind.UNTRANSLATED, "flatbrød"),
                new Mark(Kind.UNGENERATED, "sjøgras"));
    }

    @Test
    void keepsTheTextsOwnHashtagsHandlesAndAsterisks() {
        ApertiumMarks.Stripped stripped = ApertiumMarks.strip("Følg @ntb og #valg2025 om #kongen og *fotnote.",
                "Følg @*ntb og #*valg2025 om #kongen og *fotnote.");

        assertThat(stripped.text()).isEqualTo("Følg @ntb og #valg2025 om #kongen og *fotnote.");
        assertThat(stripped.marks()).containsExactly(new Mark(Kind.UNKNOWN, "ntb"), new Mark(Kind.UNKNOWN, "valg2025"));
    }

    @Test
    void aMarkAfterAPlaceholderOrInsideAHyphenatedNameIsStillAMark() {
        ApertiumMarks.Stripped stripped = ApertiumMarks.strip("Møtet i <x id=\"1\"/>Qwfpgj var bra.",
                "Møtet i <x id=\"1\"/>*Qwfpgj var bra.");

        assertThat(stripped.text()).isEqualTo("Møtet i <x id=\"1\"/>Qwfpgj var bra.");
        assertThat(stripped.marks()).extracting(Mark::word).isEqualTo(List.of("Qwfpgj"));
    }

    @Test
    void textWithoutMarksIsUnchanged() {
        ApertiumMarks.Stripped stripped = ApertiumMarks.strip("Jeg har ikke sett dem.", "Eg har ikkje sett dei.");

        assertThat(stripped.text()).isEqualTo("Eg har ikkje sett dei.");
        assertThat(stripped.marks()).isEmpty();
    }
}
