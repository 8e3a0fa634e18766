-- +goose Up
create temp trigger if not exists stock_floor
	after update on stock
	for each row when (case when new.qty < 0 then 1 else 0 end) = 1
begin
	update stock set qty = case
		when old.qty > 0 then old.qty
		else 0
	end
	where sku = new.sku;
	select case when new.qty < -100 then raise(abort, 'runaway; stop') end;
end;
SELECT 'after the trigger';
