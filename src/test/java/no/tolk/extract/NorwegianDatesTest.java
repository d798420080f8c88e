package no.tolk.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NorwegianDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "13. mai 2024|2024-05-13",
            "5. april 2019|2019-04-05",
            "05.04.2019|2019-04-05",
            "26.12.2018|2018-12-26",
            "1. des. 2023 kl. 10.15|2023-12-01",
            "onsdag 3. januar 2024|2024-01-03",
            "2024-05-13T08:30:00+02:00|2024-05-13",
            "2024-05-13|2024-05-13",
            "17. Oktober 2022|2022-10-17"})
    void parsesNorwegianForms(String text, LocalDate expected) {
        assertThat(NorwegianDates.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "i morgen", "31. februar 2024", "13. maj 2024x", "kl. 10.15"})
    void rejectsWhatIsNotADate(String text) {
        assertThat(NorwegianDates.parse(text)).isEmpty();
    }
}
