-- The totals of project sets the source states (all key projects' investment, the municipal
-- ones'), served in /meta so the tracker can mark a list's totals as reported when they agree.

ALTER TABLE version_meta ADD COLUMN reported_project_totals jsonb NOT NULL DEFAULT '[]'::jsonb;

-- Versions written before this hold the report's projects or a change of them: they carry the
-- report's statements (the tracker still shows a sum wherever the projects' sums differ).
UPDATE version_meta
SET reported_project_totals =
  '[{"count":198,"completed":13973000000,"source":"L56"},{"level":"municipal","count":22,"completed":1923000000,"source":"L56-L58"}]'::jsonb;
