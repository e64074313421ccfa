CREATE TABLE `vacancies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`duty_station` text DEFAULT '' NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`grade` text NOT NULL,
	`appointment_type` text DEFAULT '' NOT NULL,
	`appointment_length` text DEFAULT '' NOT NULL,
	`estimated_start` text DEFAULT '' NOT NULL,
	`closes_at` integer NOT NULL,
	`project` text DEFAULT '' NOT NULL,
	`donor` text DEFAULT '' NOT NULL,
	`apply_url` text,
	`apply_email` text,
	`author_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vacancies_reference_unique` ON `vacancies` (`reference`);--> statement-breakpoint
CREATE INDEX `vacancies_closes_at_idx` ON `vacancies` (`closes_at`);--> statement-breakpoint
CREATE TABLE `vacancy_translations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vacancy_id` integer NOT NULL,
	`locale` text NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`seo_title` text,
	`seo_description` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`published_at` integer,
	`source_fingerprint` text,
	`text_fingerprint` text,
	`source_version` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`vacancy_id`) REFERENCES `vacancies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vacancy_translations_item_locale_unique` ON `vacancy_translations` (`vacancy_id`,`locale`);--> statement-breakpoint
CREATE UNIQUE INDEX `vacancy_translations_locale_slug_unique` ON `vacancy_translations` (`locale`,`slug`);--> statement-breakpoint
CREATE INDEX `vacancy_translations_listing_idx` ON `vacancy_translations` (`locale`,`status`,`published_at`);--> statement-breakpoint
-- Written by hand below (drizzle-kit does not generate triggers): keep this
-- part when the migration is renumbered. As 0008 (text fingerprints) and
-- 0005 (media uses go with the item) do for news and pages.
CREATE TRIGGER `vacancy_translations_fingerprint_insert` AFTER INSERT ON `vacancy_translations` BEGIN
  UPDATE `vacancy_translations` SET `text_fingerprint` = text_fingerprint(new.title, new.summary, new.body) WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `vacancy_translations_fingerprint_update` AFTER UPDATE OF title, summary, body ON `vacancy_translations` BEGIN
  UPDATE `vacancy_translations` SET `text_fingerprint` = text_fingerprint(new.title, new.summary, new.body) WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `vacancies_media_usages_delete` AFTER DELETE ON `vacancies` BEGIN
  DELETE FROM `media_usages` WHERE entity_type = 'vacancy' AND entity_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `vacancy_translations_media_usages_delete` AFTER DELETE ON `vacancy_translations` BEGIN
  DELETE FROM `media_usages` WHERE entity_type = 'vacancy' AND entity_id = old.vacancy_id AND locale = old.locale;
END;
