-- +goose Up
SELECT $$ ; $$;
DO $body$
BEGIN
	PERFORM $x$ nested; text $x$;
	RAISE NOTICE 'done;';
END
$body$;
SELECT $Tag$ $tag$ ; $Tag$;
