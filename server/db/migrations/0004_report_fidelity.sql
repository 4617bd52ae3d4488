-- What a version says about each project field by field: where each attribute comes from (a
-- level the report does not give is an assumption), how precisely its dates are known ("明年"
-- is a year, not a day), and the figures the report gives about it (a bridge's 446 m).

ALTER TABLE projects
  ADD COLUMN field_provenance jsonb,
  ADD COLUMN date_precision   jsonb,
  ADD COLUMN facts            jsonb;

-- Versions written before this knew only the project's own provenance. For a project the report
-- names, its stage is what the report says; everything else about it is taken as assumed.
UPDATE projects
SET field_provenance = jsonb_build_object(
  'stage', provenance,
  'level', '{"kind":"illustrative"}'::jsonb,
  'sector', '{"kind":"illustrative"}'::jsonb,
  'type', '{"kind":"illustrative"}'::jsonb,
  'start', '{"kind":"illustrative"}'::jsonb,
  'expectedCompletion', '{"kind":"illustrative"}'::jsonb
)
WHERE provenance ->> 'kind' = 'reported';

-- A firm the report names without saying which sector it belongs to is not filed under one
-- (its sector is NULL), and a firm may carry the figures the report gives about it.
ALTER TABLE named_firms DROP CONSTRAINT named_firms_pkey;
ALTER TABLE named_firms ALTER COLUMN sector_id DROP NOT NULL;
ALTER TABLE named_firms ADD PRIMARY KEY (version_id, ord);
ALTER TABLE named_firms ADD COLUMN facts jsonb;
