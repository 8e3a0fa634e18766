CREATE TABLE station_readings (
	id bigserial PRIMARY KEY,
	station text NOT NULL,
	celsius numeric(5, 2) NOT NULL,
	recorded_at timestamptz NOT NULL DEFAULT now()
);