ALTER TABLE `news_items` ADD `media_contact_name` text;--> statement-breakpoint
ALTER TABLE `news_items` ADD `media_contact_phone` text;--> statement-breakpoint
ALTER TABLE `news_items` ADD `media_contact_email` text;