-- +goose Up
ALTER TABLE todos ADD COLUMN updated_at TIMESTAMP(6) NULL;

-- The trigger's body holds a semicolon inside BEGIN ... END, so it is one statement.
-- +goose StatementBegin
CREATE TRIGGER todos_touch BEFORE UPDATE ON todos FOR EACH ROW
BEGIN
	SET NEW.updated_at = NOW(6);
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER todos_touch;
ALTER TABLE todos DROP COLUMN updated_at;
