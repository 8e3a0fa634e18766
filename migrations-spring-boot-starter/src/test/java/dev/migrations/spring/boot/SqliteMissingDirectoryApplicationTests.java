package dev.migrations.spring.boot;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** The test application pointed at a SQLite file in a directory that does not exist. */
@ExtendWith(OutputCaptureExtension.class)
class SqliteMissingDirectoryApplicationTests {

	@TempDir
	Path temp;

	@Test
	void theFailureReportNamesTheMissingDirectory(CapturedOutput output) {
		Path missing = this.temp.resolve("no-such-dir");
		assertThatException().isThrownBy(
				() -> Startups.todoApplication().run(Startups.sqlite(missing.resolve("todo.db")), "--server.port=0"));
		String report = output.toString().substring(output.toString().indexOf("APPLICATION FAILED TO START"));
		assertThat(report).contains("the directory " + missing + " of the SQLite database does not exist")
			.contains("Create the directory " + missing);
		assertThat(missing).doesNotExist();
	}

}
