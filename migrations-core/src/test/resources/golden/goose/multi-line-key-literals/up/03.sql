INSERT INTO signing_keys (key_id, pem) VALUES ('relay-b', '
-----BEGIN PUBLIC KEY-----
-- looks like a comment; it is inside the literal
TUNvd0JRWURLMlZ3QXlFQSBhbm90aGVyIGZpeHR1cmUsIGFsc28gbm90IGEga2V5
-----END PUBLIC KEY-----
');