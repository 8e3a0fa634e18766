package dev.migrations.format;

import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * Checksums of migration files: CRC-32C over the normalized content (a leading UTF-8 byte
 * order mark dropped, CRLF read as LF, as {@link dev.migrations.parser.SourceText} reads
 * it), so that a checkout on another operating system does not look modified. A
 * golang-migrate version's checksum covers its up file, a zero byte, its down file and a
 * zero byte.
 * <p>
 * The checksum is there to notice an applied file that was edited by mistake, as Flyway's
 * CRC-32 is; it is no seal against someone who can write both the files and the database.
 * CRC-32C is computed by the processor on every common platform, so that validating
 * thousands of applied files on every start costs little more than reading them.
 */
public final class Checksums {

	private static final int[] BYTE_ORDER_MARK = { 0xEF, 0xBB, 0xBF };

	private Checksums() {
	}

	/**
	 * The checksum of a version's files.
	 * @param parts the raw content of each file, up first
	 * @return eight lower-case hex digits
	 */
	static String of(byte[]... parts) {
		CRC32C crc = new CRC32C();
		for (byte[] part : parts) {
			updateNormalized(crc, part);
			crc.update(0);
		}
		return HexFormat.of().toHexDigits((int) crc.getValue());
	}

	private static void updateNormalized(CRC32C crc, byte[] content) {
		int start = hasByteOrderMark(content) ? BYTE_ORDER_MARK.length : 0;
		for (int i = start; i < content.length - 1; i++) {
			if (content[i] == '\r' && content[i + 1] == '\n') {
				crc.update(content, start, i - start);
				start = i + 1;
			}
		}
		crc.update(content, start, content.length - start);
	}

	private static boolean hasByteOrderMark(byte[] content) {
		if (content.length < BYTE_ORDER_MARK.length) {
			return false;
		}
		for (int i = 0; i < BYTE_ORDER_MARK.length; i++) {
			if ((content[i] & 0xFF) != BYTE_ORDER_MARK[i]) {
				return false;
			}
		}
		return true;
	}

}
