CREATE TABLE `orders_archive` (
	`order_id` bigint NOT NULL,
	`placed_at` datetime NOT NULL,
	`note;text` varchar(200) DEFAULT NULL,
	PRIMARY KEY (`order_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;