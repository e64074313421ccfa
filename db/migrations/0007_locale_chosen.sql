ALTER TABLE `users` ADD `locale_chosen` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Albanian was always someone's choice (English was the default): keep it.
UPDATE `users` SET `locale_chosen` = true WHERE `preferred_locale` = 'sq';
