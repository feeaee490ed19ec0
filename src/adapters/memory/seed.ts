/**
 * The shapes a memory backend is seeded with and persists. Seed files are plain JSON, so
 * a demo or a test can describe a thread without code.
 */
export interface SeedAuthor {
  id?: string;
  name: string;
  email?: string;
  avatarUrl?: string;
  profileUrl?: string;
  isModerator?: boolean;
}

export interface SeedComment {
  id: string;
  parentId?: string | null;
  author: SeedAuthor;
  /** ISO 8601. */
  createdAt: string;
  /** Plain text as typed. */
  text?: string;
  /** Backend-rendered HTML (sanitized when shown), instead of `text`. */
  html?: string;
  status?: 'approved' | 'pending' | 'deleted';
  /** Reaction key → how many people reacted (anonymous, for seeding). */
  reactions?: Record<string, number>;
}

export interface SeedThread {
  id: string;
  title: string;
  url?: string;
  /** False when the thread no longer takes comments; default true. */
  open?: boolean;
  comments: SeedComment[];
}

/** A comment as the memory backend keeps it: the seed shape plus what posting adds. */
export interface StoredComment extends SeedComment {
  parentId: string | null;
  status: 'approved' | 'pending' | 'deleted';
  /** Who wrote it in this browser: `guest:<key>` or `user:<id>`; seeded comments have none. */
  authorKey?: string;
  editedAt?: string;
  idempotencyKey?: string;
  /** Reaction key → the author keys of people who reacted, after the seeded counts. */
  reactedBy?: Record<string, string[]>;
  notify?: {comments?: boolean; posts?: boolean};
}

export interface StoredThread {
  id: string;
  title: string;
  url?: string;
  open: boolean;
  comments: StoredComment[];
}

export function storedThreadFromSeed(seed: SeedThread): StoredThread {
  return {
    id: seed.id,
    title: seed.title,
    ...(seed.url ? {url: seed.url} : {}),
    open: seed.open ?? true,
    comments: seed.comments.map((comment) => ({
      ...comment,
      parentId: comment.parentId ?? null,
      status: comment.status ?? 'approved',
    })),
  };
}
