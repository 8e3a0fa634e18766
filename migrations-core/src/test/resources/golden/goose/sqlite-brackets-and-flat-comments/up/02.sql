/* the files live in db/*.sql */
INSERT INTO [odd;name] VALUES ('x', $1);