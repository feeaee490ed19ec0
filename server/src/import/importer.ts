import {randomBytes} from 'node:crypto';
import {createReadStream, openSync, readSync, closeSync} from 'node:fs';
import type {Readable} from 'node:stream';
import {createGunzip} from 'node:zlib';
import {basename} from 'node:path';
import type {Database, Queryable} from '../db/database.js';
import {ExportReader, ImportFileError, type Format} from './formats.js';
import {count, note, stageComments, stageThreads, type ThreadFrom} from './stage.js';

export interface ImportOptions {
  file: string;
  /** Forces the format instead of telling it from the root element. */
  format?: Format;
  threadFrom: ThreadFrom;
  /** Names the site the file comes from; by default read from the file. */
  source?: string;
  /** `keep`: imported as spam (listed to nobody, as the server keeps spam); `hold`: held for moderation; `skip`: not imported. */
  spam: 'keep' | 'hold' | 'skip';
  /** Longer comments are cut here (UTF-16 code units) and reported. */
  maxTextLength: number;
  /** Records per transaction. */
  batchSize?: number;
}

/** A bounded list: how many, and the first few ids to look at. */
export interface Sample {
  count: number;
  ids: string[];
}

export interface ImportSummary {
  format: Format | undefined;
  source: string;
  threads: {created: number; existing: number; identifierFromUrl: number};
  imported: {approved: number; pending: number; spam: number; placeholders: number};
  alreadyThere: number;
  spamHeld: number;
  /** By reason: spam, trash, deleted, pingback, empty, duplicate, no-thread, no-id, `type …`. */
  skipped: Record<string, number>;
  /** Replies whose parent is not in the file nor imported before (or in another thread): now top level. */
  orphans: Sample;
  truncated: Sample;
  undated: number;
  seconds: number;
}

/**
 * Imports one WordPress or Disqus export. The file is read into staging tables first, so a
 * malformed file stops the run before a single comment is written; then comments are
 * written level by level (parents first), each level in date order, in batched
 * transactions that record every comment's (source, external id) with it. A run that
 * stops half way has written whole batches only, and running it again writes the rest.
 */
export async function importFile(db: Database, options: ImportOptions): Promise<ImportSummary> {
  if (db.kind !== 'postgres') return runImport(db, options); // PGlite: one process owns the database
  // Server processes may share PostgreSQL with an import, but two imports at once would take
  // each other's staging rows: a lock held by one transaction for the whole run.
  return db.transaction(async (lock) => {
    const [row] = await lock.query<{locked: boolean}>('SELECT pg_try_advisory_xact_lock(7261006) AS locked');
    if (!row?.locked) throw new ImportBusyError('another colloquy-server import is running on this database; run this one when it has finished');
    return runImport(db, options);
  });
}

export class ImportBusyError extends Error {}

