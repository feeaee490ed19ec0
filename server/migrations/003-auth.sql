-- Sign-in (docs/rest-protocol.md, "Signing in"). Every secret that travels (the provider's
-- `state`, the one-time Colloquy code, session tokens, email links) is stored as its
-- SHA-256 only, so a copy of the database signs nobody in.

-- One person as one provider knows them; `provider:subject` is what COLLOQUY_MODERATORS names.
CREATE TABLE users (
  id text PRIMARY KEY,
  provider text NOT NULL,
  subject text NOT NULL,
  name text NOT NULL,
  avatar_url text,
  profile_url text,
  -- Only an address the provider says is verified (or that received our link).
  verified_email text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider, subject)
);

-- One sign-in from `authorize` to the exchange of its code. `provider_state_hash` is what the
-- provider echoes back to us; `site_state` is the widget's, echoed to the site.
CREATE TABLE auth_attempts (
  provider_state_hash text PRIMARY KEY,
  provider text NOT NULL,
  site_state text NOT NULL,
  site_origin text NOT NULL,
  redirect_uri text NOT NULL,
  -- PKCE and OpenID Connect's nonce; an email-link attempt has neither but the address.
  code_verifier text,
  nonce text,
  email text,
  -- The name an email sign-in asked to be shown under (else the address's local part).
  display_name text,
  expires_at timestamptz NOT NULL,
  -- Set once the provider came back with a person: the code the site exchanges, once.
  user_id text REFERENCES users (id) ON DELETE CASCADE,
  code_hash text UNIQUE,
  code_expires_at timestamptz,
  completed_at timestamptz,
  -- Set when the code (or the state lookup of a cut-off popup) was turned into a session.
  exchanged_at timestamptz
);
CREATE INDEX auth_attempts_site_state ON auth_attempts (site_state);
CREATE INDEX auth_attempts_expiry ON auth_attempts (expires_at);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  provider text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- The avatar a signed-in author had when posting (guests have none), and whether they
-- posted as a moderator (COLLOQUY_MODERATORS), which the thread shows.
ALTER TABLE comments ADD COLUMN author_avatar text;
ALTER TABLE comments ADD COLUMN author_moderator boolean NOT NULL DEFAULT false;
