import {serve, type ServerType} from '@hono/node-server';
import {createApp} from './app.js';
import type {ServerConfig} from './config.js';
import {openDatabase, type Database} from './db/database.js';
import {migrate} from './db/migrations.js';
import {LiveHub} from './live/hub.js';
import {createMailer} from './mail/mailer.js';
import {sweepAuth} from './auth/store.js';
import {startNotificationWorker} from './notify/worker.js';
import {sweep} from './store/rate-limits.js';

export interface RunningServer {
  url: string;
  db: Database;
  live: LiveHub;
  close(): Promise<void>;
}

/** Opens the database, migrates it, and listens; `close` stops all three. */
export async function startServer(config: ServerConfig, options: {now?: () => number} = {}): Promise<RunningServer> {
  const db = await openDatabase(config);
  await migrate(db);
  const live = new LiveHub(db);
  await live.start(config.keepAliveSeconds);
  const mailer = createMailer(config);
  const app = createApp({config, db, live, ...(mailer ? {mailer} : {}), ...(options.now ? {now: options.now} : {})});
  const sweeper = setInterval(() => void Promise.all([sweep(db, config.rateWindowSeconds), sweepAuth(db)]).catch(() => {}), 10 * 60 * 1000);
  sweeper.unref();
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({fetch: app.fetch, port: config.port, hostname: config.host}, () => resolve(s));
    s.once('error', reject);
  });
  // Slow or stalled clients cannot hold a request open forever; live streams are exempt below.
  if ('requestTimeout' in server) server.requestTimeout = 30_000;
  if ('headersTimeout' in server) server.headersTimeout = 15_000;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  const url = `http://${host}:${port}/`;
  // One mail loop per process; without SMTP, queued notifications wait for one to be configured.
  const worker = mailer ? startNotificationWorker({db, mailer, config, links: {base: config.publicUrl ?? url.replace(/\/$/, '')}}) : undefined;
  return {
    url,
    db,
    live,
    async close() {
      clearInterval(sweeper);
      live.stop();
      await worker?.stop();
      mailer?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await db.close();
    },
  };
}