async function runImport(db: Database, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 500;
  const run = `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
  const summary: ImportSummary = {
    format: options.format, source: options.source ?? '',
    threads: {created: 0, existing: 0, identifierFromUrl: 0},
    imported: {approved: 0, pending: 0, spam: 0, placeholders: 0},
    alreadyThere: 0, spamHeld: 0, skipped: {}, orphans: {count: 0, ids: []}, truncated: {count: 0, ids: []}, undated: 0, seconds: 0,
  };
  try {
    await readIntoStaging(db, run, options, summary, batchSize);
    const startedWriting = (await db.query<{now: Date}>('SELECT now() AS now'))[0]!.now;
    await writeComments(db, run, summary, batchSize);
    await dropUnneededPlaceholders(db, summary.source, summary);
    const [threads] = await db.query<{n: number}>(
      `SELECT count(DISTINCT c.thread_id)::int AS n FROM imports i JOIN comments c ON c.id = i.comment_id
       WHERE i.source = $1 AND i.imported_at >= $2`,
      [summary.source, startedWriting],
    );
    summary.threads.existing = Math.max(0, threads!.n - summary.threads.created);
  } finally {
    // Emptied once, at the end: staged rows hold commenters' addresses, which should not
    // outlive the run. One import runs at a time, so this takes whatever an interrupted run
    // left too; until then those rows are another run's and every query here skips them.
    await db.query('TRUNCATE import_staged_comments, import_staged_threads');
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

async function readIntoStaging(db: Database, run: string, options: ImportOptions, summary: ImportSummary, batchSize: number) {
  const reader = new ExportReader(basename(options.file), options.format);
  let ord = 1;
  const flush = async (all: boolean) => {
    if (!all && reader.comments.length < batchSize && reader.threads.length < batchSize) return;
    const threads = reader.threads.splice(0);
    const comments = reader.comments.splice(0);
    if (!summary.source) summary.source = sourceName(reader);
    if (comments.length && !summary.source) {
      throw new ImportFileError(`${basename(options.file)}: cannot tell which site this export comes from (no site address or forum before the first comment); name it with --source`);
    }
    await db.transaction(async (tx) => {
      await stageThreads(tx, run, threads, options, summary);
      if (comments.length) await stageComments(tx, run, ord, comments, summary.source, options, summary);
    });
    ord += comments.length;
  };
  const stream = openText(options.file);
  const chunks = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = await chunks.next();
      } catch (error) {
        throw new ImportFileError(`${basename(options.file)}: cannot read the file: ${(error as Error).message}`);
      }
      if (next.done) break;
      reader.write(next.value);
      await flush(false);
    }
    reader.close();
  } finally {
    stream.destroy();
  }
  summary.format = reader.format;
  await flush(true);
}

/** The file as UTF-8 text, gunzipped on the way when it is gzip (Disqus mails its exports as .xml.gz). */
function openText(file: string): Readable {
  const magic = Buffer.alloc(2);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, magic, 0, 2, 0);
  } finally {
    closeSync(fd);
  }
  const raw = createReadStream(file, {highWaterMark: 256 * 1024});
  if (magic[0] !== 0x1f || magic[1] !== 0x8b) return raw.setEncoding('utf8');
  const gunzip = createGunzip();
  raw.once('error', (error) => gunzip.destroy(error));
  gunzip.once('close', () => raw.destroy());
  return raw.pipe(gunzip).setEncoding('utf8');
}

function sourceName(reader: ExportReader): string {
  if (!reader.site) return '';
  return `${reader.format === 'disqus' ? 'disqus' : 'wordpress'}:${reader.site.replace(/\/+$/, '')}`;
}

interface ReadyRow {
  ord: number;
  external_id: string;
  parent_external_id: string | null;
  thread_key: string;
  thread_id: string | null;
  author_key: string;
  author_name: string;
  author_email: string | null;
  author_website: string | null;
  author_ip: string | null;
  text: string;
  status: 'approved' | 'pending' | 'spam' | 'deleted';
  reason: string | null;
  created_at: Date;
}

async function writeComments(db: Database, run: string, summary: ImportSummary, batchSize: number) {
  // The staging tables were empty when the planner last looked: without fresh statistics
  // PostgreSQL joins 50,000 staged rows by nested scans and runs into its statement timeout.
  await db.query('ANALYZE import_staged_comments');
  await db.query('ANALYZE import_staged_threads');
  // Comments of a thread the file does not describe, or whose page gives no usable id.
  const homeless = await db.query<{n: number}>(
    `WITH gone AS (DELETE FROM import_staged_comments s WHERE s.run = $1 AND NOT EXISTS (
       SELECT 1 FROM import_staged_threads t WHERE t.run = $1 AND t.key = s.thread_key AND t.thread_id IS NOT NULL) RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [run],
  );
  if (homeless[0]!.n) count(summary.skipped, 'no-thread', homeless[0]!.n);
  for (const row of await db.query<{reason: string; n: number}>(
    'SELECT reason, count(*)::int AS n FROM import_staged_comments WHERE run = $1 AND reason IS NOT NULL GROUP BY reason', [run],
  )) count(summary.skipped, row.reason, row.n);
  // Levels: a comment whose parent is not staged (none, imported before, or absent) is at
  // level 0; a reply one below its parent. A cycle of parents (a broken file) reaches no
  // level and goes to the top.
  await db.query(
    `WITH RECURSIVE tree AS (
       SELECT s.ord, s.external_id, 0 AS level FROM import_staged_comments s
       WHERE s.run = $1 AND (s.parent_external_id IS NULL OR NOT EXISTS (
         SELECT 1 FROM import_staged_comments p WHERE p.run = $1 AND p.external_id = s.parent_external_id))
       UNION ALL
       SELECT c.ord, c.external_id, tree.level + 1 FROM tree
       JOIN import_staged_comments c ON c.run = $1 AND c.parent_external_id = tree.external_id
     )
     UPDATE import_staged_comments s SET level = tree.level FROM tree WHERE s.run = $1 AND s.ord = tree.ord`,
    [run],
  );
  const cycles = await db.query<{external_id: string}>(
    'UPDATE import_staged_comments SET level = 0, parent_external_id = NULL WHERE run = $1 AND level IS NULL RETURNING external_id', [run],
  );
  for (const row of cycles) note(summary.orphans, row.external_id);
  const [{max}] = (await db.query<{max: number | null}>('SELECT max(level) AS max FROM import_staged_comments WHERE run = $1', [run])) as [{max: number | null}];
  for (let level = 0; level <= (max ?? -1); level++) {
    let after = {createdAt: '-infinity', ord: 0};
    for (;;) {
      const rows = await db.query<ReadyRow>(
        `SELECT s.ord, s.external_id, s.parent_external_id, s.thread_key, t.thread_id, s.author_key, s.author_name, s.author_email,
           s.author_website, s.author_ip, s.text, s.status, s.reason, s.created_at
         FROM import_staged_comments s JOIN import_staged_threads t ON t.run = s.run AND t.key = s.thread_key
         WHERE s.run = $1 AND s.level = $2 AND (s.created_at, s.ord) > ($3::timestamptz, $4::int)
         ORDER BY s.created_at, s.ord LIMIT $5`,
        [run, level, after.createdAt, after.ord, batchSize],
      );
      if (rows.length === 0) break;
      await db.transaction((tx) => writeBatch(tx, run, summary, rows));
      const last = rows.at(-1)!;
      after = {createdAt: new Date(last.created_at).toISOString(), ord: last.ord};
    }
  }
}

