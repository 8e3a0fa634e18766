-- +goose Up
ALTER TABLE todos ADD COLUMN updated_at TIMESTAMPTZ;

-- The function's body holds semicolons inside dollar quotes, so it is one statement.
-- +goose StatementBegin
CREATE FUNCTION todos_touch() RETURNS trigger AS $$
BEGIN
	NEW.updated_at := now();
	RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

CREATE TRIGGER todos_touch BEFORE UPDATE ON todos FOR EACH ROW EXECUTE FUNCTION todos_touch();

-- +goose Down
DROP TRIGGER todos_touch ON todos;
DROP FUNCTION todos_touch();
ALTER TABLE todos DROP COLUMN updated_at;
