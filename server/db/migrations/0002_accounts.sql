-- Editors who may change the published data, their sessions, and an audit log of every change.

CREATE TABLE users (
  id            serial PRIMARY KEY,
  name          text NOT NULL UNIQUE CHECK (char_length(name) BETWEEN 1 AND 64),
  -- scrypt$N$r$p$salt$hash (base64url): see server/auth/passwords.ts.
  password_hash text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  disabled      boolean NOT NULL DEFAULT false
);

CREATE TABLE sessions (
  -- SHA-256 of the cookie's token: a copy of the table does not let anyone sign in.
  token_hash text PRIMARY KEY,
  user_id    integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE audit_log (
  id        bigserial PRIMARY KEY,
  at        timestamptz NOT NULL DEFAULT now(),
  user_name text,
  action    text NOT NULL,
  detail    jsonb NOT NULL DEFAULT '{}',
  client    text
);
CREATE INDEX audit_log_by_time ON audit_log (at);
