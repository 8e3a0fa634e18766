CREATE OR REPLACE FUNCTION reject_implausible_reading() RETURNS trigger AS $guard$
DECLARE
	limit_c numeric := 70;
BEGIN
	IF abs(NEW.celsius) > limit_c THEN
		RAISE EXCEPTION 'reading % out of range; check station %', NEW.celsius, NEW.station;
	END IF;
	RETURN NEW;
END;
$guard$ LANGUAGE plpgsql;