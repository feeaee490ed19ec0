import {readdirSync, readFileSync} from 'node:fs';
import type {Database} from './database.js';

const folder = new URL('../../migrations/', import.meta.url);

/**
 * Applies the versioned files in `migrations/` (`NNN-name.sql`) that this database has not
 * seen, in order, each in its own transaction. An advisory lock keeps two processes that
 * start together from applying the same one twice.
 */
export async function migrate(db: Database): Promise<string[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const files = readdirSync(folder).filter((name) => /^\d+-[\w-]+\.sql$/.test(name)).sort();
  const applied: string[] = [];
  for (const file of files) {
    const version = Number.parseInt(file, 10);
    const sql = readFileSync(new URL(file, folder), 'utf8');
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7261001)');
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [version]);
      if (seen.length > 0) return false;
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version, file]);
      return true;
    });
    if (done) applied.push(file);
  }
  return applied;
}

/** Statements one by one (extended-protocol queries take one each); the files hold no `;` inside strings. */
function splitStatements(sql: string): string[] {
  return sql
    .replace(/--.*$/gm, '')
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean);
}
