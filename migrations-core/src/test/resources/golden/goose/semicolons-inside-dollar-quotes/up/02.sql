DO $body$
BEGIN
	PERFORM $x$ nested; text $x$;
	RAISE NOTICE 'done;';
END
$body$;