SELECT 4 /* spans
lines; with a semicolon
*/ + 5;