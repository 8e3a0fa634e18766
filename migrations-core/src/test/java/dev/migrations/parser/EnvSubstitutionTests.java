package dev.migrations.parser;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Checks that ENVSUB expansion follows goose's rules for references, defaults, required
 * values and escapes.
 */
class EnvSubstitutionTests {

	private static final Map<String, String> ENV = Map.of("REGION", "emea", "EMPTY", "", "WORD", "abcdef", "PRICE",
			"$5", "LONG_NAME_2", "ok");

	@Test
	void lineWithoutDollarSignIsReturnedAsIs() {
		assertThat(expand("SELECT 'no variables here';")).isEqualTo("SELECT 'no variables here';");
	}

	@Test
	void bareReferenceIsReplaced() {
		assertThat(expand("sales_$REGION")).isEqualTo("sales_emea");
	}

	@Test
	void bareReferenceEndsAtTheFirstCharacterThatCannotBeInAName() {
		assertThat(expand("$REGION.orders $LONG_NAME_2-x")).isEqualTo("emea.orders ok-x");
	}

	@Test
	void bracedReferenceIsReplaced() {
		assertThat(expand("${REGION}_sales")).isEqualTo("emea_sales");
	}

	@Test
	void adjacentReferencesAreAllReplaced() {
		assertThat(expand("$REGION$REGION${REGION}")).isEqualTo("emeaemeaemea");
	}

	@Test
	void unsetVariableExpandsToNothing() {
		assertThat(expand("[$MISSING][${MISSING}]")).isEqualTo("[][]");
	}

	@Test
	void valueIsInsertedLiterallyWithoutFurtherExpansion() {
		assertThat(expand("costs $PRICE")).isEqualTo("costs $5");
	}

	@Test
	void colonDashDefaultAppliesWhenUnsetOrEmpty() {
		assertThat(expand("${MISSING:-a} ${EMPTY:-b} ${REGION:-c}")).isEqualTo("a b emea");
	}

	@Test
	void dashDefaultAppliesOnlyWhenUnset() {
		assertThat(expand("[${MISSING-a}] [${EMPTY-b}] [${REGION-c}]")).isEqualTo("[a] [] [emea]");
	}

	@Test
	void defaultMayBeEmpty() {
		assertThat(expand("[${MISSING:-}]")).isEqualTo("[]");
	}

	@Test
	void defaultMayHoldReferencesAndSpaces() {
		assertThat(expand("${MISSING:-region $REGION or ${OTHER:-none}}")).isEqualTo("region emea or none");
	}

	@Test
	void questionMarkRequiresTheVariableToBeSet() {
		assertThat(expand("[${EMPTY?needed}] [${REGION?needed}]")).isEqualTo("[] [emea]");
		assertThatIllegalArgumentException().isThrownBy(() -> expand("${MISSING?set it in the shell}"))
			.withMessage("required variable MISSING is not set: set it in the shell");
	}

	@Test
	void colonQuestionMarkRequiresTheVariableToBeNonEmpty() {
		assertThat(expand("${REGION:?needed}")).isEqualTo("emea");
		assertThatIllegalArgumentException().isThrownBy(() -> expand("${EMPTY:?needed}"))
			.withMessage("required variable EMPTY is not set: needed");
		assertThatIllegalArgumentException().isThrownBy(() -> expand("${MISSING:?}"))
			.withMessage("required variable MISSING is not set");
	}

	@Test
	void requiredCheckInsideAnUnusedDefaultIsNotEvaluated() {
		assertThat(expand("${REGION:-${MISSING?boom}} ${REGION-${MISSING:?boom}}")).isEqualTo("emea emea");
	}

	@Test
	void requiredCheckInsideAUsedDefaultIsEvaluated() {
		assertThatIllegalArgumentException().isThrownBy(() -> expand("${EMPTY:-${MISSING?boom}}"))
			.withMessage("required variable MISSING is not set: boom");
	}

	@Test
	void offsetTakesTheRestOfTheValue() {
		assertThat(expand("${WORD:2}")).isEqualTo("cdef");
	}

	@Test
	void offsetAndLengthTakeASlice() {
		assertThat(expand("${WORD:1:3} ${WORD:4:100} ${WORD:0:0}")).isEqualTo("bcd ef ");
	}

	@Test
	void negativeOffsetWrittenWithASpaceCountsFromTheEnd() {
		assertThat(expand("${WORD: -2} ${WORD: -10}")).isEqualTo("ef abcdef");
	}

	@Test
	void offsetBeyondTheValueGivesNothing() {
		assertThat(expand("[${WORD:10}] [${MISSING:1}]")).isEqualTo("[] []");
	}

	@Test
	void offsetThatIsNotANumberIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> expand("${WORD:x}"))
			.withMessageContaining("expected a number in ${WORD:x}");
	}

	@Test
	void backslashDollarIsALiteralDollar() {
		assertThat(expand("\\$REGION \\${REGION}")).isEqualTo("$REGION ${REGION}");
	}

	@Test
	void doubleDollarIsALiteralDollar() {
		assertThat(expand("$$ LANGUAGE plpgsql; $$REGION")).isEqualTo("$ LANGUAGE plpgsql; $REGION");
	}

	@Test
	void doubleBackslashIsKeptAndDoesNotEscapeTheDollar() {
		assertThat(expand("a\\\\b \\\\$REGION")).isEqualTo("a\\\\b \\\\emea");
	}

	@Test
	void dollarBeforeParenthesisIsLiteral() {
		assertThat(expand("echo $(date)")).isEqualTo("echo $(date)");
	}

	@Test
	void dollarAtTheEndOfTheLineIsLiteral() {
		assertThat(expand("costs 5$")).isEqualTo("costs 5$");
	}

	@Test
	void dollarFollowedByADigitIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> expand("WHERE id = $1"))
			.withMessageContaining("expected a variable name after the '$' at column 12");
	}

	@Test
	void dollarFollowedByASpaceIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> expand("costs $ 5"))
			.withMessageContaining("write $$ or \\$ for a literal dollar sign");
	}

	@Test
	void emptyBracesAreAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> expand("${}"))
			.withMessageContaining("expected a variable name");
	}

	@Test
	void unclosedBraceIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> expand("${REGION"))
			.withMessageContaining("after ${REGION");
		assertThatIllegalArgumentException().isThrownBy(() -> expand("${REGION:-emea"))
			.withMessage("expected '}' to close ${REGION");
	}

	@Test
	void unknownOperatorIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> expand("${REGION+x}")).withMessageContaining("found '+'");
	}

	@Test
	void defaultsNestUpToSixtyFourLevels() {
		String nested = "${UNSET:-".repeat(64) + "deep" + "}".repeat(64);

		assertThat(expand(nested)).isEqualTo("deep");
	}

	@Test
	void deeperNestingIsAnErrorRatherThanAStackOverflow() {
		// A hostile line of nested defaults must fail as a parse error, not exhaust the
		// stack.
		String deep = "${UNSET:-".repeat(200_000) + "x" + "}".repeat(200_000);

		assertThatIllegalArgumentException().isThrownBy(() -> expand(deep))
			.withMessage("variable references nest deeper than 64 levels");
		assertThatIllegalArgumentException().isThrownBy(() -> expand("${UNSET?".repeat(65) + "}".repeat(65)))
			.withMessage("variable references nest deeper than 64 levels");
	}

	private static String expand(String line) {
		return EnvSubstitution.expand(line, ENV);
	}

}
