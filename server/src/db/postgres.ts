import pg from 'pg';
import type {Database, Queryable} from './database.js';

/** A real PostgreSQL shared by any number of server processes. */
export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({connectionString, max: 10, connectionTimeoutMillis: 10_000, statement_timeout: 15_000});
  // An idle client losing its connection must not take the process down; the pool replaces it.
  pool.on('error', (error) => console.error('colloquy-server: database connection lost:', error.message));
  let listener: pg.Client | undefined;
  const handlers = new Map<string, (payload: string) => void>();
  let closing = false;

  async function connectListener(): Promise<void> {
    const client = new pg.Client({connectionString});
    client.on('notification', (message) => handlers.get(message.channel)?.(message.payload ?? ''));
    client.on('error', (error) => {
      if (closing) return;
      console.error('colloquy-server: LISTEN connection lost, reconnecting:', error.message);
      listener = undefined;
      setTimeout(() => void connectListener().catch(() => {}), 1000).unref();
    });
    await client.connect();
    for (const channel of handlers.keys()) await client.query(`LISTEN ${quoteIdentifier(channel)}`);
    listener = client;
  }

  return {
    kind: 'postgres',
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as Row[];
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Queryable = {query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[]};
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      handlers.set(channel, onPayload);
      if (!listener) await connectListener();
      else await listener.query(`LISTEN ${quoteIdentifier(channel)}`);
    },
    async close() {
      closing = true;
      await listener?.end().catch(() => {});
      await pool.end();
    },
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
