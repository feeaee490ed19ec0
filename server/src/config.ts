import {resolve} from 'node:path';
import {ConfigError} from './config-error.js';
import {AUTH_VARIABLES, readAuthConfig, type AuthConfig} from './auth/auth-config.js';

export type ModerationPolicy = 'none' | 'first' | 'links' | 'all';

export interface ServerConfig {
  port: number;
  host: string;
  /** A real PostgreSQL; when absent, the embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** Site origins allowed by CORS and to create threads; empty = any (development). */
  origins: string[];
  /** `auto`: the first post from an allowed origin creates its thread; `precreated`: only threads a moderator made. */
  threadCreation: 'auto' | 'precreated';
  moderation: ModerationPolicy;
  /** With `links`: hold comments with more than this many links. */
  moderationLinks: number;
  /** Bearer token of the admin API and the moderate CLI; absent = admin API off. */
  adminToken?: string;
  maxBodyBytes: number;
  maxTextLength: number;
  maxNameLength: number;
  maxDepth: number;
  editWindowSeconds: number;
  duplicateWindowSeconds: number;
  rateWindowSeconds: number;
  postsPerIp: number;
  postsPerIdentity: number;
  /** Read the client address from X-Forwarded-For (behind a load balancer). */
  trustProxy: boolean;
  /** Page size (top-level comments) when the client gives none. */
  defaultPageSize: number;
  /**
   * The most top-level comments a page may hold (100 to 1,000), announced in the service
   * document as `limits.pageSize`: a widget with a large `page-size` needs fewer pages.
   */
  maxPageSize: number;
  keepAliveSeconds: number;
  /** Open live streams per process; more are refused with 503 and Retry-After. */
  maxStreams: number;
  /** Where visitors reach this server (links in emails, sign-in callbacks); absent = its own address. */
  publicUrl?: string;
  /** Outgoing mail (`smtp://user:pass@host:port` or `smtps://…`); absent = no email features. */
  smtpUrl?: string;
  /** The From of every email this server sends. */
  mailFrom: string;
  /** Sign-in: providers, moderators, session length (server/src/auth/auth-config.ts). */
  auth: AuthConfig;
  /** The notification queue: sends tried per email before it becomes a dead letter. */
  mailMaxAttempts: number;
  /** Seconds before the first retry of a failed send; doubled after each failure (capped at an hour). */
  mailRetrySeconds: number;
  /** Seconds a process holds a claimed email before another may take it (a crash mid-send). */
  mailLeaseSeconds: number;
  /** Seconds during which an address gets at most one confirmation email. */
  confirmWindowSeconds: number;
  /** Confirmation emails per client address per confirmation window. */
  confirmationsPerIp: number;
}

