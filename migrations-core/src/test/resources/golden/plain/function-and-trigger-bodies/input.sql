-- parcels keep a timestamp
CREATE OR REPLACE FUNCTION parcels_stamp() RETURNS trigger AS $stamp$
BEGIN
	NEW.updated_at := now(); -- keep in step with the depot clock
	RETURN NEW;
END;
$stamp$ LANGUAGE plpgsql;

CREATE TRIGGER parcels_guard BEFORE DELETE ON parcels
BEGIN
	SELECT RAISE(ABORT, 'parcels are archived; never deleted');
END;
