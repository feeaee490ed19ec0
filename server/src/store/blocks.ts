import {isIP} from 'node:net';
import type {Database, Queryable} from '../db/database.js';
import {adminText, invalid, notFound, ProtocolError} from '../errors.js';
import {iso} from '../render.js';
import type {Viewer} from '../viewer.js';

/** What a block holds back: one identity (a viewer key, see viewer.ts) or one address range. */
export type BlockTarget = {identity: string} | {range: string};

interface BlockRow {
  id: string;
  identity: string | null;
  address_range: string | null;
  label: string;
  reason: string;
  created_at: Date | string;
}

const BLOCK_COLUMNS = 'id::text AS id, identity, address_range::text AS address_range, label, reason, created_at';

function renderBlock(row: BlockRow) {
  return {
    id: row.id,
    ...(row.identity !== null ? {identity: row.identity} : {range: row.address_range!}),
    label: row.label,
    reason: row.reason,
    createdAt: iso(row.created_at),
  };
}

/**
 * An address or CIDR range as PostgreSQL's `cidr` takes it, or an `invalid` error. Host bits
 * are cleared when stored (`203.0.113.7/24` blocks 203.0.113.0/24), so the list shows what is blocked.
 */
export function readRange(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  const [address = '', prefix, ...rest] = text.split('/');
  const family = isIP(address);
  const bits = family === 4 ? 32 : 128;
  const length = prefix === undefined ? bits : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
  if (family === 0 || address.includes('%') || rest.length > 0 || !(length >= 0 && length <= bits)) {
    throw invalid(adminText('The range is an IPv4 or IPv6 address, or a CIDR range such as 203.0.113.0/24 or 2001:db8::/32.'));
  }
  // Too wide to be a moderator's intent (everyone, or a sixteenth of the internet).
  if (length < (family === 4 ? 8 : 16)) throw invalid(adminText(`A range this wide (/${length}) would block far too many people.`));
  return `${address}/${length}`;
}

/** Adds a block, or answers the same one again when it exists (`created` false). */
export async function addBlock(db: Database, target: BlockTarget, label: string, reason: string) {
  const identity = 'identity' in target ? target.identity : null;
  const range = 'range' in target ? target.range : null;
  return db.transaction(async (tx) => {
    const [created] = await tx.query<BlockRow>(
      `INSERT INTO blocks (identity, address_range, label, reason) VALUES ($1, network($2::inet), $3, $4)
       ON CONFLICT DO NOTHING RETURNING ${BLOCK_COLUMNS}`,
      [identity, range, label.slice(0, 200), reason.slice(0, 500)],
    );
    if (created) return {block: renderBlock(created), created: true};
    const [existing] = await tx.query<BlockRow>(
      `SELECT ${BLOCK_COLUMNS} FROM blocks WHERE identity = $1 OR address_range = network($2::inet)`,
      [identity, range],
    );
    return {block: renderBlock(existing!), created: false};
  });
}

/** Who wrote a comment, as blocking them needs it; undefined when there is no such comment. */
export async function commentAuthor(db: Queryable, commentId: string) {
  const [row] = await db.query<{author_key: string; author_name: string; author_ip: string | null}>(
    'SELECT author_key, author_name, author_ip FROM comments WHERE id = $1',
    [commentId],
  );
  return row;
}

export async function listBlocks(db: Queryable) {
  const rows = await db.query<BlockRow>(`SELECT ${BLOCK_COLUMNS} FROM blocks ORDER BY id DESC LIMIT 1000`);
  return rows.map(renderBlock);
}

export async function removeBlock(db: Queryable, id: string) {
  if (!/^\d{1,18}$/.test(id)) throw notFound(adminText('There is no such block.'));
  const [row] = await db.query<BlockRow>(`DELETE FROM blocks WHERE id = $1 RETURNING ${BLOCK_COLUMNS}`, [id]);
  if (!row) throw notFound(adminText('There is no such block.'));
  return renderBlock(row);
}

/**
 * Refuses a post (or an edit) from a blocked identity or address: 403 `forbidden` with a
 * message the form shows above the text, which it keeps. Moderators are never blocked.
 */
export async function refuseBlocked(tx: Queryable, viewer: Viewer, ip: string): Promise<void> {
  if (viewer.isModerator) return;
  const address = clientInet(ip);
  const [blocked] = await tx.query(
    `SELECT 1 FROM blocks WHERE identity = $1 OR ($2::inet IS NOT NULL AND address_range >>= $2::inet) LIMIT 1`,
    [viewer.key, address],
  );
  if (blocked) throw new ProtocolError(403, 'forbidden', 'error.blocked');
}

/** The client's address as an `inet`, IPv4-mapped IPv6 unwrapped so IPv4 ranges match; null when unknown. */
export function clientInet(ip: string): string | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const address = mapped ?? ip;
  return isIP(address) && !address.includes('%') ? address : null;
}
