-- +goose Up
CREATE TABLE signing_keys (
	key_id text PRIMARY KEY,
	pem text NOT NULL
);

-- +goose StatementBegin
INSERT INTO signing_keys (key_id, pem) VALUES ('relay-a', '
-----BEGIN PUBLIC KEY-----
TUNvd0JRWURLMlZ3QXlFQSB0aGlzIGlzIG5vdCBhIHJlYWwga2V5OyBqdXN0IHRleHQ=
-----END PUBLIC KEY-----
');
-- +goose StatementEnd

INSERT INTO signing_keys (key_id, pem) VALUES ('relay-b', '
-----BEGIN PUBLIC KEY-----
-- looks like a comment; it is inside the literal
TUNvd0JRWURLMlZ3QXlFQSBhbm90aGVyIGZpeHR1cmUsIGFsc28gbm90IGEga2V5
-----END PUBLIC KEY-----
');
