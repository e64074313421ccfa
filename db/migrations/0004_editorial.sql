ALTER TABLE `news_items` ADD `author_id` integer REFERENCES users(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `news_items` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `news_translations` ADD `source_version` integer;--> statement-breakpoint
ALTER TABLE `page_translations` ADD `source_version` integer;