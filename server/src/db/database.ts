/** What every query runs on: the pool, or one transaction's connection. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/**
 * The one SQL layer: PGlite (embedded) and PostgreSQL (`pg`) behind the same calls, so
 * the same SQL and migrations serve both. Parameters only ($1, $2…); never concatenated.
 */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Calls `onPayload` for each NOTIFY on `channel` (from any process); resolves once listening. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(options: {databaseUrl?: string; dataDir: string}): Promise<Database> {
  if (options.databaseUrl) {
    const {openPostgres} = await import('./postgres.js');
    return openPostgres(options.databaseUrl);
  }
  const {openPglite} = await import('./pglite.js');
  return openPglite(options.dataDir);
}
