-- +goose Up
ALTER TABLE todos ADD COLUMN updated_at TEXT;

-- The trigger's body holds semicolons, so it is one statement between StatementBegin and StatementEnd.
-- +goose StatementBegin
CREATE TRIGGER todos_touch AFTER UPDATE OF title, done ON todos
BEGIN
	UPDATE todos SET updated_at = datetime('now') WHERE id = NEW.id;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER todos_touch;
ALTER TABLE todos DROP COLUMN updated_at;
