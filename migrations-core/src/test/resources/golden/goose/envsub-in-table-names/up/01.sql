CREATE TABLE sales_emea (
	sale_id bigint PRIMARY KEY,
	amount_cents bigint NOT NULL
);