package no.tolk.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tolk.translate.engine.ApertiumProcess;
import no.tolk.translate.engine.ApertiumTranslator;
import no.tolk.translate.engine.TranslationEngines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Target languages per article language and engine chains per pair as they will be used, after checking at
 * start-up that Apertium can serve the pairs that name it. A pair whose only engine is an Apertium that is not
 * installed is dropped (its target is not made), other pairs lose Apertium from their chain; either way one log
 * line says so. When no pair makes Nynorsk, one line says Nynorsk is off and why.
 */
record LanguagePlan(Map<String, List<String>> targetsBySource, Map<String, List<String>> chainsByPair) {

    private static final Logger LOG = LoggerFactory.getLogger(LanguagePlan.class);

    static LanguagePlan check(List<String> defaultTargets, List<String> defaultChain, Map<String, List<String>> targetsBySource,
                              Map<String, List<String>> chainsByPair, TranslationEngines engines) {
        Map<String, List<String>> targets = new LinkedHashMap<>();
        Map<String, List<String>> chains = new LinkedHashMap<>(chainsByPair);
        boolean nynorsk = false;
        for (String source : TranslateStageConfiguration.SOURCES) {
            List<String> kept = new ArrayList<>();
            for (String target : targetsBySource.getOrDefault(source, defaultTargets)) {
                String pair = source + "-" + target;
                List<String> chain = chains.getOrDefault(pair, defaultChain);
                if (target.equals(source) || !chain.contains(ApertiumTranslator.NAME)) {
                    kept.add(target);
                    nynorsk |= target.equals("nn") && !source.equals("nn");
                    continue;
                }
                Optional<String> unavailable = engines == null ? Optional.empty() : apertiumUnavailable(engines, source, target);
                if (unavailable.isEmpty()) {
                    kept.add(target);
                    nynorsk |= target.equals("nn");
                    continue;
                }
                List<String> rest = chain.stream().filter(name -> !name.equals(ApertiumTranslator.NAME)).toList();
                if (rest.isEmpty()) {
                    LOG.warn("{} is off: {} articles are not translated into {} because Apertium cannot be used: {}",
                            label(target), source, target, unavailable.get());
                } else {
                    kept.add(target);
                    chains.put(pair, rest);
                    LOG.warn("Apertium is left out for {} ({}); {} uses {}", pair, unavailable.get(), pair, String.join(", ", rest));
                }
            }
            targets.put(source, kept);
        }
        if (!nynorsk) {
            String installed = ApertiumProcess.locate("apertium").map(path -> "Apertium is installed (" + path
                    + "); set tolk.translate.targets.nb = en,nn to publish Nynorsk (docs/nynorsk.md)")
                    .orElse("Apertium is not installed (Debian packages apertium and apertium-nno-nob; docs/nynorsk.md)");
            LOG.info("Nynorsk is off: no Bokmål article is translated into nn (tolk.translate.targets.nb). {}", installed);
        }
        return new LanguagePlan(targets, chains);
    }

    private static Optional<String> apertiumUnavailable(TranslationEngines engines, String source, String target) {
        try {
            return engines.apertiumUnavailable(source, target);
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static String label(String language) {
        return switch (language) {
            case "nn" -> "Nynorsk";
            case "nb" -> "Bokmål";
            default -> "Language " + language;
        };
    }
}
