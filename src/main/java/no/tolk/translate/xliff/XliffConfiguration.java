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

    @PropertyInject(value = "tolk.translate.xliff.version", defaultValue = "1.2")
    private String version;

    @BindToRegistry
    public XliffTranslator xliffTranslator() {
        return new XliffTranslator(folder(home, folder), XliffVersion.parse(version));
    }

    /** The configured folder, or {@code <home>/translations} when none is configured. */
    static Path folder(String home, String configured) {
        Path root = configured == null || configured.isBlank()
                ? Path.of(home).resolve("translations")
                : Path.of(configured.strip());
        return root.toAbsolutePath().normalize();
    }
}
