package dev.migrations.parser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Checks which lines goose would read as annotations and how each annotation line is
 * read.
 */
class GooseAnnotationTests {

	@ParameterizedTest
	@CsvSource(delimiterString = "=>",
			value = { "-- +goose Up => UP", "-- +goose Down => DOWN", "-- +goose StatementBegin => STATEMENT_BEGIN",
					"-- +goose StatementEnd => STATEMENT_END", "-- +goose NO TRANSACTION => NO_TRANSACTION",
					"-- +goose ENVSUB ON => ENVSUB_ON", "-- +goose ENVSUB OFF => ENVSUB_OFF" })
	void everyAnnotationGooseKnowsIsRead(String line, GooseAnnotation expected) {
		assertThat(GooseAnnotation.parse(line)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "=>",
			value = { "-- +goose up => UP", "-- +goose UP => UP", "-- +goose dOwN => DOWN",
					"-- +goose statementBegin => STATEMENT_BEGIN", "-- +goose STATEMENTEND => STATEMENT_END",
					"-- +goose no transaction => NO_TRANSACTION", "-- +goose envsub on => ENVSUB_ON",
					"-- +goose Envsub Off => ENVSUB_OFF" })
	void annotationIsMatchedWithoutRegardToCase(String line, GooseAnnotation expected) {
		assertThat(GooseAnnotation.parse(line)).isEqualTo(expected);
	}

	@Test
	void spacingAroundTheMarkerDoesNotMatter() {
		assertThat(GooseAnnotation.parse("--+goose Up")).isEqualTo(GooseAnnotation.UP);
		assertThat(GooseAnnotation.parse("--   +goose    Down   ")).isEqualTo(GooseAnnotation.DOWN);
		assertThat(GooseAnnotation.parse("-- +goose\tStatementEnd\t")).isEqualTo(GooseAnnotation.STATEMENT_END);
	}

	@ParameterizedTest
	@ValueSource(strings = { " -- +goose Up", "\t-- +goose Up", "    -- +goose StatementBegin" })
	void indentedAnnotationIsAnError(String line) {
		assertThatIllegalArgumentException().isThrownBy(() -> GooseAnnotation.parse(line))
			.withMessageContaining("must start at the beginning of the line");
	}

	@Test
	void lineWithTwoMarkersIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> GooseAnnotation.parse("-- +goose Up +goose Down"))
			.withMessage("line holds more than one '+goose' annotation");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-- +goose", "-- +goose   ", "--+goose" })
	void markerWithoutAnAnnotationIsAnError(String line) {
		assertThatIllegalArgumentException().isThrownBy(() -> GooseAnnotation.parse(line))
			.withMessage("empty '-- +goose' annotation");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-- +goose Sideways", "-- +goose Upp", "-- +goose NO TRANSACTIONS", "-- +goose ENVSUB",
			"-- +goose Up -- and a remark" })
	void unknownAnnotationIsAnErrorThatListsTheKnownOnes(String line) {
		assertThatIllegalArgumentException().isThrownBy(() -> GooseAnnotation.parse(line))
			.withMessageStartingWith("unknown annotation '-- +goose ")
			.withMessageContaining("goose knows Up, Down, StatementBegin, StatementEnd, NO TRANSACTION,"
					+ " ENVSUB ON and ENVSUB OFF");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-- +goose Up", "--+goose Down", "  -- +goose Up", "\t-- +goose Sideways",
			"-- see the +goose docs", "---- +goose" })
	void commentLineMentioningTheMarkerIsACandidate(String line) {
		assertThat(GooseAnnotation.isCandidate(line)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "-- a plain comment", "SELECT 1; -- +goose Up", "SELECT '+goose';", "/* +goose Up */",
			"- +goose Up" })
	void otherLinesAreNotCandidates(String line) {
		assertThat(GooseAnnotation.isCandidate(line)).isFalse();
	}

	@Test
	void annotationPrintsAsItIsWritten() {
		assertThat(GooseAnnotation.NO_TRANSACTION).hasToString("'-- +goose NO TRANSACTION'");
		assertThat(GooseAnnotation.STATEMENT_BEGIN).hasToString("'-- +goose StatementBegin'");
	}

}
