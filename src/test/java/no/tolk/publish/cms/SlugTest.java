package no.tolk.publish.cms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugTest {

    @Test
    void spellsOutNorwegianLettersAndLowerCases() {
        assertThat(Slug.of("Blåbær på Røros")).isEqualTo("blabaer-pa-roros");
        assertThat(Slug.of("ÆRLIG ØL ÅPNER")).isEqualTo("aerlig-ol-apner");
    }

    @Test
    void joinsWordsWithSingleHyphensAndDropsPunctuation() {
        assertThat(Slug.of("  «Hva nå?» – spør Stortinget!  ")).isEqualTo("hva-na-spor-stortinget");
        assertThat(Slug.of("Kl. 12:30: 5 % økning")).isEqualTo("kl-12-30-5-okning");
    }

    @Test
    void stripsOtherAccents() {
        assertThat(Slug.of("Café Müller à Señor")).isEqualTo("cafe-muller-a-senor");
    }

    @Test
    void cutsLongTitlesAtAWordBoundary() {
        String slug = Slug.of("Dette er en svært lang tittel som fortsetter og fortsetter langt forbi det noen vil lese i en adresse");
        assertThat(slug).hasSizeLessThanOrEqualTo(Slug.MAX_LENGTH).doesNotEndWith("-");
        assertThat(slug).startsWith("dette-er-en-svaert-lang-tittel");
        assertThat(Slug.isValid(slug)).isTrue();
    }

    @Test
    void titleWithoutLettersGetsAFallback() {
        assertThat(Slug.of("!!! ???")).isEqualTo("artikkel");
        assertThat(Slug.of(null)).isEqualTo("artikkel");
    }

    @Test
    void validatesStoredSlugs() {
        assertThat(Slug.isValid("blabaer-pa-roros")).isTrue();
        assertThat(Slug.isValid("../etc/passwd")).isFalse();
        assertThat(Slug.isValid("Upper")).isFalse();
        assertThat(Slug.isValid("")).isFalse();
    }
}