/** Every variable, its default and meaning: the README's configuration table, row for row (test/config.test.ts checks). */
export const CONFIG_VARIABLES: {name: string; default: string; meaning: string}[] = [
  {name: 'PORT', default: '8787', meaning: 'TCP port'},
  {name: 'HOST', default: '127.0.0.1', meaning: 'address to listen on (`0.0.0.0` for every interface)'},
  {name: 'DATABASE_URL', default: '(none)', meaning: 'a PostgreSQL connection URL; without it the embedded PGlite is used'},
  {name: 'COLLOQUY_DATA_DIR', default: './.colloquy-data', meaning: "the embedded database's folder"},
  {name: 'COLLOQUY_ORIGINS', default: '(any)', meaning: 'comma-separated site origins allowed by CORS and to create threads'},
  {name: 'COLLOQUY_THREADS', default: 'auto', meaning: '`auto` (first post from an allowed origin creates the thread) or `precreated`'},
  {name: 'COLLOQUY_MODERATION', default: 'none', meaning: '`none`, `first` (a guest\'s first comment), `links`, `all`'},
  {name: 'COLLOQUY_MODERATION_LINKS', default: '2', meaning: 'with `links`: hold comments with more links than this'},
  {name: 'COLLOQUY_ADMIN_TOKEN', default: '(none)', meaning: 'moderators\' bearer token for the admin API and CLI (16+ characters); unset = admin API off'},
  ...AUTH_VARIABLES,
  {name: 'COLLOQUY_MAX_BODY_BYTES', default: '65536', meaning: 'largest request body (413 beyond)'},
  {name: 'COLLOQUY_MAX_TEXT_LENGTH', default: '5000', meaning: 'longest comment, UTF-16 code units'},
  {name: 'COLLOQUY_MAX_DEPTH', default: '12', meaning: 'deepest reply level (top level is 0)'},
  {name: 'COLLOQUY_EDIT_WINDOW', default: '900', meaning: 'seconds during which an author may edit or delete'},
  {name: 'COLLOQUY_DUPLICATE_WINDOW', default: '600', meaning: 'seconds during which the same text from the same author is refused as `duplicate`'},
  {name: 'COLLOQUY_RATE_WINDOW', default: '600', meaning: 'seconds of a rate-limit window'},
  {name: 'COLLOQUY_POSTS_PER_IP', default: '60', meaning: 'posts per window per client address'},
  {name: 'COLLOQUY_POSTS_PER_IDENTITY', default: '30', meaning: 'posts per window per author (signed-in user or guest)'},
  {name: 'COLLOQUY_MAX_PAGE_SIZE', default: '500', meaning: 'most top-level comments one page may hold (100–1000), announced in the service document as `limits.pageSize`: a thread with a larger `page-size` needs fewer pages'},
  {name: 'COLLOQUY_MAX_STREAMS', default: '10000', meaning: 'open live-update streams per process (503 with `Retry-After` beyond)'},
  {name: 'COLLOQUY_PUBLIC_URL', default: '(its own address)', meaning: 'the address visitors reach this server at, for links in emails and sign-in callbacks (https in production)'},
  {name: 'COLLOQUY_SMTP_URL', default: '(none)', meaning: 'outgoing mail server, `smtp://user:password@host:587` or `smtps://…`; unset = no email sign-in and no notifications'},
  {name: 'COLLOQUY_MAIL_FROM', default: 'Colloquy <comments@localhost>', meaning: 'the From of every email'},
  {name: 'COLLOQUY_MAIL_MAX_ATTEMPTS', default: '8', meaning: 'tries per notification email before it becomes a dead letter (listed at `GET /admin/notifications/jobs?state=dead`)'},
  {name: 'COLLOQUY_MAIL_RETRY_SECONDS', default: '60', meaning: 'wait before retrying a failed send; doubled after each failure, at most an hour'},
  {name: 'COLLOQUY_MAIL_LEASE_SECONDS', default: '300', meaning: 'how long a process holds an email it is sending; after a crash another process sends it once this has passed'},
  {name: 'COLLOQUY_CONFIRM_WINDOW', default: '86400', meaning: 'seconds during which an address gets at most one confirmation email'},
  {name: 'COLLOQUY_CONFIRMATIONS_PER_IP', default: '10', meaning: 'confirmation emails one client address can cause per confirmation window'},
  {name: 'COLLOQUY_TRUST_PROXY', default: 'false', meaning: '`true` behind a load balancer: client address from `X-Forwarded-For`'},
];

export {ConfigError};

