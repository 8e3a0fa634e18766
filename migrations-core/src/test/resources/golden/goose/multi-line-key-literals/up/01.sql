CREATE TABLE signing_keys (
	key_id text PRIMARY KEY,
	pem text NOT NULL
);