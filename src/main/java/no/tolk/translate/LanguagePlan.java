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
 * line says so. Exactly one line is about Nynorsk: on (which engines, where Apertium runs), off because Apertium
 * cannot be used (the warning, with what to set), or off because no target list names nn.
 */
record LanguagePlan(Map<String, List<String>> targetsBySource, Map<String, List<String>> chainsByPair) {

    private static final Logger LOG = LoggerFactory.getLogger(LanguagePlan.class);

    static LanguagePlan check(List<String> defaultTargets, List<String> defaultChain, Map<String, List<String>> targetsBySource,
                              Map<String, List<String>> chainsByPair, TranslationEngines engines) {
        Map<String, List<String>> targets = new LinkedHashMap<>();
        Map<String, List<String>> chains = new LinkedHashMap<>(chainsByPair);
        String nynorsk = null;      // how Bokmål reaches Nynorsk, when it does
        boolean nynorskDropped = false;
        for (String source : TranslateStageConfiguration.SOURCES) {
            List<String> kept = new ArrayList<>();
            for (String target : targetsBySource.getOrDefault(source, defaultTargets)) {
                String pair = source + "-" + target;
                List<String> chain = chains.getOrDefault(pair, defaultChain);
                if (target.equals(source) || !chain.contains(ApertiumTranslator.NAME)) {
                    kept.add(target);
                    if (target.equals("nn") && !source.equals("nn")) nynorsk = pair + " uses " + String.join(", ", chain);
                    continue;
                }
                Optional<String> unavailable = engines == null ? Optional.empty() : apertiumUnavailable(engines, source, target);
                if (unavailable.isEmpty()) {
                    kept.add(target);
                    if (target.equals("nn")) nynorsk = onLine(engines, source, target, chain);
                    continue;
                }
                List<String> rest = chain.stream().filter(name -> !name.equals(ApertiumTranslator.NAME)).toList();
                if (rest.isEmpty()) {
                    nynorskDropped |= target.equals("nn");
                    LOG.warn("{} is off: {} articles are not translated into {} because Apertium cannot be used: {}."
                                    + " Install it, or set tolk.translate.apertium.program (or tolk.translate.apertium.url),"
                                    + " or take {} out of tolk.translate.targets.{} (docs/nynorsk.md)",
                            label(target), source, target, unavailable.get(), target, source);
                } else {
                    kept.add(target);
                    chains.put(pair, rest);
                    LOG.warn("Apertium is left out for {} ({}); {} uses {}", pair, unavailable.get(), pair, String.join(", ", rest));
                }
            }
            targets.put(source, kept);
        }
        if (nynorsk != null) {
            if (nynorsk.startsWith("WAIT ")) LOG.warn("Nynorsk is on: {}", nynorsk.substring(5));
            else LOG.info("Nynorsk is on: {}", nynorsk);
        } else if (!nynorskDropped) {
            String installed = ApertiumProcess.locate("apertium").map(path -> "Apertium is installed (" + path
                    + "); set tolk.translate.targets.nb = en,nn to publish Nynorsk (docs/nynorsk.md)")
                    .orElse("Apertium is not installed (Debian packages apertium and apertium-nno-nob; docs/nynorsk.md)");
            LOG.info("Nynorsk is off: no Bokmål article is translated into nn (tolk.translate.targets.nb). {}", installed);
        }
        return new LanguagePlan(targets, chains);
    }

    /** "nb-nn uses apertium (the apertium program /usr/bin/apertium)", prefixed "WAIT " when the APy server is down now. */
    private static String onLine(TranslationEngines engines, String source, String target, List<String> chain) {
        String pair = source + "-" + target;
        if (engines == null) return pair + " uses " + String.join(", ", chain);
        String line = pair + " uses " + String.join(", ", chain) + " (apertium: " + engines.apertiumWhere() + ")";
        Optional<String> waiting = engines.apertiumWaiting(source, target);
        return waiting.map(why -> "WAIT " + line + ", which does not answer now (" + why + "); " + pair
                + " translations wait for it").orElse(line);
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
