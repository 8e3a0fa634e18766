package dev.migrations.parser;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.migrations.MigrationParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Checks that migration bytes decode as strict UTF-8 with the byte order mark and CRLF
 * line ends normalized.
 */
class SourceTextTests {

	private static final String FILE = "db/0001_init.sql";

	@Test
	void plainAsciiIsUnchanged() {
		assertThat(decode(utf8("SELECT 1;\nSELECT 2;\n"))).isEqualTo("SELECT 1;\nSELECT 2;\n");
	}

	@Test
	void emptyContentGivesEmptyText() {
		assertThat(decode(new byte[0])).isEmpty();
	}

	@Test
	void byteOrderMarkIsDropped() {
		assertThat(decode(bytes(0xEF, 0xBB, 0xBF, 'S', 'E', 'L'))).isEqualTo("SEL");
	}

	@Test
	void byteOrderMarkAloneGivesEmptyText() {
		assertThat(decode(bytes(0xEF, 0xBB, 0xBF))).isEmpty();
	}

	@Test
	void byteOrderMarkAfterTheStartIsRefusedNamingItsLine() {
		assertThatExceptionOfType(MigrationParseException.class)
			.isThrownBy(
					() -> SourceText.decode("00002_bom.sql", utf8("-- +goose Up\nSELECT 1;\n\uFEFF-- +goose Down\n")))
			.satisfies((ex) -> {
				assertThat(ex.file()).isEqualTo("00002_bom.sql");
				assertThat(ex.line()).isEqualTo(3);
				assertThat(ex.reason()).contains("byte order mark (U+FEFF) inside the file");
			});
	}

	@Test
	void nulIsRefusedNamingItsLine() {
		assertThatExceptionOfType(MigrationParseException.class)
			.isThrownBy(
					() -> SourceText.decode("00002_nul.sql", utf8("-- +goose Up\r\nSELECT 'a\u0000'; DROP TABLE t;\n")))
			.satisfies((ex) -> {
				assertThat(ex.line()).isEqualTo(2);
				assertThat(ex.reason()).contains("NUL character (byte 0) in the file");
			});
	}

	@Test
	void onlyTheFirstOfTwoByteOrderMarksIsDroppedAndTheSecondRefused() {
		assertThatExceptionOfType(MigrationParseException.class)
			.isThrownBy(() -> decode(bytes(0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 'x')))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(1));
	}

	@Test
	void crlfLineEndsBecomeLf() {
		assertThat(decode(utf8("a\r\nb\r\n\r\nc"))).isEqualTo("a\nb\n\nc");
	}

	@Test
	void loneCarriageReturnIsKept() {
		assertThat(decode(utf8("a\rb\r"))).isEqualTo("a\rb\r");
	}

	@Test
	void carriageReturnBeforeCrlfIsKept() {
		assertThat(decode(utf8("a\r\r\nb"))).isEqualTo("a\r\nb");
	}

	@Test
	void byteOrderMarkAndCrlfTogetherAreNormalized() {
		assertThat(decode(utf8("\uFEFF-- +goose Up\r\nSELECT 1;\r\n"))).isEqualTo("-- +goose Up\nSELECT 1;\n");
	}

	@Test
	void validMultiByteTextDecodes() {
		String text = "Zürich ½ Ελλάδα 東京 \uD83D\uDEA2 \u00A0;\n";

		assertThat(decode(utf8(text))).isEqualTo(text);
	}

	@Test
	void aReplacementCharacterTheFileHoldsIsKept() {
		String text = "INSERT INTO notes VALUES ('\uFFFD');\r\n";

		assertThat(decode(utf8(text))).isEqualTo("INSERT INTO notes VALUES ('\uFFFD');\n");
	}

	@Test
	void invalidByteReportsItsLine() {
		byte[] content = concat(utf8("-- +goose Up\nSELECT 1;\nSELECT '"), bytes(0xFF), utf8("';\nSELECT 2;\n"));

		MigrationParseException error = failure(content);

		assertThat(error.line()).isEqualTo(3);
		assertThat(error.file()).isEqualTo(FILE);
		assertThat(error.reason()).contains("not valid UTF-8");
	}

	@Test
	void onlyTheFirstInvalidLineIsReported() {
		byte[] content = concat(utf8("ok\nok\n"), bytes(0xC3, 0x28), utf8("\n"), bytes(0xFE), utf8("\n"));

		assertThat(failure(content).line()).isEqualTo(3);
	}

	@Test
	void invalidByteOnTheFirstLineAfterAByteOrderMarkIsLineOne() {
		assertThat(failure(bytes(0xEF, 0xBB, 0xBF, 'a', 0x80, '\n', 'b')).line()).isEqualTo(1);
	}

	@Test
	void invalidByteOnALastLineWithoutNewlineReportsThatLine() {
		assertThat(failure(concat(utf8("a\nb\nc"), bytes(0xE2, 0x82))).line()).isEqualTo(3);
	}

	@Test
	void multiByteSequenceCutByANewlineIsInvalidOnItsFirstLine() {
		assertThat(failure(concat(utf8("a\nb"), bytes(0xE6), utf8("\n"), bytes(0x9D, 0xB1))).line()).isEqualTo(2);
	}

	@Test
	void overlongEncodingIsRejected() {
		assertThat(failure(bytes('/', 0xC0, 0xAF)).line()).isEqualTo(1);
	}

	@Test
	void encodedSurrogateIsRejected() {
		assertThat(failure(concat(utf8("x\n"), bytes(0xED, 0xA0, 0x80))).line()).isEqualTo(2);
	}

	@Test
	void latin1TextIsRejectedRatherThanGuessed() {
		byte[] content = "-- +goose Up\nINSERT INTO t VALUES ('Zürich');\n".getBytes(StandardCharsets.ISO_8859_1);

		assertThat(failure(content).line()).isEqualTo(2);
	}

	@Test
	void utf16IsRejected() {
		assertThat(failure("SELECT 1;\n".getBytes(StandardCharsets.UTF_16)).line()).isEqualTo(1);
	}

	private static String decode(byte[] content) {
		return SourceText.decode(FILE, content);
	}

	private static MigrationParseException failure(byte[] content) {
		MigrationParseException error = catchThrowableOfType(MigrationParseException.class, () -> decode(content));
		assertThat(error).as("decoding error").isNotNull();
		return error;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] bytes(int... values) {
		byte[] result = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			result[i] = (byte) values[i];
		}
		return result;
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	@Test
	void quotedTextShowsControlCharactersAsEscapes() {
		assertThat(SourceText.printable("a\rb\nc\td\u001b[2Je\u0000 é 日本 😀"))
			.isEqualTo("a\\rb\\nc\\td\\u001b[2Je\\u0000 é 日本 😀");
	}

}
