package dev.migrations;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * The engine's one way of hiding secrets in what it shows: the credentials that text
 * about a database connection can carry (a driver's message naming its JDBC URL, "No
 * suitable driver found for jdbc:...", being the common case), and the values of secret
 * placeholders and ENVSUB variables in statements ({@link #ofValues}).
 * <p>
 * A redaction built for a connection knows its secrets: the configured password and every
 * value parsed from the URL's user information and password parameters, as written and
 * %-decoded. It replaces each of them wherever it occurs, whatever characters it holds,
 * and also each tail of a secret that starts at a punctuation character: that is what is
 * left when something else masked a secret up to the first {@code ;}, quote or space
 * (HikariCP's own messages do). Secrets shorter than four characters are replaced only
 * where they stand alone, not inside words. After that, and for the credentials nobody
 * configured, patterns hide the value of any URL parameter whose name holds password,
 * pwd, secret or token, and the password of a URL's user information
 * ({@code //user:password@host}).
 */
public final class Redaction {

	/** What a hidden value reads as. */
	public static final String MASK = "***";

	/** Knows no secret: the patterns only. */
	public static final Redaction PATTERNS = new Redaction(List.of(), true);

	private static final Pattern SECRET_PARAMETER = Pattern
		.compile("(?i)([\\w.-]*(?:password|passwd|pwd|secret|token)[\\w.-]*)=([^&;\\s'\"]*)");

	private static final Pattern SECRET_NAME = Pattern
		.compile("(?i)[\\w.-]*(?:password|passwd|pwd|secret|token)[\\w.-]*");

	private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]*):[^/@\\s]*@");

	private static final int SHORT = 4;

	private final List<String> secrets;

	private final boolean patterns;

	private Redaction(Collection<String> secrets, boolean patterns) {
		this.patterns = patterns;
		Set<String> kept = new LinkedHashSet<>();
		for (String secret : secrets) {
			if (!secret.isEmpty() && !secret.equals(MASK)) {
				kept.add(secret);
			}
		}
		List<String> longestFirst = new ArrayList<>(kept);
		longestFirst.sort(new LongestFirst());
		this.secrets = List.copyOf(longestFirst);
	}

	/**
	 * Longer secrets first, so that one inside another is masked whole; then in natural
	 * order. A class rather than a composed comparator, as the other code on the way of a
	 * start: every command builds a redaction first, in a JVM that has not warmed up.
	 */
	private static final class LongestFirst implements Comparator<String> {

		@Override
		public int compare(String a, String b) {
			int byLength = Integer.compare(b.length(), a.length());
			return (byLength != 0) ? byLength : a.compareTo(b);
		}

	}

	/**
	 * A redaction that knows the credentials of a connection.
	 * @param url the JDBC URL, or {@code null}
	 * @param password the configured password, or {@code null}
	 * @return the redaction
	 */
	public static Redaction forConnection(String url, String password) {
		Set<String> secrets = new LinkedHashSet<>();
		if (password != null) {
			secrets.addAll(forms(password));
		}
		if (url != null) {
			for (String value : urlSecrets(url)) {
				secrets.add(value);
				secrets.addAll(decoded(value));
			}
		}
		return new Redaction(withTails(secrets), true);
	}

	/**
	 * A redaction of known values alone, without the patterns, for text that is not about
	 * a connection: the values of secret placeholders and ENVSUB variables in statements,
	 * which the patterns would mangle ({@code WHERE password='x'}).
	 * @param values the values to hide
	 * @return the redaction
	 */
	public static Redaction ofValues(Collection<String> values) {
		return new Redaction(values, false);
	}

	/**
	 * A redaction that knows the credentials a DataSource holds, read from its public
	 * {@code getPassword()} and {@code getJdbcUrl()}, {@code getUrl()} or
	 * {@code getURL()} (HikariCP's, Spring's and the drivers' DataSources have them),
	 * following {@code getTargetDataSource()} through delegating DataSources.
	 * @param dataSource the DataSource
	 * @return the redaction; for a DataSource that exposes none of these, the patterns
	 * only
	 */
	public static Redaction forDataSource(DataSource dataSource) {
		Redaction redaction = PATTERNS;
		Object current = dataSource;
		for (int depth = 0; current != null && depth < 8; depth++) {
			String url = property(current, "getJdbcUrl", "getUrl", "getURL");
			String password = property(current, "getPassword");
			if (url != null || password != null) {
				redaction = redaction.and(forConnection(url, password));
			}
			current = read(current, "getTargetDataSource");
		}
		return redaction;
	}

	/**
	 * A redaction that knows the secrets of both.
	 * @param other another redaction
	 * @return the redaction that knows the secrets of this one and the other
	 */
	public Redaction and(Redaction other) {
		List<String> both = new ArrayList<>(this.secrets);
		both.addAll(other.secrets);
		return new Redaction(both, this.patterns || other.patterns);
	}

	/**
	 * A text with the credentials in it hidden.
	 * @param text the text, or {@code null}
	 * @return the text with each known secret and each credential the patterns find
	 * replaced by {@value #MASK}, or {@code null}
	 */
	public String apply(String text) {
		if (text == null) {
			return null;
		}
		String redacted = text;
		for (String secret : this.secrets) {
			redacted = (secret.length() >= SHORT) ? redacted.replace(secret, MASK)
					: replaceStandalone(redacted, secret);
		}
		return this.patterns ? credentials(redacted) : redacted;
	}

	/**
	 * A driver's exception that can be shown: the same, unless its message carries a
	 * credential, in which case a copy with the credential hidden, the same SQLState,
	 * vendor code and stack, and no cause (which would repeat it).
	 * @param ex the exception
	 * @return an exception safe to show
	 */
	public SQLException apply(SQLException ex) {
		String redacted = apply(ex.getMessage());
		if (redacted == null || redacted.equals(ex.getMessage())) {
			return ex;
		}
		SQLException copy = new SQLException(redacted, ex.getSQLState(), ex.getErrorCode());
		copy.setStackTrace(ex.getStackTrace());
		return copy;
	}

	/**
	 * A text with the credentials the patterns find hidden; what a redaction that knows
	 * no secret does.
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

	static SQLException credentials(SQLException ex) {
		return PATTERNS.apply(ex);
	}

	/**
	 * The secret values a URL holds, as written: the password of its user information
	 * (everything between {@code //} and the last {@code @} before the query, after the
	 * first {@code :}, so that a password holding {@code /} or {@code @} is taken whole),
	 * and the values of its secret-looking parameters, each up to the next {@code &} as
	 * pgjdbc reads them, and up to the next {@code ;} for drivers whose parameters are
	 * separated so.
	 */
	private static List<String> urlSecrets(String url) {
		List<String> secrets = new ArrayList<>();
		int authority = url.indexOf("//");
		if (authority >= 0) {
			int query = url.indexOf('?', authority);
			int at = url.lastIndexOf('@', (query >= 0) ? query : url.length());
			if (at > authority) {
				String userInfo = url.substring(authority + 2, at);
				int colon = userInfo.indexOf(':');
				if (colon >= 0) {
					secrets.add(userInfo.substring(colon + 1));
				}
			}
		}
		for (String separator : new String[] { "&", ";" }) {
			for (String parameter : url.split("[?" + separator + "]")) {
				int equals = parameter.indexOf('=');
				if (equals > 0 && SECRET_NAME.matcher(parameter.substring(0, equals).strip()).matches()) {
					secrets.add(parameter.substring(equals + 1));
				}
			}
		}
		return secrets;
	}

	/**
	 * A value as written and as a URL decoder reads it, with and without {@code +} as a
	 * space.
	 */
	private static List<String> decoded(String value) {
		List<String> forms = new ArrayList<>();
		try {
			forms.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
			forms.add(URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			// Not %-encoded after all; as written is all there is.
		}
		return forms;
	}

	/** A configured password as given and as it reads inside a URL. */
	private static List<String> forms(String password) {
		String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);
		return List.of(password, encoded, encoded.replace("+", "%20"));
	}

	/** The secrets and each of their tails that starts at a punctuation character. */
	private static Set<String> withTails(Set<String> secrets) {
		Set<String> all = new LinkedHashSet<>();
		for (String secret : secrets) {
			all.add(secret);
			for (int i = 1; i < secret.length() - 1; i++) {
				if (!Character.isLetterOrDigit(secret.charAt(i)) && Character.isLetterOrDigit(secret.charAt(i - 1))) {
					all.add(secret.substring(i));
				}
			}
		}
		return all;
	}

	/** Replaces a short secret only where no letter or digit touches it. */
	private static String replaceStandalone(String text, String secret) {
		StringBuilder result = new StringBuilder(text.length());
		int from = 0;
		for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
			int end = at + secret.length();
			boolean alone = (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
					&& (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
			if (alone && at >= from) {
				result.append(text, from, at).append(MASK);
				from = end;
			}
		}
		return result.append(text, from, text.length()).toString();
	}

	private static String property(Object target, String... getters) {
		for (String getter : getters) {
			Object value = read(target, getter);
			if (value instanceof String text) {
				return text;
			}
		}
		return null;
	}

	/**
	 * The value of a public no-argument method, or {@code null} where there is none or it
	 * cannot be called.
	 */
	private static Object read(Object target, String name) {
		try {
			Method method = target.getClass().getMethod(name);
			if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
				return null;
			}
			return method.invoke(target);
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			return null;
		}
	}

	/** Whether it knows no value and applies no pattern: it changes nothing. */
	public boolean isEmpty() {
		return this.secrets.isEmpty() && !this.patterns;
	}

	@Override
	public String toString() {
		return "Redaction[" + this.secrets.size() + " secrets" + (this.patterns ? ", patterns" : "") + "]";
	}

}
