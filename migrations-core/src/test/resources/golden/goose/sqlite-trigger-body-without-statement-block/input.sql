-- +goose Up
CREATE TABLE stock (sku text PRIMARY KEY, qty integer NOT NULL);
CREATE TABLE stock_log (sku text, delta integer, at text);
CREATE TRIGGER stock_audit AFTER UPDATE OF qty ON stock
BEGIN
	INSERT INTO stock_log (sku, delta, at) VALUES (NEW.sku, NEW.qty - OLD.qty, datetime('now'));
	DELETE FROM stock_log WHERE at < datetime('now', '-90 days');
END;
INSERT INTO stock (sku, qty) VALUES ('peg-40', 12);
