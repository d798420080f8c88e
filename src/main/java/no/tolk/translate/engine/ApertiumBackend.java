package no.tolk.translate.engine;

import java.util.Set;
import no.tolk.translate.TranslationException;

/**
 * Where Apertium runs: the local {@code apertium} program ({@link ApertiumProcess}) or an Apertium APy
 * server ({@link ApertiumApy}). Both translate HTML (Apertium's {@code html-noent} format: tags pass
 * through untouched, entities stay entities, other characters stay as they are) and keep Apertium's
 * unknown-word marks, which {@link ApertiumMarks} reads.
 */
public interface ApertiumBackend {

    /**
     * @param mode Apertium's name of a translation direction, e.g. {@code nob-nno}
     * @param html an HTML fragment (UTF-8 text)
     * @return the fragment translated, tags in place, marks kept
     * @throws no.tolk.translate.EngineUnavailableException the program or server failed or timed out
     * @throws no.tolk.translate.EngineRejectedException the mode is not installed
     */
    String translate(String mode, String html) throws TranslationException;

    /** The installed translation directions ({@code apertium -l}, APy's {@code /listPairs}), e.g. {@code nob-nno}. */
    Set<String> modes() throws TranslationException;

    /** Where it runs, for log lines: "apertium program /usr/bin/apertium" or "Apertium APy at http://...". */
    String describe();
}
