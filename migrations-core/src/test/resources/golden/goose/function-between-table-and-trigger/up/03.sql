CREATE TRIGGER station_readings_plausible
	BEFORE INSERT OR UPDATE ON station_readings
	FOR EACH ROW EXECUTE FUNCTION reject_implausible_reading();