/** The configuration from environment variables; throws a ConfigError naming a bad value. */
export function readConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): ServerConfig {
  const int = (name: string, fallback: number, min = 0) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new ConfigError(`${name} must be a whole number ≥ ${min}, not "${raw}".`);
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!allowed.includes(raw as T)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, not "${raw}".`);
    return raw as T;
  };
  const origins = (env['COLLOQUY_ORIGINS'] ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => {
      try {
        const url = new URL(origin);
        if (url.origin === 'null') throw new Error();
        return url.origin;
      } catch {
        throw new ConfigError(`COLLOQUY_ORIGINS: "${origin}" is not an origin like https://blog.example.`);
      }
    });
  const adminToken = env['COLLOQUY_ADMIN_TOKEN'] || undefined;
  if (adminToken !== undefined && adminToken.length < 16) {
    throw new ConfigError('COLLOQUY_ADMIN_TOKEN must be at least 16 characters long.');
  }
  const publicUrl = env['COLLOQUY_PUBLIC_URL'] ? httpUrl('COLLOQUY_PUBLIC_URL', env['COLLOQUY_PUBLIC_URL']) : undefined;
  return {
    port: int('PORT', 8787),
    host: env['HOST'] || '127.0.0.1',
    ...(env['DATABASE_URL'] ? {databaseUrl: env['DATABASE_URL']} : {}),
    dataDir: resolve(cwd, env['COLLOQUY_DATA_DIR'] || '.colloquy-data'),
    origins,
    threadCreation: oneOf('COLLOQUY_THREADS', ['auto', 'precreated'] as const, 'auto'),
    moderation: oneOf('COLLOQUY_MODERATION', ['none', 'first', 'links', 'all'] as const, 'none'),
    moderationLinks: int('COLLOQUY_MODERATION_LINKS', 2),
    ...(adminToken ? {adminToken} : {}),
    maxBodyBytes: int('COLLOQUY_MAX_BODY_BYTES', 65_536, 1024),
    maxTextLength: int('COLLOQUY_MAX_TEXT_LENGTH', 5000, 1),
    maxNameLength: 100,
    maxDepth: int('COLLOQUY_MAX_DEPTH', 12, 0),
    editWindowSeconds: int('COLLOQUY_EDIT_WINDOW', 900),
    duplicateWindowSeconds: int('COLLOQUY_DUPLICATE_WINDOW', 600),
    rateWindowSeconds: int('COLLOQUY_RATE_WINDOW', 600, 1),
    postsPerIp: int('COLLOQUY_POSTS_PER_IP', 60, 1),
    postsPerIdentity: int('COLLOQUY_POSTS_PER_IDENTITY', 30, 1),
    trustProxy: /^(1|true|yes)$/i.test(env['COLLOQUY_TRUST_PROXY'] ?? ''),
    defaultPageSize: 20,
    maxPageSize: pageSizeLimit(int('COLLOQUY_MAX_PAGE_SIZE', 500, 100)),
    keepAliveSeconds: 25,
    maxStreams: int('COLLOQUY_MAX_STREAMS', 10_000, 1),
    ...(publicUrl ? {publicUrl} : {}),
    ...(env['COLLOQUY_SMTP_URL'] ? {smtpUrl: smtpUrl(env['COLLOQUY_SMTP_URL'])} : {}),
    mailFrom: env['COLLOQUY_MAIL_FROM'] || 'Colloquy <comments@localhost>',
    auth: readAuthConfig(env, origins),
    mailMaxAttempts: int('COLLOQUY_MAIL_MAX_ATTEMPTS', 8, 1),
    mailRetrySeconds: int('COLLOQUY_MAIL_RETRY_SECONDS', 60, 1),
    mailLeaseSeconds: int('COLLOQUY_MAIL_LEASE_SECONDS', 300, 1),
    confirmWindowSeconds: int('COLLOQUY_CONFIRM_WINDOW', 86_400, 1),
    confirmationsPerIp: int('COLLOQUY_CONFIRMATIONS_PER_IP', 10, 1),
  };
}

/** Above 1,000 the protocol's clients would not ask for more anyway, and a page is one huge answer. */
function pageSizeLimit(value: number): number {
  if (value > 1000) throw new ConfigError(`COLLOQUY_MAX_PAGE_SIZE must be at most 1000, not "${value}".`);
  return value;
}

function httpUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name}: "${raw}" is not a URL like https://comments.example.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`${name} must be an http or https URL.`);
  return url.href.replace(/\/+$/, '');
}

function smtpUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('COLLOQUY_SMTP_URL is not a URL like smtp://user:password@mail.example:587.');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new ConfigError('COLLOQUY_SMTP_URL must start with smtp:// or smtps://.');
  return url.href;
}
