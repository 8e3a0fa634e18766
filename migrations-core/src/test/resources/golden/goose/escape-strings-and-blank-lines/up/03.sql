INSERT INTO notices (body) VALUES ('a notice

with a blank line inside; and a semicolon

');