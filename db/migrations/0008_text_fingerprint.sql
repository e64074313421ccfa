ALTER TABLE `news_translations` ADD `text_fingerprint` text;--> statement-breakpoint
CREATE INDEX `news_translations_overview_idx` ON `news_translations` (`news_item_id`,`locale`,`status`,`source_fingerprint`,`text_fingerprint`);--> statement-breakpoint
ALTER TABLE `page_translations` ADD `text_fingerprint` text;--> statement-breakpoint
-- Written by hand below (drizzle-kit does not generate triggers): keep this
-- part when the migration is renumbered. text_fingerprint() is registered on
-- every connection by db/client.ts (lib/text-fingerprint.ts).
UPDATE `news_translations` SET `text_fingerprint` = text_fingerprint(`title`, `summary`, `body`);--> statement-breakpoint
UPDATE `page_translations` SET `text_fingerprint` = text_fingerprint(`title`, `summary`, `body`);--> statement-breakpoint
CREATE TRIGGER `news_translations_fingerprint_insert` AFTER INSERT ON `news_translations` BEGIN
  UPDATE `news_translations` SET `text_fingerprint` = text_fingerprint(new.title, new.summary, new.body) WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `news_translations_fingerprint_update` AFTER UPDATE OF title, summary, body ON `news_translations` BEGIN
  UPDATE `news_translations` SET `text_fingerprint` = text_fingerprint(new.title, new.summary, new.body) WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `page_translations_fingerprint_insert` AFTER INSERT ON `page_translations` BEGIN
  UPDATE `page_translations` SET `text_fingerprint` = text_fingerprint(new.title, new.summary, new.body) WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `page_translations_fingerprint_update` AFTER UPDATE OF title, summary, body ON `page_translations` BEGIN
  UPDATE `page_translations` SET `text_fingerprint` = text_fingerprint(new.title, new.summary, new.body) WHERE id = new.id;
END;
