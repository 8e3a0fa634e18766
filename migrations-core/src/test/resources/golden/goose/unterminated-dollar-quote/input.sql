-- +goose Up
CREATE FUNCTION f() RETURNS integer AS $fn$
BEGIN
	RETURN 1;
END;
$Fn$ LANGUAGE plpgsql;
