package no.tolk.translate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the translation stage works: target languages, engines in the order tried, monthly budgets in
 * billed characters per engine (0 or missing = unlimited), how long a quota-exhausted article waits,
 * and the home's glossary folder (files there replace the shipped ones).
 */
public record TranslationSettings(List<String> targetLanguages, List<String> engineChain, Map<String, Long> monthlyBudgets,
                                  Duration quotaRetry, Path glossaryFolder) {

    public TranslationSettings {
        targetLanguages = List.copyOf(targetLanguages);
        engineChain = List.copyOf(engineChain);
        monthlyBudgets = Map.copyOf(monthlyBudgets);
        if (engineChain.isEmpty()) throw new IllegalArgumentException("tolk.translate.engine names no engine");
        if (targetLanguages.isEmpty()) throw new IllegalArgumentException("tolk.translate.target-languages names no language");
    }

    public long budget(String engine) {
        return monthlyBudgets.getOrDefault(engine, 0L);
    }
}
