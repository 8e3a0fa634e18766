package dev.migrations.parser;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import dev.migrations.MigrationParseException;

/**
 * Turns a file's bytes into the text the parsers read: strict UTF-8, a leading byte order
 * mark dropped, and CRLF line endings read as LF, so that a checkout on Windows parses
 * (and checksums) like one on Linux. NUL characters and byte order marks past the start
 * are refused, naming the line.
 */
public final class SourceText {

	private SourceText() {
	}

	/**
	 * Decodes a migration file.
	 * @param file the file's location, for errors
	 * @param bytes the file's content
	 * @return the normalized text
	 * @throws MigrationParseException if the content is not valid UTF-8, naming the line
	 * of the first bad byte
	 */
	public static String decode(String file, byte[] bytes) {
		int offset = hasByteOrderMark(bytes) ? 3 : 0;
		// The JDK's own decoding is the fast one, but it replaces a malformed sequence
		// with U+FFFD: where that character appears, the strict decoder says whether
		// the file wrote it.
		String text = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
		if (text.indexOf('\uFFFD') >= 0) {
			requireValidUtf8(file, bytes, offset);
		}
		if (text.indexOf('\r') >= 0) {
			text = text.replace("\r\n", "\n");
		}
		refuseInvisibleCharacters(file, text);
		return text;
	}

	private static void requireValidUtf8(String file, byte[] bytes, int offset) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
		}
		catch (CharacterCodingException ex) {
			throw new MigrationParseException(file, lineOfFirstInvalidByte(bytes, offset),
					"file is not valid UTF-8; save it as UTF-8");
		}
	}

	/**
	 * A NUL ends the text for SQLite, which runs the statement up to it and drops the
	 * rest without a word; a byte order mark anywhere but the start hides the line it
	 * begins from the annotation parser while SQLite skips it as white space, so a
	 * {@code -- +goose Down} behind one would run in Up. Neither belongs in SQL text.
	 */
	private static void refuseInvisibleCharacters(String file, String text) {
		if (text.indexOf('\u0000') < 0 && text.indexOf('\uFEFF') < 0) {
			return;
		}
		int line = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n') {
				line++;
			}
			else if (c == '\u0000') {
				throw new MigrationParseException(file, line,
						"NUL character (byte 0) in the file; SQLite would silently ignore the SQL after it; remove it");
			}
			else if (c == '\uFEFF') {
				throw new MigrationParseException(file, line, "byte order mark (U+FEFF) inside the file; only the"
						+ " file's first bytes may hold one, and here it would hide the line from goose's annotations;"
						+ " remove it");
			}
		}
	}

	/**
	 * A piece of a file as an error message may quote it: control characters (a stray
	 * carriage return, a terminal escape sequence) are written as escapes, so that they
	 * cannot rewrite the line they are printed on.
	 * @param text the quoted text
	 * @return the text with every control character escaped
	 */
	static String printable(String text) {
		StringBuilder printable = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> {
			switch (c) {
				case '\r' -> printable.append("\\r");
				case '\n' -> printable.append("\\n");
				case '\t' -> printable.append("\\t");
				default -> {
					if (Character.isISOControl(c)) {
						printable.append(String.format("\\u%04x", c));
					}
					else {
						printable.appendCodePoint(c);
					}
				}
			}
		});
		return printable.toString();
	}

	/**
	 * Hands each line of a decoded text to a consumer, numbered from 1, without its line
	 * break.
	 * @param text the text
	 * @param consumer receives each line and its number
	 */
	static void forEachLine(String text, LineConsumer consumer) {
		int number = 0;
		int start = 0;
		while (start <= text.length()) {
			int end = text.indexOf('\n', start);
			if (end < 0) {
				end = text.length();
			}
			number++;
			consumer.line(text.substring(start, end), number);
			start = end + 1;
		}
	}

	/** Receives numbered lines. */
	@FunctionalInterface
	interface LineConsumer {

		void line(String line, int number);

	}

	private static boolean hasByteOrderMark(byte[] bytes) {
		return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
	}

	private static int lineOfFirstInvalidByte(byte[] bytes, int offset) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		int line = 1;
		int lineStart = offset;
		for (int i = offset; i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				if (!isValid(decoder, bytes, lineStart, i - lineStart)) {
					return line;
				}
				line++;
				lineStart = i + 1;
			}
		}
		return line;
	}

	private static boolean isValid(CharsetDecoder decoder, byte[] bytes, int start, int length) {
		try {
			decoder.reset().decode(ByteBuffer.wrap(bytes, start, length));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
