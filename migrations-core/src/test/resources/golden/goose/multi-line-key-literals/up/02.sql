INSERT INTO signing_keys (key_id, pem) VALUES ('relay-a', '
-----BEGIN PUBLIC KEY-----
TUNvd0JRWURLMlZ3QXlFQSB0aGlzIGlzIG5vdCBhIHJlYWwga2V5OyBqdXN0IHRleHQ=
-----END PUBLIC KEY-----
');