package dev.migrations;

/** Which way a migration runs. */
public enum Direction {

	/** Applying a migration. */
	UP,

	/** Rolling a migration back. */
	DOWN;

	/** The lower-case name used in logs and output: {@code up} or {@code down}. */
	public String label() {
		return (this == UP) ? "up" : "down";
	}

}
