package dev.migrations.benchmarks;

import java.util.regex.Pattern;

/** Keeps passwords out of everything the benchmark prints. */
public final class Redaction {

	private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&\\s;]*");

	private static final Pattern USER_INFO = Pattern.compile("(//[^/@\\s:]+:)[^@/\\s]*@");

	private Redaction() {
	}

	/**
	 * Text with passwords in URL parameters ({@code password=…}) and user info ({@code //user:secret@host}) replaced
	 * by {@code ***}.
	 * @param text any text, such as a driver's message
	 * @return the same text without passwords
	 */
	public static String redact(String text) {
		if (text == null) {
			return null;
		}
		String withoutParameters = PASSWORD_PARAMETER.matcher(text).replaceAll("$1***");
		return USER_INFO.matcher(withoutParameters).replaceAll("$1***@");
	}

}
