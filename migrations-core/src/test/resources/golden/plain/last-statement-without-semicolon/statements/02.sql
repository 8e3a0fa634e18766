CREATE INDEX parcels_weight
	ON parcels (weight_g)