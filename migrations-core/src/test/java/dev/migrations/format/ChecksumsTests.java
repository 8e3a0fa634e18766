package dev.migrations.format;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksumsTests {

	@Test
	void isTheCrc32cOfTheContentFollowedByAZeroByte() {
		assertThat(Checksums.of(bytes("-- +goose Up\nSELECT 1;\n"))).isEqualTo(crc32c("-- +goose Up\nSELECT 1;\n"));
	}

	@Test
	void keepsLeadingZeros() {
		assertThat(Checksums.of(bytes("x"))).hasSize(8).matches("[0-9a-f]{8}");
		assertThat(Checksums.of(new byte[0])).hasSize(8);
	}

	@Test
	void readsCrlfAsLfAndDropsAByteOrderMark() {
		String unix = Checksums.of(bytes("CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n"));

		assertThat(Checksums.of(bytes("CREATE TABLE t (id int);\r\nINSERT INTO t VALUES (1);\r\n"))).isEqualTo(unix);
		assertThat(Checksums.of(bytes("\uFEFFCREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n"))).isEqualTo(unix);
		assertThat(Checksums.of(bytes("\uFEFFCREATE TABLE t (id int);\r\nINSERT INTO t VALUES (1);\r\n")))
			.isEqualTo(unix);
	}

	@Test
	void keepsALoneCarriageReturnAndABomAfterTheStart() {
		String unix = Checksums.of(bytes("a\nb\n"));

		assertThat(Checksums.of(bytes("a\rb\n"))).isNotEqualTo(unix);
		assertThat(Checksums.of(bytes("a\r\r\nb\n"))).isEqualTo(crc32c("a\r\nb\n"));
		assertThat(Checksums.of(bytes("a\n\uFEFFb\n"))).isNotEqualTo(unix);
	}

	@Test
	void coversEveryPartInOrder() {
		String both = Checksums.of(bytes("up"), bytes("down"));

		assertThat(Checksums.of(bytes("down"), bytes("up"))).isNotEqualTo(both);
		assertThat(Checksums.of(bytes("updown"), new byte[0])).isNotEqualTo(both);
		assertThat(Checksums.of(bytes("up"), new byte[0])).isNotEqualTo(Checksums.of(bytes("up")));
	}

	@Test
	void changesWithAnyEdit() {
		assertThat(Checksums.of(bytes("CREATE TABLE users (id int);\n")))
			.isNotEqualTo(Checksums.of(bytes("CREATE TABLE users (id bigint);\n")));
	}

	/** CRC-32C of a text and a zero byte, computed without the engine's code. */
	private static String crc32c(String text) {
		CRC32C expected = new CRC32C();
		expected.update(bytes(text));
		expected.update(0);
		return String.format("%08x", expected.getValue());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
