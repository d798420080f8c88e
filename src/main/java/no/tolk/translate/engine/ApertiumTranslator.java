package no.tolk.translate.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tolk.translate.EngineCapabilities;
import no.tolk.translate.EngineRejectedException;
import no.tolk.translate.EngineUnavailableException;
import no.tolk.translate.QaFinding;
import no.tolk.translate.Segment;
import no.tolk.translate.TranslationException;
import no.tolk.translate.TranslationRequest;
import no.tolk.translate.TranslationResult;
import no.tolk.translate.Translator;
import no.tolk.translate.Usage;

/**
 * Apertium, the free rule-based engine, for Bokmål to Nynorsk and back (language pair {@code apertium-nno-nob}),
 * offline through the local program or an APy server ({@link ApertiumBackend}). Bills nothing.
 *
 * <p>Each batch goes as one HTML fragment, one {@code <div id="tN">} per segment: Apertium's HTML format
 * passes tags through, so inline placeholders ({@code <x id="1"/>}) and the segment boundaries survive, and
 * the segments are read back by their ids. Apertium's marks ({@link ApertiumMarks}) are removed from the
 * text and reported as QA warnings on their segments; when more than {@code reviewPercent} of the words in
 * a request are marked, an error sends the article to review.
 */
public final class ApertiumTranslator implements Translator {

    public static final String NAME = "apertium";
    /** Tolk's ISO 639-1 codes to Apertium's ISO 639-3 ones ("no", older data, is Bokmål). */
    private static final Map<String, String> CODES = Map.of("nb", "nob", "no", "nob", "nn", "nno");
    private static final Pattern UNIT = Pattern.compile("<div id=\"t(\\d+)\">(.*?)</div>", Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern PLACEHOLDER = Pattern.compile("<x\\s+id=\"[^\"<>]*\"\\s*/>");

    private final ApertiumBackend backend;
    private final Map<String, String> modes;
    private final int maxSegments;
    private final int maxBytes;
    private final int reviewPercent;

    /**
     * @param modes         language pair ({@code nb-nn}) to Apertium mode ({@code nob-nno}, or {@code nob-nno_e} for
     *                      e-infinitives); pairs not listed use {@code <src3>-<tgt3>}
     * @param maxSegments   segments per call (one process or one APy request)
     * @param maxBytes      UTF-8 bytes of text per call
     * @param reviewPercent words Apertium could not handle, in percent of a request's words, above which the
     *                      translation gets an error and goes to review
     */
    public ApertiumTranslator(ApertiumBackend backend, Map<String, String> modes, int maxSegments, int maxBytes,
                              int reviewPercent) {
        this.backend = backend;
        this.modes = Map.copyOf(modes);
        this.maxSegments = maxSegments;
        this.maxBytes = maxBytes;
        this.reviewPercent = reviewPercent;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(maxSegments, maxBytes, false, true);
    }

    public ApertiumBackend backend() {
        return backend;
    }

    /** The Apertium mode for a pair of ISO 639-1 codes, e.g. nb, nn -> nob-nno; empty for a pair Apertium is not set up for here. */
    public Optional<String> mode(String source, String target) {
        String from = CODES.get(source.toLowerCase(Locale.ROOT));
        String to = CODES.get(target.toLowerCase(Locale.ROOT));
        if (from == null || to == null || from.equals(to)) return Optional.empty();
        String pair = (source.equals("no") ? "nb" : source) + "-" + target;
        return Optional.of(modes.getOrDefault(pair.toLowerCase(Locale.ROOT), from + "-" + to));
    }

    @Override
    public TranslationResult translate(TranslationRequest request) throws TranslationException {
        String mode = mode(request.sourceLanguage(), request.targetLanguage()).orElseThrow(() -> new EngineRejectedException(
                "apertium is set up here for Bokmål and Nynorsk only (nb-nn, nn-nb), not " + request.sourceLanguage()
                        + "-" + request.targetLanguage() + "; choose another engine for that pair (tolk.translate.engine."
                        + request.sourceLanguage() + "-" + request.targetLanguage() + ")"));
        List<Segment> escaped = request.segments().stream()
                .map(segment -> new Segment(segment.id(), InlineMarkup.escape(segment.text()))).toList();
        List<List<Segment>> batches = SegmentBatches.split(NAME, escaped, maxSegments, maxBytes);
        Map<String, String> sources = new LinkedHashMap<>();
        request.segments().forEach(segment -> sources.put(segment.id(), segment.text()));
        List<Segment> translated = new ArrayList<>();
        List<QaFinding> findings = new ArrayList<>();
        long words = 0;
        long marked = 0;
        List<String> markedWords = new ArrayList<>();
        for (List<Segment> batch : batches) {
            List<String> texts = units(backend.translate(mode, fragment(batch)), batch.size());
            for (int i = 0; i < batch.size(); i++) {
                String id = batch.get(i).id();
                String source = sources.get(id);
                ApertiumMarks.Stripped stripped = ApertiumMarks.strip(source, InlineMarkup.unescape(texts.get(i)).strip());
                translated.add(new Segment(id, stripped.text()));
                findings.addAll(warnings(id, request.targetLanguage(), stripped));
                words += words(source);
                marked += stripped.marks().size();
                stripped.marks().forEach(mark -> markedWords.add(mark.word()));
            }
        }
        if (words > 0 && marked * 100 > reviewPercent * words) {
            findings.add(new QaFinding(QaFinding.ERROR, "unknown-words", "Apertium could not handle " + marked + " of "
                    + words + " words (" + Math.round(marked * 100.0 / words) + "%, more than the " + reviewPercent
                    + "% allowed by tolk.translate.apertium.review-percent): " + String.join(", ", markedWords.stream().distinct().limit(20).toList())
                    + "; a person checks the translation"));
        }
        return new TranslationResult(translated, new Usage(NAME, mode, 0, batches.size()), Map.of(), findings);
    }

    private static String fragment(List<Segment> batch) {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < batch.size(); i++) {
            html.append("<div id=\"t").append(i).append("\">").append(batch.get(i).text()).append("</div>\n");
        }
        return html.toString();
    }

