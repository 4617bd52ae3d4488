-- The groups the overview heads its figures with (工业, 招商引资 …) are data of each version, in
-- the order the office's 指标分组 sheet gives them. Versions published before had the report's
-- five, fixed in the app: they get them here, so every version names its groups.
-- Uploads checked before hold what publishing would write without groups: they are dropped (an
-- editor uploads the file again; staged uploads expire after a day anyway).

ALTER TABLE version_meta ADD COLUMN kpi_groups jsonb;

UPDATE version_meta SET kpi_groups = '[
  {"id": "industry", "label": {"zh-CN": "工业", "en": "Industry"}},
  {"id": "attraction", "label": {"zh-CN": "招商引资", "en": "Investment attraction"}},
  {"id": "projects", "label": {"zh-CN": "重点项目", "en": "Key projects"}},
  {"id": "private", "label": {"zh-CN": "民营经济", "en": "Private economy"}},
  {"id": "sme", "label": {"zh-CN": "专精特新", "en": "Specialised SMEs (专精特新)"}}
]'::jsonb;

ALTER TABLE version_meta ALTER COLUMN kpi_groups SET NOT NULL;

DELETE FROM staged_imports;
