package no.tolk.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnglishTypographyTest {

    @Test
    void dialogueDashWithAttributionAfterTheQuoteBecomesQuotationMarks() {
        assertThat(EnglishTypography.apply("– Competitiveness cannot be bought …, she says."))
                .isEqualTo("“Competitiveness cannot be bought …,” she says.");
    }

    @Test
    void attributionWithTitleAndNameAfterCommasInsideTheQuote() {
        assertThat(EnglishTypography.apply("– We signed, and we will grow, says general manager Ola Dahl."))
                .isEqualTo("“We signed, and we will grow,” says general manager Ola Dahl.");
    }

    @Test
    void questionAndExclamationMarksStayInsideTheQuote() {
        assertThat(EnglishTypography.apply("– Why now? she asks.")).isEqualTo("“Why now?” she asks.");
        assertThat(EnglishTypography.apply("– This is big! said Kari Nordmann.")).isEqualTo("“This is big!” said Kari Nordmann.");
    }

    @Test
    void dialogueWithoutAttributionIsQuotedWhole() {
        assertThat(EnglishTypography.apply("- We are ready for the next step.")).isEqualTo("“We are ready for the next step.”");
    }

    @Test
    void guillemetsBecomeCurlyQuotesAndOrdinaryDashesStay() {
        assertThat(EnglishTypography.apply("The report «Growth in Innlandet» came out 2020–2024."))
                .isEqualTo("The report “Growth in Innlandet” came out 2020–2024.");
        assertThat(EnglishTypography.apply("Prices rose – again.")).isEqualTo("Prices rose – again.");
    }
}
