-- Uploads waiting to be published: the validation report and what publishing would write.
-- Publishing one moves it into a new data version; they expire after a day.

CREATE TABLE staged_imports (
  id           text PRIMARY KEY,
  user_name    text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  base_version integer NOT NULL REFERENCES data_versions (id),
  file_name    text NOT NULL,
  sha256       text NOT NULL,
  report       jsonb NOT NULL,
  -- Null when the file has errors: such an upload cannot be published.
  dataset      jsonb
);
CREATE INDEX staged_imports_by_time ON staged_imports (created_at);
