package dev.migrations.sample.project;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.migrations.sample.token.TokenRepository;

/** Creating, reading and deactivating projects. */
@Service
public class ProjectService {

	private final ProjectRepository projects;

	private final TokenRepository tokens;

	private final Clock clock;

	public ProjectService(ProjectRepository projects, TokenRepository tokens, Clock clock) {
		this.projects = projects;
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * Creates an active project.
	 * @param request its name and API key
	 * @return the project
	 * @throws ProjectNameTakenException when another project has the name
	 */
	@Transactional
	public Project create(NewProject request) {
		String name = request.name().strip();
		// On SQLite the transaction holds the write lock from its start, so no other
		// writer comes between the check
		// and the insert; on PostgreSQL one may, and the unique constraint has the last
		// word.
		if (this.projects.existsByName(name)) {
			throw new ProjectNameTakenException(name);
		}
		Instant now = this.clock.instant();
		Project project = new Project(UUID.randomUUID().toString(), name, true, now, now, null);
		try {
			this.projects.insert(project, request.apiKey());
		}
		catch (DuplicateKeyException ex) {
			throw new ProjectNameTakenException(name);
		}
		return project;
	}

	public List<Project> list() {
		return this.projects.findAll();
	}

	/**
	 * The project with an id.
	 * @param id the id
	 * @return the project
	 * @throws ProjectNotFoundException when none has it
	 */
	public Project get(String id) {
		return this.projects.findById(id).orElseThrow(() -> new ProjectNotFoundException(id));
	}

	/**
	 * Deactivates a project and every active token of it, at the same time. Deactivating
	 * an inactive project changes nothing.
	 * @param id the project's id
	 * @return the project afterwards
	 * @throws ProjectNotFoundException when no project has the id
	 */
	@Transactional
	public Project deactivate(String id) {
		Instant now = this.clock.instant();
		if (this.projects.deactivate(id, now)) {
			this.tokens.deactivateAllOf(id, now);
		}
		return get(id);
	}

}
