package dev.migrations.cli;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON the command prints. */
class JsonTests {

	@Test
	void writesObjectsInInsertionOrderWithEscapedStrings() {
		Map<String, Object> object = Json.object();
		object.put("version", 3L);
		object.put("dirty", true);
		object.put("file", "a \"quoted\"\\path\n\ttab\u0001");
		object.put("none", null);
		object.put("list", Arrays.asList(1, "two", null));

		assertThat(Json.write(object)).isEqualTo("{\"version\": 3, \"dirty\": true, "
				+ "\"file\": \"a \\\"quoted\\\"\\\\path\\n\\ttab\\u0001\", \"none\": null, \"list\": [1, \"two\", null]}");
	}

}
