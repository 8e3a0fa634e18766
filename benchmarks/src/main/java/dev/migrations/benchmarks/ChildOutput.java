package dev.migrations.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a child process printed, and how long it lived.
 *
 * @param stdout its standard output, line by line
 * @param wallMs from start to exit, as the parent saw it
 */
public record ChildOutput(List<String> stdout, double wallMs) {

	public ChildOutput {
		stdout = List.copyOf(stdout);
	}

	/**
	 * The {@code key=value} fields of the first line that starts with a tag, such as
	 * {@code TIMING ms=12.3}.
	 * @param tag the line's first word
	 * @return the fields
	 * @throws BenchmarkException when no line has the tag
	 */
	public Map<String, String> fields(String tag) {
		for (String line : this.stdout) {
			if (line.startsWith(tag + " ")) {
				Map<String, String> fields = new HashMap<>();
				for (String part : line.substring(tag.length() + 1).trim().split("\\s+")) {
					int equals = part.indexOf('=');
					if (equals > 0) {
						fields.put(part.substring(0, equals), part.substring(equals + 1));
					}
				}
				return fields;
			}
		}
		throw new BenchmarkException("The child process printed no " + tag + " line");
	}

	/**
	 * One numeric field of a tagged line.
	 * @param tag the line's first word
	 * @param field the field's name
	 * @return its value
	 * @throws BenchmarkException when the line or field is absent or not a number
	 */
	public double number(String tag, String field) {
		String value = fields(tag).get(field);
		try {
			return Double.parseDouble(value);
		}
		catch (NullPointerException | NumberFormatException ex) {
			throw new BenchmarkException("The child's " + tag + " line has no number " + field + ": " + value);
		}
	}

	/** The in-process time of a migrate child, with the process's wall time. */
	public Measurement measurement() {
		return new Measurement(number("TIMING", "ms"), this.wallMs);
	}

}
