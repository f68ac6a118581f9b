package dev.changebot.domain.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A change id")
class ChangeIdTest {

    @ParameterizedTest(name = "\"{0}\" reads as change {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "CHG-12|12",
            "chg-3|3",
            " CHG-7 |7"
    })
    @DisplayName("is read in any case, around surrounding spaces")
    void readsTheUsualSpellings(String text, long number) {
        assertThat(ChangeId.parse(text)).contains(new ChangeId(number));
    }

    @ParameterizedTest(name = "\"{0}\" is not a change id")
    @ValueSource(strings = {"CHG-0", "CHG-", "CHG-x", "12", "CHG-1 extra", "", "   "})
    @NullSource
    @DisplayName("is not read from anything else")
    void refusesAnythingElse(String text) {
        assertThat(ChangeId.parse(text)).isEmpty();
    }

    @Test
    void showsAsTheTeamWritesIt() {
        assertThat(new ChangeId(5)).hasToString("CHG-5");
    }

    @Test
    void readsBackWhatItShows() {
        var id = new ChangeId(42);

        assertThat(ChangeId.parse(id.toString())).contains(id);
    }

    @Test
    @DisplayName("numbers start at 1: there is no CHG-0")
    void refusesNumberZero() {
        assertThatThrownBy(() -> new ChangeId(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNegativeNumbers() {
        assertThatThrownBy(() -> new ChangeId(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
