package dev.migrations.sample.audit;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, filtered and paged, newest first. Reading it is not itself audited. */
@RestController
class AuditController {

	/** The largest page. */
	static final int MAX_SIZE = 100;

	private final AuditEventRepository events;

	AuditController(AuditEventRepository events) {
		this.events = events;
	}

	@GetMapping("/api/audit-events")
	AuditPage list(@RequestParam(name = "project_id", required = false) String projectId,
			@RequestParam(required = false) String action,
			@RequestParam(required = false) @Pattern(regexp = "success|failure|denied|error") String outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) OffsetDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) OffsetDateTime to,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(MAX_SIZE) int size) {
		return this.events.find(new AuditQuery(projectId, action, (outcome != null) ? Outcome.of(outcome) : null,
				(from != null) ? from.toInstant() : null, (to != null) ? to.toInstant() : null, page, size));
	}

}
