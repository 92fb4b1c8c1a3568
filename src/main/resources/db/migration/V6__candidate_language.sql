-- The language a candidate reads messages in (ru default; en from Telegram's language_code or the console).
ALTER TABLE candidate ADD COLUMN language VARCHAR(2) DEFAULT 'ru' NOT NULL;
ALTER TABLE candidate ADD CONSTRAINT candidate_language_known CHECK (language IN ('ru', 'en'));
