-- +goose Up
INSERT INTO notices (body) VALUES (E'first line\n


after two blank lines; still \'quoted\' and a backslash \\');

-- +goose StatementBegin


	-- indented comment before the body is dropped
  -- so is this one

CREATE FUNCTION notices_touch() RETURNS trigger AS $$
BEGIN

	NEW.updated_at := now();
	RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- this trailing comment is kept
	-- and so is this indented one, up to StatementEnd
-- +goose StatementEnd

INSERT INTO notices (body) VALUES ('a notice

with a blank line inside; and a semicolon

');
