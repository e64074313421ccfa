CREATE TABLE `media` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`mime` text NOT NULL,
	`file_name` text NOT NULL,
	`size` integer NOT NULL,
	`width` integer,
	`height` integer,
	`hash` text NOT NULL,
	`variants` text DEFAULT '[]' NOT NULL,
	`language` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `media_hash_unique` ON `media` (`hash`);--> statement-breakpoint
CREATE INDEX `media_created_idx` ON `media` (`deleted_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `media_translations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`media_id` integer NOT NULL,
	`locale` text NOT NULL,
	`title` text,
	`alt` text,
	`caption` text,
	`credit` text,
	`decorative` integer DEFAULT false NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `media_translations_media_locale_unique` ON `media_translations` (`media_id`,`locale`);--> statement-breakpoint
CREATE TABLE `media_usages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`media_id` integer NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer NOT NULL,
	`locale` text,
	`role` text NOT NULL,
	FOREIGN KEY (`media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `media_usages_media_idx` ON `media_usages` (`media_id`);--> statement-breakpoint
CREATE INDEX `media_usages_entity_idx` ON `media_usages` (`entity_type`,`entity_id`,`locale`);--> statement-breakpoint
ALTER TABLE `news_items` ADD `hero_media_id` integer REFERENCES media(id) ON DELETE restrict;--> statement-breakpoint
ALTER TABLE `pages` ADD `hero_media_id` integer REFERENCES media(id) ON DELETE restrict;--> statement-breakpoint
-- Hand-written below: uses of media disappear with what used them (an item,
-- page or translation deleted for good), in the same transaction.
CREATE TRIGGER `news_items_media_usages_delete` AFTER DELETE ON `news_items` BEGIN
  DELETE FROM `media_usages` WHERE entity_type = 'news' AND entity_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `pages_media_usages_delete` AFTER DELETE ON `pages` BEGIN
  DELETE FROM `media_usages` WHERE entity_type = 'page' AND entity_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `news_translations_media_usages_delete` AFTER DELETE ON `news_translations` BEGIN
  DELETE FROM `media_usages` WHERE entity_type = 'news' AND entity_id = old.news_item_id AND locale = old.locale;
END;
--> statement-breakpoint
CREATE TRIGGER `page_translations_media_usages_delete` AFTER DELETE ON `page_translations` BEGIN
  DELETE FROM `media_usages` WHERE entity_type = 'page' AND entity_id = old.page_id AND locale = old.locale;
END;
