package no.tolk.translate.xliff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import no.tolk.translate.TranslationRequest;
import org.junit.jupiter.api.Test;

/** The file note points the translator at the original's own language folder, Nynorsk sources included. */
class RequestNotesTest {

    private static String about(String source, String target) {
        TranslationRequest request = new TranslationRequest(source, target, XliffTranslatorTest.segments(), Map.of(), Set.of());
        return RequestNotes.file(new TranslationJob("a1", 1, source, target), request).get(0).text();
    }

    @Test
    void nynorskSourceNamesTheNynorskFolder() {
        assertThat(about("nn", "nb")).isEqualTo("Tolk article a1 revision 1 (nn -> nb). Read the Norwegian original with"
                + " `tolk show a1` (or open the Tolk home's archive/ folder); after publishing, the Nynorsk original is under"
                + " site/preview/nn/.");
    }

    @Test
    void bokmalSourceNamesTheBokmalFolder() {
        assertThat(about("nb", "en")).endsWith("after publishing, the Bokmål original is under site/preview/nb/.");
    }
}
