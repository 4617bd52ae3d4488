-- The default dataset holds only what the report says: a project it names may have no level and
-- no money (the report gives none per project). Sample data (the demo) is marked in each version
-- it is in, so every screen can say so.

ALTER TABLE projects ALTER COLUMN level DROP NOT NULL;
ALTER TABLE projects ALTER COLUMN investment_period DROP NOT NULL;
ALTER TABLE projects ALTER COLUMN planned DROP NOT NULL;
ALTER TABLE projects ALTER COLUMN completed DROP NOT NULL;

ALTER TABLE version_meta ADD COLUMN sample boolean NOT NULL DEFAULT false;

-- A version written before this that holds invented figures (the illustrative fill the first
-- seeds carried) is sample data, and is labelled as such from now on.
UPDATE version_meta m
SET sample = true
WHERE EXISTS (
  SELECT 1 FROM projects p WHERE p.version_id = m.version_id AND p.provenance ->> 'kind' = 'illustrative'
);
