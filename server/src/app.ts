import type {HttpBindings} from '@hono/node-server';
import {Hono} from 'hono';
import {cors} from 'hono/cors';
import type {ServerConfig} from './config.js';
import type {Database} from './db/database.js';
import {errorResponse, notFound, ProtocolError} from './errors.js';
import type {LiveHub} from './live/hub.js';
import type {Mailer} from './mail/mailer.js';
import {ProviderClients} from './auth/provider-client.js';
import {adminRoutes} from './routes/admin.js';
import {authRoutes} from './routes/auth.js';
import {authEmailRoutes} from './routes/auth-email.js';
import {authSessionRoutes} from './routes/auth-session.js';
import {callbackPageRoutes} from './routes/auth-callback-page.js';
import {commentRoutes} from './routes/comments.js';
import {eventRoutes} from './routes/events.js';
import {moderationRoutes} from './routes/moderation.js';
import {notificationAdminRoutes} from './routes/notifications-admin.js';
import {notificationRoutes} from './routes/notifications.js';
import {serviceRoutes} from './routes/service.js';
import {GUEST_HEADER, identify, type Viewer} from './viewer.js';
import {negotiateLocale} from './i18n/locales.js';
import {translatorFor, type Translator} from './i18n/translate.js';

export interface AppDeps {
  config: ServerConfig;
  db: Database;
  live: LiveHub;
  /** Absent when no SMTP server is configured: email features answer that they are off. */
  mailer?: Mailer;
  /** The time in ms, for sessions and sign-in expiry; tests move it. Defaults to Date.now. */
  now?: () => number;
}

export type AppEnv = {
  Bindings: Partial<HttpBindings>;
  Variables: {
    deps: AppDeps;
    viewer: Viewer;
    ip: string;
    now: number;
    providers: ProviderClients;
    /** The reader's language, from `Accept-Language` (the rest adapter sends the widget's). */
    t: Translator;
  };
};

/** The whole server as one Hono app; everything it needs comes in `deps`, nothing is global. */
export function createApp(deps: AppDeps) {
  const {config} = deps;
  const app = new Hono<AppEnv>();
  const providers = new ProviderClients(config.auth.providers);
  const clock = deps.now ?? Date.now;
  app.use(
    '*',
    cors({
      origin: (origin) => (config.origins.length === 0 ? '*' : config.origins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
      allowHeaders: ['Accept-Language', 'Authorization', 'Content-Type', 'Idempotency-Key', 'If-None-Match', 'Last-Event-ID', GUEST_HEADER],
      exposeHeaders: ['ETag', 'Retry-After', 'Idempotency-Replayed'],
      maxAge: 600,
    }),
  );
  app.use('*', async (c, next) => {
    // First: everything after it, even a refused session, answers in the reader's language.
    c.set('t', translatorFor(negotiateLocale(c.req.header('Accept-Language'))));
    c.set('deps', deps);
    c.set('ip', clientAddress(c.req.raw.headers, c.env?.incoming?.socket?.remoteAddress, config.trustProxy));
    c.set('now', clock());
    c.set('providers', providers);
    c.set('viewer', await identify(c.req.raw.headers, config, deps.db, c.var.now));
    await next();
  });
  app.route('/', serviceRoutes());
  app.route('/', commentRoutes());
  app.route('/', moderationRoutes());
  app.route('/', eventRoutes());
  app.route('/', adminRoutes());
  // Before authRoutes: `/auth/providers/email/…` are its own paths, not a provider's.
  app.route('/', authEmailRoutes());
  app.route('/', authRoutes());
  app.route('/', authSessionRoutes());
  app.route('/', callbackPageRoutes());
  app.route('/', notificationRoutes());
  app.route('/', notificationAdminRoutes());
  app.notFound((c) => errorResponse(c, notFound('error.no-such-address')));
  app.onError((error, c) => {
    if (error instanceof ProtocolError) return errorResponse(c, error);
    console.error('colloquy-server: request failed:', error);
    return errorResponse(c, new ProtocolError(503, 'server', 'error.server', {retryAfter: 5}));
  });
  return app;
}

/** The client's address: the socket's, or behind a trusted proxy the hop it saw last. */
function clientAddress(headers: Headers, socketAddress: string | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = (headers.get('X-Forwarded-For') ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
    if (hops.length) return hops.at(-1)!.slice(0, 64);
  }
  return socketAddress ?? 'unknown';
}