async function writeBatch(tx: Queryable, run: string, summary: ImportSummary, rows: ReadyRow[]) {
  const threadKeys = [...new Set(rows.map((row) => row.thread_key))];
  const created = await tx.query(
    `INSERT INTO threads (id, title, url, closed)
     SELECT DISTINCT ON (thread_id) thread_id, title, url, closed FROM import_staged_threads
     WHERE run = $1 AND key = ANY($2::text[]) AND thread_id IS NOT NULL ORDER BY thread_id, key
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [run, threadKeys],
  );
  summary.threads.created += created.length;
  const parentIds = [...new Set(rows.flatMap((row) => (row.parent_external_id ? [row.parent_external_id] : [])))];
  const parents = new Map(
    (await tx.query<{external_id: string; id: string; root_id: string; depth: number; thread_id: string}>(
      `SELECT i.external_id, c.id, c.root_id, c.depth, c.thread_id FROM imports i JOIN comments c ON c.id = i.comment_id
       WHERE i.source = $1 AND i.external_id = ANY($2::text[])`,
      [summary.source, parentIds],
    )).map((parent) => [parent.external_id, parent]),
  );
  const ids: string[] = [];
  const parentOf: (string | null)[] = [];
  const roots: string[] = [];
  const depths: number[] = [];
  for (const row of rows) {
    const id = newId();
    const parent = row.parent_external_id ? parents.get(row.parent_external_id) : undefined;
    const attached = parent && parent.thread_id === row.thread_id ? parent : undefined;
    if (row.parent_external_id && !attached) note(summary.orphans, row.external_id);
    ids.push(id);
    parentOf.push(attached?.id ?? null);
    roots.push(attached?.root_id ?? id);
    depths.push(attached ? attached.depth + 1 : 0);
    if (row.status === 'deleted') summary.imported.placeholders++;
    else summary.imported[row.status]++;
  }
  const column = <K extends keyof ReadyRow>(key: K) => rows.map((row) => row[key]);
  // Paths (migrations/007) for the whole batch in this statement, from the parents' stored
  // ones (written by an earlier level), rather than by the row trigger one comment at a time
  // (migrations/008). Seqs are drawn in the batch's order, as the column default draws them.
  await tx.query(`SET LOCAL colloquy.bulk_paths = on`);
  await tx.query(
    `INSERT INTO comments (seq, id, thread_id, parent_id, root_id, depth, author_key, author_name, author_email, author_website,
       author_ip, text, status, created_at, path)
     SELECT n.seq, n.id, n.thread_id, n.parent_id, n.root_id, n.depth, n.author_key, n.author_name, n.author_email, n.author_website,
       n.author_ip, n.text, n.status, n.created_at, CASE WHEN n.parent_id IS NULL THEN ARRAY[n.seq] ELSE p.path || n.seq END
     FROM (
       SELECT nextval('comments_seq_seq') AS seq, u.* FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[],
         $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::timestamptz[]) WITH ORDINALITY
         AS u(id, thread_id, parent_id, root_id, depth, author_key, author_name, author_email, author_website, author_ip, text, status, created_at, ord)
       ORDER BY u.ord
     ) AS n LEFT JOIN comments p ON p.id = n.parent_id`,
    [
      ids, column('thread_id'), parentOf, roots, depths, column('author_key'), column('author_name'), column('author_email'),
      column('author_website'), column('author_ip'), column('text'), column('status'),
      rows.map((row) => new Date(row.created_at).toISOString()),
    ],
  );
  // No ON CONFLICT: a second import of the same file running at the same time fails here
  // (and rolls this batch back) rather than storing a comment twice.
  await tx.query('INSERT INTO imports (source, external_id, comment_id) SELECT $1, * FROM unnest($2::text[], $3::text[])', [
    summary.source, column('external_id'), ids,
  ]);
}

/**
 * Placeholders (spam, trash, deleted, pingbacks) were written so that replies under them
 * keep their place; those with no reply go again, with their import rows, so a later run
 * counts them as skipped again rather than as already there.
 */
async function dropUnneededPlaceholders(db: Database, source: string, summary: ImportSummary) {
  for (;;) {
    const removed = await db.transaction(async (tx) => {
      const rows = await tx.query<{id: string}>(
        `SELECT c.id FROM imports i JOIN comments c ON c.id = i.comment_id
         WHERE i.source = $1 AND c.status = 'deleted' AND NOT EXISTS (SELECT 1 FROM comments k WHERE k.parent_id = c.id)
         LIMIT 1000 FOR UPDATE OF c`,
        [source],
      );
      if (rows.length === 0) return 0;
      const ids = rows.map((row) => row.id);
      await tx.query('DELETE FROM imports WHERE source = $1 AND comment_id = ANY($2::text[])', [source, ids]);
      await tx.query('DELETE FROM comments WHERE id = ANY($1::text[])', [ids]);
      return ids.length;
    });
    if (removed === 0) return;
    summary.imported.placeholders = Math.max(0, summary.imported.placeholders - removed);
  }
}

function newId(): string {
  return `c${Date.now().toString(36)}${randomBytes(6).toString('base64url')}`;
}
