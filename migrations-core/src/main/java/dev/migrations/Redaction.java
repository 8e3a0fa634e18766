package dev.migrations;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Hides the credentials that text about a database connection can carry, a driver's message naming its JDBC URL
 * ("No suitable driver found for jdbc:...") being the common case: the value of any URL parameter whose name holds
 * password, pwd, secret or token, and the password of a URL's user information ({@code //user:password@host}).
 */
public final class Redaction {

	/** What a hidden value reads as. */
	public static final String MASK = "***";

	private static final Pattern SECRET_PARAMETER = Pattern
		.compile("(?i)([\\w.-]*(?:password|passwd|pwd|secret|token)[\\w.-]*)=([^&;\\s'\"]*)");

	private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]*):[^/@\\s]*@");

	private Redaction() {
	}

	/**
	 * A text with the credentials in it hidden.
	 * @param text the text, or {@code null}
	 * @return the text with each credential replaced by {@value #MASK}, or {@code null}
	 */
	public static String credentials(String text) {
		if (text == null) {
			return null;
		}
		String redacted = SECRET_PARAMETER.matcher(text).replaceAll("$1=" + MASK);
		return USER_INFO.matcher(redacted).replaceAll("$1:" + MASK + "@");
	}

	/**
	 * A driver's exception that can be shown: the same, unless its message carries a credential, in which case a copy
	 * with the credential hidden, the same SQLState, vendor code and stack, and no cause (which would repeat it).
	 * @param ex the exception
	 * @return an exception safe to show
	 */
	static SQLException credentials(SQLException ex) {
		String redacted = credentials(ex.getMessage());
		if (redacted == null || redacted.equals(ex.getMessage())) {
			return ex;
		}
		SQLException copy = new SQLException(redacted, ex.getSQLState(), ex.getErrorCode());
		copy.setStackTrace(ex.getStackTrace());
		return copy;
	}

}
