-- Threads are created by their first post (from an allowed origin) or by a moderator.
CREATE TABLE threads (
  id text PRIMARY KEY,
  title text NOT NULL DEFAULT '',
  url text,
  closed boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- seq orders comments for keyset cursors: unique and increasing, unlike a timestamp.
CREATE TABLE comments (
  id text PRIMARY KEY,
  seq bigserial UNIQUE NOT NULL,
  thread_id text NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
  parent_id text REFERENCES comments (id),
  root_id text NOT NULL,
  depth integer NOT NULL,
  author_key text NOT NULL,
  author_name text NOT NULL,
  author_email text,
  author_website text,
  author_ip text,
  text text NOT NULL,
  status text NOT NULL CHECK (status IN ('approved', 'pending', 'deleted')),
  like_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  edited_at timestamptz
);
CREATE INDEX comments_roots ON comments (thread_id, seq) WHERE parent_id IS NULL;
CREATE INDEX comments_by_root ON comments (root_id);
CREATE INDEX comments_by_parent ON comments (parent_id);
CREATE INDEX comments_by_author ON comments (author_key, created_at);
CREATE INDEX comments_pending ON comments (created_at) WHERE status = 'pending';

CREATE TABLE reactions (
  comment_id text NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
  viewer_key text NOT NULL,
  reaction text NOT NULL,
  PRIMARY KEY (comment_id, reaction, viewer_key)
);

-- One row per (viewer, key): the primary key is what makes a concurrent retry store nothing.
CREATE TABLE idempotency_keys (
  viewer_key text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  comment_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (viewer_key, key)
);
CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);

-- Fixed-window counters shared by every server process.
CREATE TABLE rate_limits (
  bucket text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (bucket, window_start)
);

-- The live stream's history, for Last-Event-ID resume; the id is the SSE event id.
CREATE TABLE events (
  id bigserial PRIMARY KEY,
  thread_id text NOT NULL,
  type text NOT NULL,
  data text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_by_thread ON events (thread_id, id);
