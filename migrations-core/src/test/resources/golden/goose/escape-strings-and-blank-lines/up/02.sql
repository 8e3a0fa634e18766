CREATE FUNCTION notices_touch() RETURNS trigger AS $$
BEGIN

	NEW.updated_at := now();
	RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- this trailing comment is kept
	-- and so is this indented one, up to StatementEnd