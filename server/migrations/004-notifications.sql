-- Email notifications (docs/notifications.md): addresses, what they asked for, and a
-- durable outbox the mail worker drains.

-- One row per email address (lower-cased). Nothing but a confirmation is ever sent to an
-- address until its owner confirmed it by clicking (double opt-in); `suppressed_at` is
-- "never email me again", asked from any email we sent, and wins over everything.
CREATE TABLE notify_addresses (
  id bigserial PRIMARY KEY,
  address text NOT NULL UNIQUE,
  -- In every email to this address: the "stop all email" link.
  token text NOT NULL UNIQUE,
  confirmed_at timestamptz,
  suppressed_at timestamptz,
  -- sha256 of the pending confirmation link's secret (the secret itself is only in the mail).
  confirm_token_hash text UNIQUE,
  confirm_sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- `comments`: new approved comments in one thread; `posts`: the site's new posts.
CREATE TABLE notify_subscriptions (
  id bigserial PRIMARY KEY,
  address_id bigint NOT NULL REFERENCES notify_addresses (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('comments', 'posts')),
  thread_id text REFERENCES threads (id) ON DELETE CASCADE,
  -- Who ticked the box (a guest's or signed-in person's key): "X replied to your comment",
  -- and never their own comments.
  author_key text,
  -- In every email sent for this subscription: its one-click unsubscribe link.
  token text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  unsubscribed_at timestamptz,
  CHECK ((kind = 'comments') = (thread_id IS NOT NULL))
);
CREATE UNIQUE INDEX notify_subscriptions_once ON notify_subscriptions (address_id, kind, coalesce(thread_id, ''));
CREATE INDEX notify_subscriptions_by_thread ON notify_subscriptions (thread_id) WHERE unsubscribed_at IS NULL;

-- Posts the site announced (POST /admin/notifications/posts): the id makes announcing twice harmless.
CREATE TABLE notify_posts (
  id text PRIMARY KEY,
  title text NOT NULL,
  url text NOT NULL,
  excerpt text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The outbox. A job is claimed with FOR UPDATE SKIP LOCKED and leased until `lease_until`;
-- a process that dies mid-send leaves it `sending`, and once the lease runs out any
-- process takes it again. Retries back off exponentially; after the cap a job is `dead`.
CREATE TABLE notify_jobs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('confirm', 'comment', 'post')),
  address_id bigint NOT NULL REFERENCES notify_addresses (id) ON DELETE CASCADE,
  subscription_id bigint REFERENCES notify_subscriptions (id) ON DELETE CASCADE,
  -- No foreign keys: a comment deleted (or a post forgotten) before the send makes the job `skipped`.
  comment_id text,
  post_id text,
  -- The confirmation link's secret, erased once the mail is sent.
  secret text,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'skipped', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  run_at timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  -- A fresh value per claim: only the holder of the current lease may finish the job.
  claim text,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX notify_jobs_due ON notify_jobs (run_at) WHERE state = 'queued';
CREATE INDEX notify_jobs_leased ON notify_jobs (lease_until) WHERE state = 'sending';
CREATE INDEX notify_jobs_dead ON notify_jobs (id) WHERE state = 'dead';
-- One notification per address and comment (or post), however often the hook runs.
CREATE UNIQUE INDEX notify_jobs_once_per_comment ON notify_jobs (address_id, comment_id) WHERE kind = 'comment';
CREATE UNIQUE INDEX notify_jobs_once_per_post ON notify_jobs (address_id, post_id) WHERE kind = 'post';
