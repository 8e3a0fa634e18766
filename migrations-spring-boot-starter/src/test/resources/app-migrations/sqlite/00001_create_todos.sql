-- +goose Up
CREATE TABLE todos (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	title TEXT NOT NULL,
	done BOOLEAN NOT NULL DEFAULT FALSE,
	created_at TEXT NOT NULL DEFAULT (datetime('now'))
);

-- +goose Down
DROP TABLE todos;
