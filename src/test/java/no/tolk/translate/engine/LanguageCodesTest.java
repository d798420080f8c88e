package no.tolk.translate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LanguageCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"nb", "nn", "no", "NB", "nb-NO", "nb_NO"})
    void norwegianMapsToEachServicesBokmalCode(String code) {
        assertThat(LanguageCodes.deeplSource(code)).isEqualTo("NB");
        assertThat(LanguageCodes.google(code)).isEqualTo("no");
        assertThat(LanguageCodes.azure(code)).isEqualTo("nb");
        assertThat(LanguageCodes.libreTranslate(code)).isEqualTo("nb");
        assertThat(LanguageCodes.deeplGlossary(code)).isEqualTo("nb");
    }

    @Test
    void englishIsEnExceptForDeepLTargetsWhichNeedAVariant() {
        assertThat(LanguageCodes.deeplSource("en")).isEqualTo("EN");
        assertThat(LanguageCodes.deeplTarget("en", "EN-GB")).isEqualTo("EN-GB");
        assertThat(LanguageCodes.deeplTarget("en", "en-us")).isEqualTo("EN-US");
        assertThat(LanguageCodes.deeplGlossary("en")).isEqualTo("en");
        assertThat(LanguageCodes.google("en")).isEqualTo("en");
        assertThat(LanguageCodes.azure("en")).isEqualTo("en");
        assertThat(LanguageCodes.libreTranslate("en")).isEqualTo("en");
        assertThat(LanguageCodes.name("en")).startsWith("English");
        assertThat(LanguageCodes.name("nb")).isEqualTo("Norwegian Bokmål");
    }

    @Test
    void markupKeepsPlaceholdersAndEscapesEverythingElse() {
        String text = "A&B <b> <x id=\"7\"/> \"q\"";

        String markup = InlineMarkup.escape(text);

        assertThat(markup).isEqualTo("A&amp;B &lt;b&gt; <x id=\"7\"/> \"q\"");
        assertThat(InlineMarkup.unescape(markup)).isEqualTo(text);
        assertThat(InlineMarkup.unescape("it&#39;s &#x263A; &quot;ok&quot;")).isEqualTo("it's \u263A \"ok\"");
        assertThat(InlineMarkup.hasPlaceholders("plain")).isFalse();
    }
}
