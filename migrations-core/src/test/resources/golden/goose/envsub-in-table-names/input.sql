-- +goose ENVSUB ON
-- +goose Up
CREATE TABLE sales_${REGION} (
	sale_id bigint PRIMARY KEY,
	amount_cents bigint NOT NULL
);
SELECT 7; SELECT 7; -- twice on purpose
INSERT INTO sales_${REGION} (sale_id, amount_cents) VALUES (1, 250); -- seed row for $REGION

-- +goose Down
DROP TABLE sales_${REGION}; -- removes the ${REGION} data
