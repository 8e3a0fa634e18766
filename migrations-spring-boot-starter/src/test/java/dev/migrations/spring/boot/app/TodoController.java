package dev.migrations.spring.boot.app;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /todos}. */
@RestController
public class TodoController {

	private final TodoRepository todos;

	public TodoController(TodoRepository todos) {
		this.todos = todos;
	}

	@GetMapping("/todos")
	public List<Todo> todos() {
		return this.todos.findAll();
	}

}
