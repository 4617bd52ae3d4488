-- What the office's indicator catalog (the template's 指标目录 sheet) says of an indicator beyond
-- its name, group and order: its unit, which way is better and whether its figures are running
-- totals from January (累计) or levels (时点). Versions published before say none of it: the unit
-- is then that of its figures.

ALTER TABLE kpis
  ADD COLUMN unit       text,
  ADD COLUMN direction  text CHECK (direction IN ('higher', 'lower', 'neutral')),
  ADD COLUMN cumulative boolean;
