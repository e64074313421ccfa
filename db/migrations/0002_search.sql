-- Site search: one FTS5 index per language, diacritic-insensitive (unicode61
-- remove_diacritics 2 folds ë→e, ç→c), kept in step with the content by
-- triggers, so every insert, edit, publish or delete updates it in the same
-- transaction. rowid = 2 × translation id for news, 2 × id + 1 for pages.
-- strip_html() is registered on every connection by db/client.ts.
CREATE VIRTUAL TABLE `search_en` USING fts5(title, summary, body, kind UNINDEXED, ref_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_sq` USING fts5(title, summary, body, kind UNINDEXED, ref_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `news_translations_search_insert` AFTER INSERT ON `news_translations` BEGIN
  INSERT INTO `search_en`(rowid, title, summary, body, kind, ref_id) SELECT new.id * 2 + 0, new.title, new.summary, strip_html(new.body), 'news', new.id WHERE new.locale = 'en';
  INSERT INTO `search_sq`(rowid, title, summary, body, kind, ref_id) SELECT new.id * 2 + 0, new.title, new.summary, strip_html(new.body), 'news', new.id WHERE new.locale = 'sq';
END;
--> statement-breakpoint
CREATE TRIGGER `news_translations_search_update` AFTER UPDATE OF locale, title, summary, body ON `news_translations` BEGIN
  DELETE FROM `search_en` WHERE rowid = old.id * 2 + 0;
  DELETE FROM `search_sq` WHERE rowid = old.id * 2 + 0;
  INSERT INTO `search_en`(rowid, title, summary, body, kind, ref_id) SELECT new.id * 2 + 0, new.title, new.summary, strip_html(new.body), 'news', new.id WHERE new.locale = 'en';
  INSERT INTO `search_sq`(rowid, title, summary, body, kind, ref_id) SELECT new.id * 2 + 0, new.title, new.summary, strip_html(new.body), 'news', new.id WHERE new.locale = 'sq';
END;
--> statement-breakpoint
CREATE TRIGGER `news_translations_search_delete` AFTER DELETE ON `news_translations` BEGIN
  DELETE FROM `search_en` WHERE rowid = old.id * 2 + 0;
  DELETE FROM `search_sq` WHERE rowid = old.id * 2 + 0;
END;
--> statement-breakpoint
INSERT INTO `search_en`(rowid, title, summary, body, kind, ref_id) SELECT id * 2 + 0, title, summary, strip_html(body), 'news', id FROM `news_translations` WHERE locale = 'en';
--> statement-breakpoint
INSERT INTO `search_sq`(rowid, title, summary, body, kind, ref_id) SELECT id * 2 + 0, title, summary, strip_html(body), 'news', id FROM `news_translations` WHERE locale = 'sq';
--> statement-breakpoint
CREATE TRIGGER `page_translations_search_insert` AFTER INSERT ON `page_translations` BEGIN
  INSERT INTO `search_en`(rowid, title, summary, body, kind, ref_id) SELECT new.id * 2 + 1, new.title, new.summary, strip_html(new.body), 'page', new.id WHERE new.locale = 'en';
  INSERT INTO `search_sq`(rowid, title, summary, body, kind, ref_id) SELECT new.id * 2 + 1, new.title, new.summary, strip_html(new.body), 'page', new.id WHERE new.locale = 'sq';
END;
--> statement-breakpoint
CREATE TRIGGER `page_translations_search_update` AFTER UPDATE OF locale, title, summary, body ON `page_translations` BEGIN
  DELETE FROM `search_en` WHERE rowid = old.id * 2 + 1;
  DELETE FROM `search_sq` WHERE rowid = old.id * 2 + 1;
  INSERT INTO `search_en`(rowid, title, summary, body, kind, ref_id) SELECT new.id * 2 + 1, new.title, new.summary, strip_html(new.body), 'page', new.id WHERE new.locale = 'en';
  INSERT INTO `search_sq`(rowid, title, summary, body, kind, ref_id) SELECT new.id * 2 + 1, new.title, new.summary, strip_html(new.body), 'page', new.id WHERE new.locale = 'sq';
END;
--> statement-breakpoint
CREATE TRIGGER `page_translations_search_delete` AFTER DELETE ON `page_translations` BEGIN
  DELETE FROM `search_en` WHERE rowid = old.id * 2 + 1;
  DELETE FROM `search_sq` WHERE rowid = old.id * 2 + 1;
END;
--> statement-breakpoint
INSERT INTO `search_en`(rowid, title, summary, body, kind, ref_id) SELECT id * 2 + 1, title, summary, strip_html(body), 'page', id FROM `page_translations` WHERE locale = 'en';
--> statement-breakpoint
INSERT INTO `search_sq`(rowid, title, summary, body, kind, ref_id) SELECT id * 2 + 1, title, summary, strip_html(body), 'page', id FROM `page_translations` WHERE locale = 'sq';
