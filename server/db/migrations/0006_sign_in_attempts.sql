-- Failed sign-ins, counted by the limits in server/auth/accounts.ts (SIGN_IN_LIMITS): per name,
-- per client address and for the whole service. In the database, so a restart does not reset
-- them and several servers on one PostgreSQL count the same attempts. A successful sign-in
-- deletes its name's rows; rows older than a day are deleted as new ones are written.

CREATE TABLE sign_in_attempts (
  id     bigserial PRIMARY KEY,
  at     timestamptz NOT NULL,
  name   text NOT NULL,
  client text NOT NULL
);
CREATE INDEX sign_in_attempts_by_name ON sign_in_attempts (name, at);
CREATE INDEX sign_in_attempts_by_client ON sign_in_attempts (client, at);
CREATE INDEX sign_in_attempts_by_time ON sign_in_attempts (at);
