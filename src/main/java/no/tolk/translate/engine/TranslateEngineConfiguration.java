package no.tolk.translate.engine;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/** Registers the engine factory; engines are built on first use, so a missing key fails only the engine that needs it. */
public class TranslateEngineConfiguration implements CamelConfiguration {

    @BindToRegistry
    public TranslationEngines translationEngines(CamelContext camelContext) {
        return TranslationEngines.of(camelContext);
    }
}
