package dev.changebot.domain.change;

import static dev.changebot.domain.change.ChangeFixtures.NOW;
import static dev.changebot.domain.change.ChangeFixtures.details;
import static dev.changebot.domain.change.ChangeFixtures.detailsLasting;
import static dev.changebot.domain.change.ChangeFixtures.detailsStartingAt;
import static dev.changebot.domain.change.ChangeFixtures.detailsTitled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.policy.PolicyFixtures;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The rules for a change request")
class ChangeDetailsRulesTest {

    static final String BLANK = "  \t ";

    @Test
    @DisplayName("find nothing wrong with a complete request")
    void completeDetailsHaveNoProblems() {
        assertThat(ChangeDetailsRules.problemsWith(details(), PolicyFixtures.COMMON_FIELDS, NOW)).isEmpty();
    }

    @Test
    @DisplayName("do not ask for a justification")
    void justificationIsOptional() {
        var d = details();
        var withoutJustification = new ChangeDetails(d.title(), d.description(), null, d.systemsAffected(),
                d.environment(), d.risk(), d.implementationPlan(), d.rollbackPlan(), d.testingEvidence(),
                d.proposedStart(), d.expectedDuration());

        assertThat(ChangeDetailsRules.problemsWith(withoutJustification, PolicyFixtures.COMMON_FIELDS, NOW)).isEmpty();
    }

    static Stream<Arguments> missingFields() {
        return Stream.of(
                Arguments.of(ChangeField.TITLE, BLANK), Arguments.of(ChangeField.TITLE, null),
                Arguments.of(ChangeField.DESCRIPTION, BLANK), Arguments.of(ChangeField.DESCRIPTION, null),
                Arguments.of(ChangeField.SYSTEMS_AFFECTED, BLANK), Arguments.of(ChangeField.SYSTEMS_AFFECTED, null),
                Arguments.of(ChangeField.ENVIRONMENT, BLANK), Arguments.of(ChangeField.ENVIRONMENT, null),
                Arguments.of(ChangeField.RISK, null),
                Arguments.of(ChangeField.IMPLEMENTATION_PLAN, BLANK),
                Arguments.of(ChangeField.IMPLEMENTATION_PLAN, null),
                Arguments.of(ChangeField.ROLLBACK_PLAN, BLANK), Arguments.of(ChangeField.ROLLBACK_PLAN, null),
                Arguments.of(ChangeField.TESTING_EVIDENCE, BLANK), Arguments.of(ChangeField.TESTING_EVIDENCE, null),
                Arguments.of(ChangeField.PROPOSED_START, null),
                Arguments.of(ChangeField.EXPECTED_DURATION, null));
    }

    @ParameterizedTest(name = "{0} given as \"{1}\"")
    @MethodSource("missingFields")
    @DisplayName("point at exactly the field that is missing")
    void eachMissingFieldIsOneProblemOnThatField(ChangeField field, String value) {
        var problems = ChangeDetailsRules.problemsWith(with(field, value), PolicyFixtures.COMMON_FIELDS, NOW);

        assertThat(problems).singleElement()
                .satisfies(problem -> assertThat(problem.field()).isEqualTo(field))
                .satisfies(problem -> assertThat(problem.message()).isNotBlank());
    }

    @Test
    @DisplayName("report every problem at once, so the requester fixes them in one go")
    void reportsAllProblemsAtOnce() {
        var empty = new ChangeDetails(null, "", null, " ", null, null, null, "", null, null, null);

        var problems = ChangeDetailsRules.problemsWith(empty, PolicyFixtures.COMMON_FIELDS, NOW);

        assertThat(problems).extracting(FieldProblem::field).containsExactly(
                ChangeField.TITLE, ChangeField.DESCRIPTION, ChangeField.SYSTEMS_AFFECTED, ChangeField.ENVIRONMENT,
                ChangeField.RISK, ChangeField.IMPLEMENTATION_PLAN, ChangeField.ROLLBACK_PLAN,
                ChangeField.TESTING_EVIDENCE, ChangeField.PROPOSED_START, ChangeField.EXPECTED_DURATION);
    }

    @Test
    @DisplayName("refuse a start more than a minute in the past")
    void refuseAStartInThePast() {
        var problems = ChangeDetailsRules.problemsWith(detailsStartingAt(NOW.minusSeconds(61)), PolicyFixtures.COMMON_FIELDS, NOW);

        assertThat(problems).extracting(FieldProblem::field).containsExactly(ChangeField.PROPOSED_START);
        assertThat(problems.get(0).message()).contains("in the past");
    }

