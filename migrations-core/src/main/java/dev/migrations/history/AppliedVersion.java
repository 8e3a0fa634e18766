package dev.migrations.history;

import java.time.Instant;

/**
 * A version the version table records as applied.
 *
 * @param version the version
 * @param appliedAt when, or {@code null} when neither table says
 * @param metadata what our metadata table records about it, or {@code null} when nothing
 */
public record AppliedVersion(long version, Instant appliedAt, Metadata metadata) {

	/** An applied version without metadata. */
	public AppliedVersion(long version, Instant appliedAt) {
		this(version, appliedAt, null);
	}

	AppliedVersion withMetadata(Metadata metadata) {
		Instant when = (this.appliedAt != null || metadata == null) ? this.appliedAt : metadata.appliedAt();
		return new AppliedVersion(this.version, when, metadata);
	}

}
