package dev.migrations.sample.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.migrations.sample.data.SqlValues;

/** The {@code projects} table. The API key is written here and read nowhere. */
@Repository
public class ProjectRepository {

	private static final String COLUMNS = "id, name, is_active, created_at, updated_at, deactivated_at";

	private final JdbcClient jdbc;

	private final SqlValues values;

	public ProjectRepository(JdbcClient jdbc, SqlValues values) {
		this.jdbc = jdbc;
		this.values = values;
	}

	/**
	 * Inserts a new, active project.
	 * @param project the project
	 * @param apiKey its API key
	 */
	public void insert(Project project, String apiKey) {
		this.jdbc
			.sql("INSERT INTO projects (id, name, api_key, is_active, created_at, updated_at)"
					+ " VALUES (:id, :name, :apiKey, :active, :createdAt, :updatedAt)")
			.param("id", project.id())
			.param("name", project.name())
			.param("apiKey", apiKey)
			.param("active", project.isActive())
			.param("createdAt", this.values.instant(project.createdAt()))
			.param("updatedAt", this.values.instant(project.updatedAt()))
			.update();
	}

	public Optional<Project> findById(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE id = :id")
			.param("id", id)
			.query(this::project)
			.optional();
	}

	/** Every project, by name. */
	public List<Project> findAll() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM projects ORDER BY name").query(this::project).list();
	}

	public boolean existsByName(String name) {
		return this.jdbc.sql("SELECT COUNT(*) FROM projects WHERE name = :name")
			.param("name", name)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Deactivates an active project.
	 * @param id the project's id
	 * @param now the time of deactivation
	 * @return whether an active project had that id
	 */
	public boolean deactivate(String id, Instant now) {
		return this.jdbc
			.sql("UPDATE projects SET is_active = :inactive, deactivated_at = :now, updated_at = :now"
					+ " WHERE id = :id AND is_active")
			.param("inactive", false)
			.param("now", this.values.instant(now))
			.param("id", id)
			.update() > 0;
	}

	/**
	 * Locks an active project's row until the transaction ends, so that it cannot be
	 * deactivated before what the transaction adds to it is committed. (An update that
	 * changes nothing: {@code SELECT ... FOR UPDATE} is not SQLite, whose write
	 * transactions lock the whole database anyway.)
	 * @param id the project's id
	 * @return whether an active project has that id
	 */
	public boolean lockActive(String id) {
		return this.jdbc.sql("UPDATE projects SET is_active = is_active WHERE id = :id AND is_active")
			.param("id", id)
			.update() > 0;
	}

	private Project project(ResultSet row, int number) throws SQLException {
		return new Project(row.getString("id"), row.getString("name"), row.getBoolean("is_active"),
				this.values.readInstant(row, "created_at"), this.values.readInstant(row, "updated_at"),
				this.values.readInstant(row, "deactivated_at"));
	}

}
