package dev.migrations.format;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migrations.Redaction;

/**
 * The values that must not be shown: those of placeholders, and of ENVSUB variables a
 * file expanded, whose names look secret ({@code db_password}, {@code API_TOKEN},
 * {@code signing_key}, ...). They are hidden by {@link Redaction}, the engine's one way
 * of hiding secrets. Statements go to the database exactly as configured; wherever they
 * are shown instead (statement logging, dry runs, listeners, failure messages) these
 * values read {@value #MASK}.
 */
public final class Masking {

	/** What a secret value reads as. */
	public static final String MASK = Redaction.MASK;

	/** Masks nothing. */
	public static final Masking NONE = new Masking(Set.of());

	private static final List<String> SECRET_WORDS = List.of("password", "passwd", "pwd", "secret", "token", "key",
			"credential");

	private final Set<String> secrets;

	/**
	 * Creates a masking over a set of values that may still grow: the loader adds the
	 * values of secret-looking variables as it parses files, which it does when a command
	 * first needs them.
	 * @param secrets the values, read each time something is masked
	 */
	Masking(Set<String> secrets) {
		this.secrets = secrets;
	}

	/**
	 * The values to mask, longest first, so that a secret holding another is masked
	 * whole.
	 */
	private List<String> values() {
		if (this.secrets.isEmpty()) {
			return List.of();
		}
		return this.secrets.stream()
			.filter((value) -> !value.isEmpty())
			.sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
			.toList();
	}

	/**
	 * Whether a placeholder or variable name looks like it holds a secret.
	 * @param name the name
	 * @return whether its value is masked
	 */
	public static boolean looksSecret(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return SECRET_WORDS.stream().anyMatch(lower::contains);
	}

	/**
	 * A text with every secret value in it replaced by {@value #MASK}.
	 * @param text the text, or {@code null}
	 * @return the masked text, or {@code null}
	 */
	public String mask(String text) {
		List<String> values = values();
		return (text == null || values.isEmpty()) ? text : Redaction.ofValues(values).apply(text);
	}

	/**
	 * A driver's exception that can be shown: the same, unless its message holds a secret
	 * value, in which case a copy with the message masked, the same SQLState, vendor code
	 * and stack, and no cause (which would repeat it).
	 * @param ex the exception
	 * @return an exception safe to show
	 */
	public SQLException safe(SQLException ex) {
		List<String> values = values();
		return values.isEmpty() ? ex : Redaction.ofValues(values).apply(ex);
	}

	/** Whether there is anything to mask. */
	public boolean isEmpty() {
		return values().isEmpty();
	}

	@Override
	public String toString() {
		return "Masking[" + values().size() + " values]";
	}

}
