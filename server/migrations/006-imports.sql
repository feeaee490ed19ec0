-- What `colloquy-server import` brought in: one row per comment of an export file, by the
-- file's site and the comment's id there, so a second run imports nothing twice. The row
-- outlives the comment (a moderator may delete it later), so a re-run does not bring it back.
CREATE TABLE imports (
  source text NOT NULL,
  external_id text NOT NULL,
  comment_id text REFERENCES comments (id) ON DELETE SET NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source, external_id)
);
CREATE INDEX imports_by_comment ON imports (comment_id);

-- A run reads the file into these first (in batches, in constant memory), then writes the
-- comments parents first and in date order. Rows of a run that did not finish are
-- discarded by the next one.
CREATE TABLE import_staged_threads (
  run text NOT NULL,
  key text NOT NULL,
  thread_id text,
  title text NOT NULL,
  url text,
  closed boolean NOT NULL,
  PRIMARY KEY (run, key)
);

CREATE TABLE import_staged_comments (
  run text NOT NULL,
  ord integer NOT NULL,
  external_id text NOT NULL,
  thread_key text NOT NULL,
  parent_external_id text,
  level integer,
  author_key text NOT NULL,
  author_name text NOT NULL,
  author_email text,
  author_website text,
  author_ip text,
  text text NOT NULL,
  status text NOT NULL,
  reason text,
  created_at timestamptz NOT NULL,
  line integer NOT NULL,
  PRIMARY KEY (run, ord)
);
CREATE UNIQUE INDEX import_staged_by_external ON import_staged_comments (run, external_id);
CREATE INDEX import_staged_by_parent ON import_staged_comments (run, parent_external_id);
CREATE INDEX import_staged_by_level ON import_staged_comments (run, level, created_at, ord);
