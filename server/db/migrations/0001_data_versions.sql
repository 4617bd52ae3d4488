-- Every figure belongs to a published data version. Versions are never changed once written:
-- an update or a rollback writes a new version and moves the `published` pointer.

CREATE TABLE data_versions (
  id            integer PRIMARY KEY,
  published_at  timestamptz NOT NULL DEFAULT now(),
  published_by  text NOT NULL,
  source_name   text NOT NULL,
  source_sha256 text,
  based_on      integer REFERENCES data_versions (id),
  note          text NOT NULL DEFAULT '',
  counts        jsonb NOT NULL DEFAULT '{}'
);

-- The version the API serves: one row.
CREATE TABLE published (
  singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version_id integer NOT NULL REFERENCES data_versions (id)
);

CREATE TABLE version_meta (
  version_id     integer PRIMARY KEY REFERENCES data_versions (id),
  as_of          date NOT NULL,
  district       jsonb NOT NULL,
  city           jsonb NOT NULL,
  source         jsonb NOT NULL,
  default_period text NOT NULL,
  stages         jsonb NOT NULL,
  levels         jsonb NOT NULL,
  project_types  jsonb NOT NULL
);

CREATE TABLE periods (
  version_id integer NOT NULL REFERENCES data_versions (id),
  id         text NOT NULL,
  ord        integer NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('actual', 'target')),
  PRIMARY KEY (version_id, id)
);

CREATE TABLE sectors (
  version_id integer NOT NULL REFERENCES data_versions (id),
  id         text NOT NULL,
  ord        integer NOT NULL,
  label      jsonb NOT NULL,
  grp        text NOT NULL CHECK (grp IN ('leading', 'multipoint')),
  PRIMARY KEY (version_id, id)
);

CREATE TABLE sector_figures (
  version_id integer NOT NULL,
  sector_id  text NOT NULL,
  period_id  text NOT NULL,
  output     jsonb,
  growth     jsonb,
  firms      jsonb,
  share      jsonb,
  series     jsonb,
  PRIMARY KEY (version_id, sector_id, period_id),
  FOREIGN KEY (version_id, sector_id) REFERENCES sectors (version_id, id),
  FOREIGN KEY (version_id, period_id) REFERENCES periods (version_id, id)
);

CREATE TABLE named_firms (
  version_id integer NOT NULL,
  sector_id  text NOT NULL,
  ord        integer NOT NULL,
  name       text NOT NULL,
  note       jsonb NOT NULL,
  provenance jsonb NOT NULL,
  PRIMARY KEY (version_id, sector_id, ord),
  FOREIGN KEY (version_id, sector_id) REFERENCES sectors (version_id, id)
);

CREATE TABLE kpis (
  version_id integer NOT NULL REFERENCES data_versions (id),
  id         text NOT NULL,
  ord        integer NOT NULL,
  grp        text NOT NULL,
  label      jsonb NOT NULL,
  sector_id  text,
  headline   boolean NOT NULL,
  target     jsonb,
  PRIMARY KEY (version_id, id)
);

CREATE TABLE kpi_values (
  version_id      integer NOT NULL,
  kpi_id          text NOT NULL,
  period_id       text NOT NULL,
  value           jsonb NOT NULL,
  yoy             jsonb,
  plan_completion jsonb,
  facts           jsonb NOT NULL DEFAULT '[]',
  comparisons     jsonb NOT NULL DEFAULT '[]',
  series          jsonb,
  PRIMARY KEY (version_id, kpi_id, period_id),
  FOREIGN KEY (version_id, kpi_id) REFERENCES kpis (version_id, id),
  FOREIGN KEY (version_id, period_id) REFERENCES periods (version_id, id)
);

CREATE TABLE projects (
  version_id          integer NOT NULL REFERENCES data_versions (id),
  id                  text NOT NULL,
  -- Order as published (the list's order when no sort is asked for).
  ord                 integer NOT NULL,
  name                text NOT NULL,
  description         text NOT NULL,
  sector_id           text,
  type                text NOT NULL,
  stage               text NOT NULL CHECK (stage IN ('negotiating', 'signed', 'preliminary', 'construction', 'completed')),
  level               text NOT NULL CHECK (level IN ('municipal', 'district')),
  investment_period   text NOT NULL,
  planned             jsonb NOT NULL,
  completed           jsonb NOT NULL,
  planned_yuan        double precision GENERATED ALWAYS AS ((planned ->> 'value')::double precision) STORED,
  completed_yuan      double precision GENERATED ALWAYS AS ((completed ->> 'value')::double precision) STORED,
  total_investment    jsonb,
  start_date          date,
  expected_completion date,
  last_update         date NOT NULL,
  provenance          jsonb NOT NULL,
  milestones          jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (version_id, id)
);

CREATE INDEX projects_by_order ON projects (version_id, ord);