    @ParameterizedTest(name = "{0} s ago")
    @ValueSource(ints = {0, 30, 60})
    @DisplayName("accept a start picked as \"now\" that is already seconds old on submit")
    void acceptAStartWithinTheGrace(int secondsAgo) {
        assertThat(ChangeDetailsRules.problemsWith(detailsStartingAt(NOW.minusSeconds(secondsAgo)), PolicyFixtures.COMMON_FIELDS, NOW)).isEmpty();
    }

    @ParameterizedTest(name = "{0} min")
    @ValueSource(longs = {0, -1, -60})
    @DisplayName("refuse a duration that is not positive")
    void refuseANonPositiveDuration(long minutes) {
        var problems = ChangeDetailsRules.problemsWith(detailsLasting(Duration.ofMinutes(minutes)), PolicyFixtures.COMMON_FIELDS, NOW);

        assertThat(problems).extracting(FieldProblem::field).containsExactly(ChangeField.EXPECTED_DURATION);
        assertThat(problems.get(0).message()).contains("at least one minute");
    }

    @Test
    @DisplayName("refuse a duration under a minute")
    void refuseASecondsLongDuration() {
        var problems = ChangeDetailsRules.problemsWith(detailsLasting(Duration.ofSeconds(30)), PolicyFixtures.COMMON_FIELDS, NOW);

        assertThat(problems).extracting(FieldProblem::field).containsExactly(ChangeField.EXPECTED_DURATION);
    }

    @Test
    @DisplayName("refuse a duration over 30 days")
    void refuseAnOverlongDuration() {
        var problems = ChangeDetailsRules.problemsWith(detailsLasting(Duration.ofDays(30).plusMinutes(1)), PolicyFixtures.COMMON_FIELDS, NOW);

        assertThat(problems).extracting(FieldProblem::field).containsExactly(ChangeField.EXPECTED_DURATION);
        assertThat(problems.get(0).message()).contains("30 days");
    }

    @Test
    @DisplayName("accept a duration of exactly 30 days")
    void acceptThirtyDays() {
        assertThat(ChangeDetailsRules.problemsWith(detailsLasting(Duration.ofDays(30)), PolicyFixtures.COMMON_FIELDS, NOW)).isEmpty();
    }

    @Test
    @DisplayName("refuse a title over 150 characters")
    void refuseALongTitle() {
        var problems = ChangeDetailsRules.problemsWith(detailsTitled("x".repeat(151)), PolicyFixtures.COMMON_FIELDS, NOW);

        assertThat(problems).extracting(FieldProblem::field).containsExactly(ChangeField.TITLE);
        assertThat(problems.get(0).message()).contains("150");
    }

    @Test
    @DisplayName("accept a title of 150 characters, not counting surrounding spaces")
    void acceptATitleOfTheLimit() {
        assertThat(ChangeDetailsRules.problemsWith(detailsTitled("  " + "x".repeat(150) + "  "), PolicyFixtures.COMMON_FIELDS, NOW)).isEmpty();
    }

    @Test
    @DisplayName("accept a title of 150 emoji: the form's max_length lets them through, so the rules take them")
    void acceptATitleOfEmojiUpToTheLimit() {
        assertThat(ChangeDetailsRules.problemsWith(detailsTitled("😀".repeat(150)), PolicyFixtures.COMMON_FIELDS, NOW)).isEmpty();
        assertThat(ChangeDetailsRules.problemsWith(detailsTitled("😀".repeat(151)), PolicyFixtures.COMMON_FIELDS, NOW))
                .extracting(FieldProblem::field).containsExactly(ChangeField.TITLE);
    }

    @Test
    void problemsCannotBeAddedToAfterwards() {
        List<FieldProblem> problems = ChangeDetailsRules.problemsWith(detailsTitled(null), PolicyFixtures.COMMON_FIELDS, NOW);

        assertThat(problems).isUnmodifiable();
    }

    /** The complete details with one field replaced by a missing value. */
    private static ChangeDetails with(ChangeField field, String missing) {
        var d = details();
        return new ChangeDetails(
                field == ChangeField.TITLE ? missing : d.title(),
                field == ChangeField.DESCRIPTION ? missing : d.description(),
                d.justification(),
                field == ChangeField.SYSTEMS_AFFECTED ? missing : d.systemsAffected(),
                field == ChangeField.ENVIRONMENT ? missing : d.environment(),
                field == ChangeField.RISK ? null : d.risk(),
                field == ChangeField.IMPLEMENTATION_PLAN ? missing : d.implementationPlan(),
                field == ChangeField.ROLLBACK_PLAN ? missing : d.rollbackPlan(),
                field == ChangeField.TESTING_EVIDENCE ? missing : d.testingEvidence(),
                field == ChangeField.PROPOSED_START ? null : d.proposedStart(),
                field == ChangeField.EXPECTED_DURATION ? null : d.expectedDuration());
    }
}
