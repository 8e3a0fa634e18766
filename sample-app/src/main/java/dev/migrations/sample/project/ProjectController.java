package dev.migrations.sample.project;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.migrations.sample.audit.Audited;

/** The projects of the management API. */
@RestController
@RequestMapping("/api/projects")
class ProjectController {

	private final ProjectService projects;

	ProjectController(ProjectService projects) {
		this.projects = projects;
	}

	@PostMapping
	@Audited(action = "project.create")
	ResponseEntity<Project> create(@Valid @RequestBody NewProject request) {
		Project project = this.projects.create(request);
		return ResponseEntity.created(URI.create("/api/projects/" + project.id())).body(project);
	}

	@GetMapping
	@Audited(action = "project.list")
	List<Project> list() {
		return this.projects.list();
	}

	@GetMapping("/{projectId}")
	@Audited(action = "project.get")
	Project get(@PathVariable String projectId) {
		return this.projects.get(projectId);
	}

	@PostMapping("/{projectId}/deactivate")
	@Audited(action = "project.deactivate")
	Project deactivate(@PathVariable String projectId) {
		return this.projects.deactivate(projectId);
	}

}
