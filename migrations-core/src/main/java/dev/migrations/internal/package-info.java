/**
 * Orchestration helpers behind {@link dev.migrations.Migrator}: planning, running
 * migrations, locking around them. Not a supported API: its types may change in any
 * release.
 */
package dev.migrations.internal;
