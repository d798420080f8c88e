package no.tolk.translate;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import no.tolk.extract.LanguageIdentifier;
import no.tolk.store.ArticleStore;
import no.tolk.store.JdbcTranslationStore;
import no.tolk.translate.engine.TranslationEngines;
import no.tolk.translate.xliff.XliffTranslator;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.Registry;

/** Wires {@code translationStore} and {@code translationStage} (the bean the translate route calls). */
public class TranslateStageConfiguration implements CamelConfiguration {

    @PropertyInject("tolk.home")
    private String home;
    @PropertyInject(value = "tolk.translate.engine", defaultValue = "xliff")
    private String engine;
    @PropertyInject(value = "tolk.translate.fallback", defaultValue = "")
    private String fallback;
    @PropertyInject(value = "tolk.translate.target-languages", defaultValue = "en")
    private String targetLanguages;
    @PropertyInject(value = "tolk.translate.quota-retry", defaultValue = "60m")
    private String quotaRetry;

    /**
     * Binds in {@code configure} rather than with {@code @BindToRegistry}: the engines and the XLIFF
     * translator come from other configuration classes, which Camel Main may process after this one.
     */
    @Override
    public void configure(CamelContext camelContext) {
        Registry registry = camelContext.getRegistry();
        Clock clock = registry.lookupByNameAndType("clock", Clock.class);
        JdbcTranslationStore store = new JdbcTranslationStore(registry.lookupByNameAndType("dataSource", DataSource.class), clock);
        registry.bind("translationStore", store);
        registry.bind("translationStage", translationStage(camelContext, registry.lookupByNameAndType("articleStore", ArticleStore.class),
                store, registry.lookupByNameAndType("xliffTranslator", XliffTranslator.class),
                registry.lookupByNameAndType("translationEngines", TranslationEngines.class), clock));
    }

    TranslationStage translationStage(CamelContext camelContext, ArticleStore articleStore,
                                      JdbcTranslationStore translationStore, XliffTranslator xliffTranslator,
                                      TranslationEngines translationEngines, Clock clock) {
        List<String> chain = names(engine + "," + fallback);
        List<String> defaultTargets = names(targetLanguages);
        Map<String, List<String>> targetsBySource = new LinkedHashMap<>();
        Map<String, List<String>> chainsByPair = new LinkedHashMap<>();
        for (String source : SOURCES) {
            property(camelContext, "tolk.translate.targets." + source).ifPresent(value -> targetsBySource.put(source, names(value)));
            for (String target : targetsBySource.getOrDefault(source, defaultTargets)) {
                if (target.equals(source)) continue;
                property(camelContext, "tolk.translate.engine." + source + "-" + target)
                        .ifPresent(value -> chainsByPair.put(source + "-" + target, names(value)));
            }
        }
        LanguagePlan plan = LanguagePlan.check(defaultTargets, chain, targetsBySource, chainsByPair, translationEngines);
        Map<String, Long> budgets = new LinkedHashMap<>();
        List<String> allEngines = new ArrayList<>(chain);
        plan.chainsByPair().values().forEach(pairChain -> pairChain.stream().filter(name -> !allEngines.contains(name)).forEach(allEngines::add));
        for (String name : allEngines) {
            String key = "tolk.translate." + name + ".monthly-budget";
            Optional<String> value = camelContext.getPropertiesComponent().resolveProperty(key);
            if (value.isPresent() && !value.get().isBlank()) {
                try {
                    budgets.put(name, Long.parseLong(value.get().strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(key + " must be a number of characters, not '" + value.get() + "'");
                }
            }
        }
        TranslationSettings settings = new TranslationSettings(defaultTargets, chain, budgets,
                quotaRetry(), Path.of(home).toAbsolutePath().normalize().resolve("glossary"), plan.targetsBySource(),
                plan.chainsByPair());
        return new TranslationStage(articleStore, translationStore, xliffTranslator, translationEngines::create,
                new QualityGate(new LanguageIdentifier()), settings, clock);
    }

    /** Article languages with their own {@code tolk.translate.targets.<lang>} key ("no", older data, is treated as nb). */
    static final List<String> SOURCES = List.of("nb", "nn");

    private static Optional<String> property(CamelContext camelContext, String key) {
        return camelContext.getPropertiesComponent().resolveProperty(key).map(String::strip).filter(value -> !value.isEmpty());
    }

    private java.time.Duration quotaRetry() {
        try {
            return TranslationEngines.parseDuration(quotaRetry);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("tolk.translate.quota-retry must be a duration such as 30s or 60m, not '" + quotaRetry + "'");
        }
    }

    static List<String> names(String commaSeparated) {
        List<String> names = new ArrayList<>();
        Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .map(name -> name.toLowerCase(Locale.ROOT)).filter(name -> !names.contains(name)).forEach(names::add);
        return names;
    }
}
