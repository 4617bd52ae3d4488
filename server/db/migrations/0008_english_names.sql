-- Names in English where the office gives them: a project's name and description, a named firm's
-- name. Translations, not figures: the Chinese name stays the name, and a version written before
-- this (or an import without the English columns) simply has none.

ALTER TABLE projects
  ADD COLUMN name_en        text,
  ADD COLUMN description_en text;

ALTER TABLE named_firms ADD COLUMN name_en text;
