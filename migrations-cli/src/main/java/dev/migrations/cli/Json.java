package dev.migrations.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the little JSON the command prints: objects, arrays, strings, numbers, booleans
 * and null.
 */
final class Json {

	private Json() {
	}

	/** An object that keeps its keys in insertion order. */
	static Map<String, Object> object() {
		return new LinkedHashMap<>();
	}

	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString();
	}

	private static void write(Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			List<String> parts = new ArrayList<>();
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				parts.add(string(String.valueOf(entry.getKey())) + ": " + write(entry.getValue()));
			}
			out.append(String.join(", ", parts)).append('}');
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			List<String> parts = new ArrayList<>();
			for (Object item : list) {
				parts.add(write(item));
			}
			out.append(String.join(", ", parts)).append(']');
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		}
		else {
			out.append(string(value.toString()));
		}
	}

	private static String string(String value) {
		StringBuilder out = new StringBuilder("\"");
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
