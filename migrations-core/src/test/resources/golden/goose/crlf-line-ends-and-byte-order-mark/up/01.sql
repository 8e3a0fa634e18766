CREATE TABLE crlf_probe (
	id integer
);