package dev.migrations.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checksums of migration files: SHA-256 over the normalized text (byte order mark dropped, CRLF read as LF, see
 * {@link dev.migrations.parser.SourceText}), so that a checkout on another operating system does not look modified.
 * A golang-migrate version's checksum covers its up and its down file.
 */
public final class Checksums {

	private Checksums() {
	}

	/**
	 * The checksum of a version's files.
	 * @param parts the normalized text of each file (raw bytes for a file that is not text), up first
	 * @return the lower-case hex SHA-256
	 */
	static String of(byte[]... parts) {
		MessageDigest digest = sha256();
		for (byte[] part : parts) {
			digest.update(part);
			digest.update((byte) 0);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime provides SHA-256", ex);
		}
	}

}
