package no.tolk.translate.xliff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class XliffConfigurationTest {

    @Test
    void defaultsToTranslationsUnderTheHomeFolder() {
        assertThat(XliffConfiguration.folder("/srv/tolk", "")).isEqualTo(Path.of("/srv/tolk/translations"));
        assertThat(XliffConfiguration.folder("/srv/tolk", null)).isEqualTo(Path.of("/srv/tolk/translations"));
    }

    @Test
    void usesTheConfiguredFolder() {
        assertThat(XliffConfiguration.folder("/srv/tolk", " /mnt/shared/oversettelser ")).isEqualTo(Path.of("/mnt/shared/oversettelser"));
    }
}
