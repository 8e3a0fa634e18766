CREATE TABLE parcels (parcel_id bigint PRIMARY KEY, weight_g integer);

CREATE INDEX parcels_weight
	ON parcels (weight_g)
