import {mkdirSync} from 'node:fs';
import {PGlite} from '@electric-sql/pglite';
import type {Database, Queryable} from './database.js';

/** The embedded database: PostgreSQL in WebAssembly, one process owning a data folder. */
export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, {recursive: true});
  const db = await PGlite.create(dataDir);
  const wrap = (target: {query: PGlite['query']}): Queryable => ({
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await target.query<Row>(sql, params)).rows;
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    async listen(channel, onPayload) {
      await db.listen(channel, onPayload);
    },
    close: () => db.close(),
  };
}
