package no.tolk.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import no.tolk.article.Article;
import no.tolk.article.ArticleState;
import no.tolk.article.Block;
import no.tolk.article.BlockType;
import no.tolk.translate.StageHarness.Articles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three languages in the translation stage with the real Apertium: a Bokmål article gets English (DeepL stub)
 * and Nynorsk (Apertium, glossary nb-nn); a Nynorsk article keeps nn as its source language in the engines,
 * the XLIFF file and the translation memory, and gets Bokmål from Apertium.
 */
class NynorskTranslationStageTest {

    @TempDir
    Path home;
    StageHarness harness;

    @BeforeEach
    void start() {
        harness = new StageHarness(home);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aBokmalArticleGetsEnglishFromDeepLAndNynorskFromApertiumWithThePairsGlossary() throws Exception {
        ApertiumAvailable.require();
        harness.deeplTranslates();
        Files.createDirectories(home.resolve("glossary"));
        Files.writeString(home.resolve("glossary/nb-nn.tsv"), "# term\tNynorsk\nklyngeavtale\tklyngeavtale\n");
        Article article = harness.extracted(Articles.article());

        harness.stage("deepl", Map.of(), Map.of("nb", List.of("en", "nn")), Map.of("nb-nn", List.of("apertium"))).runPending();

        assertThat(harness.state(article.id())).isEqualTo(ArticleState.TRANSLATED);
        Translation english = harness.translations.find(article.id(), 1, "en").orElseThrow();
        assertThat(english.engine()).isEqualTo("deepl");
        Translation nynorsk = harness.translations.find(article.id(), 1, "nn").orElseThrow();
        assertThat(nynorsk.engine()).isEqualTo("apertium");
        assertThat(nynorsk.qa()).noneMatch(QaFinding::isError);
        assertThat(nynorsk.article().language()).isEqualTo("nn");
        assertThat(nynorsk.article().title()).isEqualTo("Ny klyngeavtale sikrar vekst i Innlandet");
        assertThat(nynorsk.article().lead()).isEqualTo("Tolv bedrifter har signert ein avtale om felles innkjøp av fornybar energi.");
        assertThat(nynorsk.article().blocks()).extracting(Block::text).containsExactly(
                "Avtalen vart signert på Hamar 3. mars 2025 etter nesten eitt års forhandlingar.",
                "Innovasjon Norge støtter næringsklyngja med 2,5 millionar kroner i år.",
                "– Konkurransekraft kan ikkje kjøpast, ho må byggjast saman, seier ho.",
                "Ingrid Berg og Ola Dahl signerte avtalen.",
                "Les meir om klyngjeprogrammet på https://www.example.no/klynger.");
        LocalDate today = LocalDate.ofInstant(harness.clock.instant(), ZoneOffset.UTC);
        assertThat(harness.translations.billedCharacters(today, today)).containsEntry("apertium", 0L);
        assertThat(harness.billedToday()).isPositive();
    }

    @Test
    void aNynorskArticleKeepsNnAsItsSourceInXliffAndMemoryAndGetsBokmalFromApertium() throws Exception {
        ApertiumAvailable.require();
        Article article = harness.extracted(new Article(null, 0, "klyngeavtale-nn.txt", "nn",
                "Ny klyngeavtale sikrar vekst i Innlandet",
                "Tolv verksemder har signert ein avtale om felles innkjøp av fornybar energi.", "Ingrid Berg",
                LocalDate.of(2025, 3, 3), null, List.of(), List.of(), List.of(
                new Block(BlockType.PARAGRAPH, "Avtalen vart signert på Hamar 3. mars 2025 etter nesten eitt års forhandlingar."),
                new Block(BlockType.QUOTE, "– Eg veit ikkje kva dei meiner om det, seier ho."))));

        harness.stage("xliff", Map.of(), Map.of("nn", List.of("en", "nb")), Map.of("nn-nb", List.of("apertium"))).runPending();

        Translation bokmal = harness.translations.find(article.id(), 1, "nb").orElseThrow();
        assertThat(bokmal.engine()).isEqualTo("apertium");
        assertThat(bokmal.article().title()).isEqualTo("Ny klyngeavtale sikrer vekst i Innlandet");
        assertThat(bokmal.article().lead()).isEqualTo("Tolv virksomheter har signert en avtale om felles innkjøp av fornybar energi.");
        assertThat(bokmal.article().blocks()).extracting(Block::text).containsExactly(
                "Avtalen ble signert på Hamar 3. mars 2025 etter nesten et års forhandlinger.",
                "– Jeg vet ikke hva de mener om det, sier hun.");
        assertThat(harness.translations.find(article.id(), 1, "nn")).isEmpty();
        Path xliff = home.resolve("translations/outbox");
        try (var files = Files.list(xliff)) {
            Path file = files.filter(f -> f.getFileName().toString().endsWith("-nn-en.xlf")).findFirst().orElseThrow();
            assertThat(Files.readString(file)).contains("source-language=\"nn\"").contains("target-language=\"en\"");
        }
        assertThat(harness.state(article.id())).isEqualTo(ArticleState.AWAITING_TRANSLATION);
        String titleHash = TranslationStage.hash("Ny klyngeavtale sikrar vekst i Innlandet");
        assertThat(harness.translations.remembered(List.of(titleHash), "nn", "nb"))
                .containsEntry(titleHash, "Ny klyngeavtale sikrer vekst i Innlandet");
        assertThat(harness.translations.remembered(List.of(titleHash), "nb", "nb")).isEmpty();
    }
}
