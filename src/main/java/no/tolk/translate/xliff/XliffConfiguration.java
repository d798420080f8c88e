package no.tolk.translate.xliff;

import java.nio.file.Path;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

/** Wires the XLIFF (human translation) engine as bean {@code xliffTranslator}. */
public class XliffConfiguration implements CamelConfiguration {

    @PropertyInject("tolk.home")
    private String home;
    @PropertyInject(value = "tolk.translate.xliff.folder", defaultValue = "")
    private String folder;

    @BindToRegistry
    public XliffTranslator xliffTranslator() {
        Path root = folder == null || folder.isBlank()
                ? Path.of(home).resolve("translations")
                : Path.of(folder);
        return new XliffTranslator(root.toAbsolutePath().normalize());
    }
}