    private static List<String> units(String html, int expected) throws EngineUnavailableException {
        String[] texts = new String[expected];
        Matcher matcher = UNIT.matcher(html);
        int found = 0;
        while (matcher.find()) {
            int index = Integer.parseInt(matcher.group(1));
            if (index < expected && texts[index] == null) {
                texts[index] = matcher.group(2);
                found++;
            }
        }
        if (found != expected) {
            throw new EngineUnavailableException("apertium returned " + found + " of " + expected + " segments intact");
        }
        return List.of(texts);
    }

    private static List<QaFinding> warnings(String id, String target, ApertiumMarks.Stripped stripped) {
        List<QaFinding> findings = new ArrayList<>();
        for (ApertiumMarks.Kind kind : ApertiumMarks.Kind.values()) {
            List<String> words = stripped.marks().stream().filter(mark -> mark.kind() == kind).map(ApertiumMarks.Mark::word)
                    .distinct().toList();
            if (words.isEmpty()) continue;
            String quoted = "'" + String.join("', '", words) + "'";
            String message = switch (kind) {
                case UNKNOWN -> id + ": Apertium does not know " + quoted + " (left as written)";
                case UNTRANSLATED -> id + ": Apertium has no '" + target + "' translation for " + quoted + " (left as written)";
                case UNGENERATED -> id + ": Apertium could not inflect " + quoted + " (base form written)";
            };
            String check = switch (kind) {
                case UNKNOWN -> "unknown-word";
                case UNTRANSLATED -> "untranslated-word";
                case UNGENERATED -> "uninflected-word";
            };
            findings.add(new QaFinding(QaFinding.WARNING, check, message));
        }
        return findings;
    }

    private static long words(String text) {
        return WORD.matcher(PLACEHOLDER.matcher(text).replaceAll(" ")).results().count();
    }
}
