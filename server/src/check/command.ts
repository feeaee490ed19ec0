import {adapterConformanceChecks} from '../../../src/core/conformance.js';
import {createRestAdapter} from '../../../src/adapters/rest/index.js';
import type {SafeStorage} from '../../../src/adapters/shared/storage.js';
import {httpChecks, type Check} from './http-checks.js';

const USAGE = `Usage: colloquy-server check <endpoint> [--thread <id>] [--missing-thread <id>]

Runs Colloquy's adapter conformance suite (through the widget's own rest adapter) and
HTTP-level checks of docs/rest-protocol.md against <endpoint>, and prints what fails.
Without --thread it seeds a new thread by posting (the server must create threads on
first post); --missing-thread names a thread that must answer 404. With
COLLOQUY_MODERATOR_TOKEN set (a moderator's bearer token, kept out of the command line),
the moderator's checks run too.`;

/** Runs every check, prints one line each, and returns the exit code (0 when all pass). */
export async function runCheckCommand(args: string[], moderatorToken?: string): Promise<number> {
  const options = parseArgs(args);
  if (!options) {
    console.error(USAGE);
    return 2;
  }
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const newAdapter = () => createRestAdapter({endpoint, storage: memoryStorage()});
  // As a signed-in moderator's widget: the token rides on every request.
  const newModerator = (token: string) =>
    createRestAdapter({
      endpoint,
      storage: memoryStorage(),
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        headers.delete('Colloquy-Guest');
        headers.set('Authorization', `Bearer ${token}`);
        return fetch(input, {...init, headers});
      },
    });
  let thread = options.thread;
  try {
    if (!thread) thread = await seedThread(await newAdapter());
  } catch (error) {
    console.error(`Could not reach or seed ${endpoint}: ${(error as Error).message}`);
    return 1;
  }
  const checks: Check[] = [
    ...adapterConformanceChecks(async () => ({
      adapter: await newAdapter(),
      thread: thread!,
      ...(options.missingThread ? {missingThread: options.missingThread} : {}),
      guest: {name: 'Conformance', email: 'conformance@example.com'},
      ...(moderatorToken ? {moderator: await newModerator(moderatorToken)} : {}),
    })).map((check) => ({name: `adapter: ${check.name}`, run: check.run})),
    ...httpChecks(endpoint, thread),
  ];
  let failed = 0;
  for (const check of checks) {
    const started = Date.now();
    try {
      await withDeadline(check.run(), 30_000);
      console.log(`  ✓ ${check.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      console.log(`  ✗ ${check.name}\n      ${(error as Error).message ?? String(error)}`);
    }
  }
  console.log(`\n${checks.length - failed} passed, ${failed} failed (${endpoint}, thread "${thread}")`);
  return failed === 0 ? 0 : 1;
}

function parseArgs(args: string[]): {endpoint: string; thread?: string; missingThread?: string} | undefined {
  let endpoint: string | undefined;
  let thread: string | undefined;
  let missingThread: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--thread') thread = args[++i];
    else if (arg === '--missing-thread') missingThread = args[++i];
    else if (!arg.startsWith('--') && !endpoint) endpoint = arg;
    else return undefined;
  }
  if (!endpoint || !/^https?:\/\//.test(endpoint)) return undefined;
  return {endpoint, ...(thread ? {thread} : {}), ...(missingThread ? {missingThread} : {})};
}

/** A fresh thread holding what the conformance suite needs: three top-level comments and a reply. */
async function seedThread(adapter: Awaited<ReturnType<typeof createRestAdapter>>): Promise<string> {
  const thread = `conformance-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const guest = {name: 'Seed', email: 'seed@example.com'};
  const post = (text: string, parentId: string | null) =>
    adapter.postComment({thread, text, parentId, guest, idempotencyKey: crypto.randomUUID()}, {signal: AbortSignal.timeout(15_000)});
  const first = await post('First seeded comment.', null);
  await post('Second seeded comment.', null);
  await post('Third seeded comment.', null);
  await post('A seeded reply.', first.id);
  if (first.status === 'pending') {
    throw new Error('the server holds guests\' comments for moderation; seed a thread yourself and pass --thread');
  }
  return thread;
}

export function memoryStorage(): SafeStorage {
  const values = new Map<string, string>();
  return {get: (key) => values.get(key) ?? null, set: (key, value) => void values.set(key, value), remove: (key) => void values.delete(key)};
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}
