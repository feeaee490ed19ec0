-- Moderation from the widget: comments marked as spam (kept, for the record and for a filter
-- to learn from, but never listed again), live events meant for moderators only, and blocks.
ALTER TABLE comments DROP CONSTRAINT comments_status_check;
ALTER TABLE comments ADD CONSTRAINT comments_status_check CHECK (status IN ('approved', 'pending', 'deleted', 'spam'));

-- A held comment arriving or leaving is news to moderators only.
ALTER TABLE events ADD COLUMN moderators_only boolean NOT NULL DEFAULT false;

-- Who may not post: one identity (a viewer key as viewer.ts makes it: a signed-in user, or a
-- guest's hashed browser key) or one address range, never both.
CREATE TABLE blocks (
  id bigserial PRIMARY KEY,
  identity text,
  address_range cidr,
  -- What the moderator saw when blocking (an author's name), so the list says who it is.
  label text NOT NULL DEFAULT '',
  reason text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((identity IS NULL) <> (address_range IS NULL))
);
CREATE UNIQUE INDEX blocks_by_identity ON blocks (identity) WHERE identity IS NOT NULL;
CREATE UNIQUE INDEX blocks_by_range ON blocks (address_range) WHERE address_range IS NOT NULL;
