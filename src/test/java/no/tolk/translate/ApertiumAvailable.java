package no.tolk.translate;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import no.tolk.translate.engine.ApertiumProcess;
import org.junit.jupiter.api.Assumptions;

/** Skips a test when Apertium (with the nno-nob pair) is not installed, or fails it when TOLK_TEST_APERTIUM=required. */
final class ApertiumAvailable {

    private ApertiumAvailable() {
    }

    static void require() {
        if (ApertiumProcess.locate("apertium").isPresent() && Files.isRegularFile(Path.of("/usr/share/apertium/modes/nob-nno.mode"))) {
            return;
        }
        String message = "Apertium with the Bokmål-Nynorsk pair is not installed (apt-get install apertium apertium-nno-nob)";
        if ("required".equals(System.getenv("TOLK_TEST_APERTIUM"))) fail("Apertium is required (TOLK_TEST_APERTIUM=required): " + message);
        Assumptions.abort(message);
    }
}
