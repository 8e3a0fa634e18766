-- +goose UP
CREATE TABLE station_readings (
	id bigserial PRIMARY KEY,
	station text NOT NULL,
	celsius numeric(5, 2) NOT NULL,
	recorded_at timestamptz NOT NULL DEFAULT now()
);

-- +goose statementBegin
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
-- +goose StatementEnd

CREATE TRIGGER station_readings_plausible
	BEFORE INSERT OR UPDATE ON station_readings
	FOR EACH ROW EXECUTE FUNCTION reject_implausible_reading();
