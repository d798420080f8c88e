package no.tolk.translate.xliff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XliffConfigurationTest {

    @TempDir
    Path home;

    @Test
    void camelMainBindsTheTranslatorUnderTheHomeFolder() throws Exception {
        Main main = new Main();
        main.configure().addConfiguration(XliffConfiguration.class);
        main.addOverrideProperty("tolk.home", home.toString());
        // only this stage's wiring: no routes, which need the other stages' beans
        main.addOverrideProperty("camel.main.routes-include-pattern", "classpath:no-routes/*.yaml");
        main.addOverrideProperty("camel.main.jmx-enabled", "false");
        main.start();
        try {
            XliffTranslator translator = main.getCamelContext().getRegistry()
                    .lookupByNameAndType("xliffTranslator", XliffTranslator.class);
            assertThat(translator).isNotNull();
            assertThat(translator.waitingTranslations()).isEmpty();
            assertThat(home.resolve("translations").resolve("outbox")).isDirectory();
        } finally {
            main.stop();
        }
    }

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
