CREATE OR REPLACE FUNCTION parcels_stamp() RETURNS trigger AS $stamp$
BEGIN
	NEW.updated_at := now(); -- keep in step with the depot clock
	RETURN NEW;
END;
$stamp$ LANGUAGE plpgsql;