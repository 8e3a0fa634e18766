CREATE TABLE instruments (
	-- the family decides the rehearsal room
	family text NOT NULL,
	name text PRIMARY KEY, -- unique across families; enforced below too

	/* tuned to A=442 unless noted; see the tuning sheet */
	tuning_hz integer
);