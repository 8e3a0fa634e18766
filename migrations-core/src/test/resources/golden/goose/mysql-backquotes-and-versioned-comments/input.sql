-- +goose Up
CREATE TABLE `orders_archive` (
	`order_id` bigint NOT NULL,
	`placed_at` datetime NOT NULL,
	`note;text` varchar(200) DEFAULT NULL,
	PRIMARY KEY (`order_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
/*!80031 ALTER TABLE `orders_archive` ADD INDEX `placed_idx` (`placed_at`) */;
/*!80031 ALTER TABLE `orders_archive` ALTER INDEX `placed_idx` INVISIBLE */;

-- +goose Down
/*!80031 ALTER TABLE `orders_archive` DROP INDEX `placed_idx` */;
DROP TABLE `orders_archive`;
