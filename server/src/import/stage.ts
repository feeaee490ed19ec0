import {createHash} from 'node:crypto';
import type {Queryable} from '../db/database.js';
import {safeUrl} from '../render.js';
import {isThreadId} from '../store/threads.js';
import type {ParsedComment, ParsedThread} from './formats.js';
import {htmlToLine, htmlToStoredText} from './html-text.js';
import type {ImportOptions, ImportSummary, Sample} from './importer.js';

/**
 * The first half of a run: records from the file, checked and turned into the server's
 * shapes, written to the staging tables one batch at a time.
 */

export type ThreadFrom = 'path' | 'url' | 'identifier';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}\.[^\s@]{1,63}$/;
const MAX_NAME = 100;

/** The thread id a page will ask for, by the site owner's choice (README: "Switching from WordPress or Disqus"). */
export function threadIdFor(thread: ParsedThread, from: ThreadFrom): {id: string | null; fellBack: boolean} {
  const url = safeUrl(thread.link)?.split('#')[0];
  let id: string | undefined;
  let fellBack = false;
  if (from === 'identifier') {
    id = thread.identifier || undefined;
    // Disqus, like this, falls back to the page's address when a page set no identifier.
    if (!id) {
      id = url;
      fellBack = true;
    }
  } else if (from === 'url') {
    id = url;
  } else if (url) {
    const parsed = new URL(url);
    id = parsed.pathname + parsed.search;
  }
  return {id: id && isThreadId(id) ? id : null, fellBack};
}

export async function stageThreads(tx: Queryable, run: string, threads: ParsedThread[], options: ImportOptions, summary: ImportSummary) {
  if (threads.length === 0) return;
  const ids = threads.map((thread) => {
    const {id, fellBack} = threadIdFor(thread, options.threadFrom);
    if (fellBack && id) summary.threads.identifierFromUrl++;
    return id;
  });
  await tx.query(
    `INSERT INTO import_staged_threads (run, key, thread_id, title, url, closed)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[]) ON CONFLICT DO NOTHING`,
    [
      run,
      threads.map((thread) => thread.key),
      ids,
      threads.map((thread) => htmlToLine(thread.title, 300)),
      threads.map((thread) => (thread.link.length <= 2000 ? safeUrl(thread.link) ?? null : null)),
      threads.map((thread) => thread.closed),
    ],
  );
}

interface StagedRow {
  externalId: string;
  threadKey: string;
  parentId: string | null;
  authorKey: string;
  name: string;
  email: string | null;
  website: string | null;
  ip: string | null;
  text: string;
  status: 'approved' | 'pending' | 'spam' | 'deleted';
  reason: string | null;
  createdAt: string;
  line: number;
}

export async function stageComments(
  tx: Queryable, run: string, firstOrd: number, comments: ParsedComment[], source: string, options: ImportOptions, summary: ImportSummary,
): Promise<void> {
  const withId = comments.filter((comment) => {
    if (comment.externalId && comment.externalId.length <= 200) return true;
    count(summary.skipped, 'no-id');
    return false;
  });
  const known = new Set(
    (await tx.query<{external_id: string}>('SELECT external_id FROM imports WHERE source = $1 AND external_id = ANY($2::text[])', [
      source, withId.map((comment) => comment.externalId),
    ])).map((row) => row.external_id),
  );
  const rows: StagedRow[] = [];
  for (const comment of withId) {
    if (known.has(comment.externalId)) {
      summary.alreadyThere++;
      continue;
    }
    rows.push(stagedRow(comment, source, options, summary));
  }
  if (rows.length === 0) return;
  const column = <K extends keyof StagedRow>(key: K) => rows.map((row) => row[key]);
  const inserted = await tx.query(
    `INSERT INTO import_staged_comments (run, ord, external_id, thread_key, parent_external_id, author_key, author_name, author_email,
       author_website, author_ip, text, status, reason, created_at, line)
     SELECT $1, $2 + n - 1, e, t, p, k, na, em, w, ip, tx, st, re, ca, li
     FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
       $12::text[], $13::text[], $14::timestamptz[], $15::int[]) WITH ORDINALITY AS u(e, t, p, k, na, em, w, ip, tx, st, re, ca, li, n)
     ON CONFLICT (run, external_id) DO NOTHING RETURNING external_id`,
    [
      run, firstOrd, column('externalId'), column('threadKey'), column('parentId'), column('authorKey'), column('name'), column('email'),
      column('website'), column('ip'), column('text'), column('status'), column('reason'), column('createdAt'), column('line'),
    ],
  );
  // The same id twice in one file: the first one counts.
  for (let i = inserted.length; i < rows.length; i++) count(summary.skipped, 'duplicate');
}

function stagedRow(comment: ParsedComment, source: string, options: ImportOptions, summary: ImportSummary): StagedRow {
  let status: StagedRow['status'] = comment.state === 'approved' ? 'approved' : 'pending';
  let reason: string | null = null;
  if (comment.kind === 'pingback' || comment.kind === 'trackback') reason = 'pingback';
  else if (comment.kind && comment.kind !== 'review') reason = `type ${comment.kind.slice(0, 40)}`;
  else if (comment.state === 'spam') {
    // Kept as the server keeps spam a moderator marked: listed to nobody, with the replies under it.
    if (options.spam === 'keep') status = 'spam';
    else if (options.spam === 'hold') {
      status = 'pending';
      summary.spamHeld++;
    } else {
      reason = 'spam';
    }
  } else if (comment.state === 'trash' || comment.state === 'deleted') {
    reason = comment.state;
  }
  let text = reason ? '' : htmlToStoredText(comment.html);
  if (!reason && !text) reason = 'empty';
  if (!reason && (comment.htmlTruncated || text.length > options.maxTextLength)) {
    text = `${cut(text, options.maxTextLength - 1)}…`;
    note(summary.truncated, comment.externalId);
  }
  if (!comment.createdAt) summary.undated++;
  const name = htmlToLine(comment.authorName, MAX_NAME);
  const email = comment.authorEmail.length <= 254 && EMAIL.test(comment.authorEmail) ? comment.authorEmail : null;
  const identity = comment.authorAccount || (email ? `email:${email.toLowerCase()}` : name ? `name:${name}` : `comment:${comment.externalId}`);
  const website = comment.authorUrl.length <= 500 ? safeUrl(comment.authorUrl) ?? null : null;
  // A comment the old system threw away keeps only its place in the conversation: the
  // server's own placeholder for a deleted comment, erased like one (writes.ts removeComment).
  const placeholder = reason !== null;
  return {
    externalId: comment.externalId,
    threadKey: comment.threadKey,
    parentId: comment.parentId,
    authorKey: `import:${createHash('sha256').update(`${source}\n${identity}`).digest('base64url').slice(0, 24)}`,
    name: placeholder ? '' : name,
    email: placeholder ? null : email,
    website: placeholder ? null : website,
    ip: placeholder || !comment.authorIp ? null : comment.authorIp.slice(0, 64),
    text,
    status: placeholder ? 'deleted' : status,
    reason,
    createdAt: (comment.createdAt ?? new Date()).toISOString(),
    line: comment.line,
  };
}

/** At most `length` UTF-16 units, never splitting a surrogate pair. */
function cut(text: string, length: number): string {
  const head = text.slice(0, length);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

export function count(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/** Counts one more, keeping the first few ids to show. */
export function note(sample: Sample, id: string): void {
  sample.count++;
  if (sample.ids.length < 10) sample.ids.push(id);
}
