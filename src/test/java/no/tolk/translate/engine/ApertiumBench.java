package no.tolk.translate.engine;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.tolk.translate.ProtectedSegment;
import no.tolk.translate.TranslationRequest;
import no.tolk.translate.TranslationResult;
import no.tolk.translate.Translator;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Run by hand: {@code mvn -o -q test -Dtest=ApertiumBench -Dtolk.bench=true}. Translates the good samples
 * nb -> nn with the real Apertium, one request per article as the stage sends them, through the local program
 * (a process per article) and through APy (a warm pipeline); prints words/s for each and the share of words
 * Apertium marked as unknown (*), untranslated (@) or uninflected (#).
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "tolk.bench", matches = "true")
class ApertiumBench {

    @Test
    void throughputAndUnknownWordsOnTheSamples() throws Exception {
        ApertiumFixture.requireApy();
        List<ApertiumSamples.SampleArticle> articles = ApertiumSamples.load();
        long words = articles.stream().mapToLong(ApertiumSamples.SampleArticle::words).sum();
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.start();
        try (ApertiumFixture.Apy apy = new ApertiumFixture.Apy()) {
            Translator process = engine(camel, Map.of());
            Translator server = engine(camel, Map.of("tolk.translate.apertium.url", apy.url()));
            run("APy (warm-up)", server, articles, words);
            run("process", process, articles, words);
            run("APy", server, articles, words);
        } finally {
            camel.stop();
        }
    }

    private static Translator engine(DefaultCamelContext camel, Map<String, String> config) {
        return new TranslationEngines(camel, key -> Optional.ofNullable(config.get(key)), new Secrets(Map.of()),
                Clock.systemUTC(), duration -> { }).create("apertium");
    }

    private static void run(String label, Translator engine, List<ApertiumSamples.SampleArticle> articles, long words) throws Exception {
        long unknown = 0;
        long other = 0;
        long start = System.nanoTime();
        for (ApertiumSamples.SampleArticle article : articles) {
            TranslationResult result = engine.translate(new TranslationRequest("nb", "nn",
                    article.segments().stream().map(ProtectedSegment::segment).toList(), null, null));
            for (var finding : result.findings()) {
                long count = finding.message().chars().filter(c -> c == '\'').count() / 2;
                if (finding.check().equals("unknown-word")) unknown += count;
                else if (!finding.isError()) other += count;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("apertium %-14s %d articles, %d words in %.1f s: %.0f words/s; unknown %d (%.1f%%), untranslated/uninflected %d (%.1f%%)%n",
                label, articles.size(), words, seconds, words / seconds, unknown, 100.0 * unknown / words, other, 100.0 * other / words);
    }
}
