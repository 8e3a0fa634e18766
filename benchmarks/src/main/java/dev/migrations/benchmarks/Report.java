package dev.migrations.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where results go: printed as they come, and, with {@code --out}, also kept for a
 * markdown file in which the RESULT lines sit in a code block.
 */
public final class Report {

	private final PrintStream out;

	private final List<String> markdown = new ArrayList<>();

	/**
	 * Creates a report.
	 * @param out where lines are printed
	 */
	public Report(PrintStream out) {
		this.out = out;
	}

	/** Prints a line of text. */
	public void note(String line) {
		this.out.println(line);
		this.out.flush();
		this.markdown.add(line);
	}

	/** Prints a table, with a blank line after it. */
	public void table(Table table) {
		for (String line : table.lines()) {
			note(line);
		}
		note("");
	}

	/** Prints a RESULT line. */
	public void result(ResultLine result) {
		this.out.println(result);
		this.out.println();
		this.out.flush();
		this.markdown.add("```text");
		this.markdown.add(result.toString());
		this.markdown.add("```");
		this.markdown.add("");
	}

	/**
	 * Writes everything printed so far to a file.
	 * @param file the file, replaced
	 */
	public void writeTo(Path file) {
		try {
			Files.write(file, this.markdown, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

}
