package dev.migrations.parser;

/**
 * An environment for ENVSUB that wants to know the values ENVSUB derives from a
 * variable's value ({@code ${VAR:0:9}} takes a substring), so that a part of a secret can
 * be masked wherever the secret is.
 */
public interface DerivingEnvironment {

	/**
	 * A value derived from a variable's value went into a statement.
	 * @param name the variable
	 * @param value what was derived from its value
	 */
	void derived(String name, String value);

}
