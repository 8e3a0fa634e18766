INSERT INTO notices (body) VALUES (E'first line\n


after two blank lines; still \'quoted\' and a backslash \\');