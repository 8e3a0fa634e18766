-- +goose Up
-- the catalogue of instruments
CREATE TABLE instruments (
	-- the family decides the rehearsal room
	family text NOT NULL,
	name text PRIMARY KEY, -- unique across families; enforced below too

	/* tuned to A=442 unless noted; see the tuning sheet */
	tuning_hz integer
);

-- this comment sits between statements and is dropped

-- so is this one; even with a semicolon in it
CREATE INDEX instruments_family ON instruments (family);
-- a dangling comment at the end of the section

-- +goose Down
-- dropped as well
DROP TABLE instruments;
-- and this one
