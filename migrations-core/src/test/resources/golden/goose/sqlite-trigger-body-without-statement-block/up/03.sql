CREATE TRIGGER stock_audit AFTER UPDATE OF qty ON stock
BEGIN
	INSERT INTO stock_log (sku, delta, at) VALUES (NEW.sku, NEW.qty - OLD.qty, datetime('now'));
	DELETE FROM stock_log WHERE at < datetime('now', '-90 days');
END;