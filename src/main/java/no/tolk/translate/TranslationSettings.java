package no.tolk.translate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the translation stage works: target languages, engines in the order tried, monthly budgets in
 * billed characters per engine (0 or missing = unlimited), how long a quota-exhausted article waits,
 * and the home's glossary folder (files there replace the shipped ones).
 *
 * <p>Per article language and per language pair the defaults can be overridden: {@code targetsBySource}
 * (source language -> its target languages, {@code tolk.translate.targets.nn = en,nb}) and {@code chainsByPair}
 * ({@code nb-nn} -> engines in order, {@code tolk.translate.engine.nb-nn = apertium}). A source or pair not
 * listed uses {@code targetLanguages} and {@code engineChain}.
 */
public record TranslationSettings(List<String> targetLanguages, List<String> engineChain, Map<String, Long> monthlyBudgets,
                                  Duration quotaRetry, Path glossaryFolder, Map<String, List<String>> targetsBySource,
                                  Map<String, List<String>> chainsByPair) {

    public TranslationSettings {
        targetLanguages = List.copyOf(targetLanguages);
        engineChain = List.copyOf(engineChain);
        monthlyBudgets = Map.copyOf(monthlyBudgets);
        targetsBySource = copy(targetsBySource);
        chainsByPair = copy(chainsByPair);
        if (engineChain.isEmpty()) throw new IllegalArgumentException("tolk.translate.engine names no engine");
        if (targetLanguages.isEmpty()) throw new IllegalArgumentException("tolk.translate.target-languages names no language");
        chainsByPair.forEach((pair, chain) -> {
            if (chain.isEmpty()) throw new IllegalArgumentException("tolk.translate.engine." + pair + " names no engine");
        });
    }

    /** The same targets and engines for every article language and pair. */
    public TranslationSettings(List<String> targetLanguages, List<String> engineChain, Map<String, Long> monthlyBudgets,
                               Duration quotaRetry, Path glossaryFolder) {
        this(targetLanguages, engineChain, monthlyBudgets, quotaRetry, glossaryFolder, Map.of(), Map.of());
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> byKey) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (byKey != null) byKey.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        return Map.copyOf(copy);
    }

    public long budget(String engine) {
        return monthlyBudgets.getOrDefault(engine, 0L);
    }

    /** Target languages of an article in {@code source} (ISO 639-1), the source itself left out. */
    public List<String> targetsFor(String source) {
        return targetsBySource.getOrDefault(source, targetLanguages).stream().filter(target -> !target.equals(source)).toList();
    }

    /** Engines tried in order for {@code source} to {@code target}. */
    public List<String> engineChain(String source, String target) {
        return chainsByPair.getOrDefault(source + "-" + target, engineChain);
    }

    /** Every engine some pair may use, default chain first. */
    public List<String> allEngines() {
        List<String> all = new ArrayList<>(engineChain);
        chainsByPair.values().forEach(chain -> chain.stream().filter(name -> !all.contains(name)).forEach(all::add));
        return all;
    }
}
