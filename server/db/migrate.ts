/** Versioned schema changes: `db/migrations/NNNN_name.sql`, applied in order, each once. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './client';

/** Serialises schema changes and version writes between processes sharing one PostgreSQL. */
export const WRITE_LOCK = 7_240_826;

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export function migrationFiles(): { version: number; name: string; sql: string }[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 4)), name, sql: readFileSync(MIGRATIONS_DIR + name, 'utf8') }));
}

/**
 * Applies the migrations not yet applied, each in its own transaction together with its row in
 * schema_migrations, under a lock so that several processes starting at once apply each once.
 * Returns the names applied.
 */
export async function migrate(db: Db): Promise<string[]> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
  });
  const applied: string[] = [];
  for (const m of migrationFiles()) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      const [row] = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (row) return false;
      // A migration file is trusted SQL shipped with the code (several statements, no parameters).
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.name);
  }
  return applied;
}
