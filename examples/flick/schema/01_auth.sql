-- Better Auth tables: identities, credentials, sessions, verification tokens, second factors.
CREATE TYPE "authType" AS ENUM ('manual', 'oauth');

CREATE TABLE auth (
  id text PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL,
  email_verified boolean NOT NULL DEFAULT false,
  created_at timestamp NOT NULL DEFAULT now(),
  updated_at timestamp NOT NULL DEFAULT now(),
  two_factor_enabled boolean DEFAULT false,
  role text,
  image text,
  banned boolean DEFAULT false,
  ban_reason text,
  ban_expires timestamp,
  CONSTRAINT auth_email_unique UNIQUE (email)
);

CREATE TABLE account (
  id text PRIMARY KEY,
  account_id text NOT NULL,
  provider_id text NOT NULL,
  user_id text NOT NULL,
  access_token text,
  refresh_token text,
  id_token text,
  access_token_expires_at timestamp,
  refresh_token_expires_at timestamp,
  scope text,
  password text,
  created_at timestamp NOT NULL DEFAULT now(),
  updated_at timestamp NOT NULL,
  CONSTRAINT account_user_id_auth_id_fk FOREIGN KEY (user_id)
    REFERENCES auth (id) ON DELETE CASCADE
);
CREATE INDEX "account_userId_idx" ON account (user_id);

CREATE TABLE session (
  id text PRIMARY KEY,
  expires_at timestamp NOT NULL,
  token text NOT NULL,
  created_at timestamp NOT NULL DEFAULT now(),
  updated_at timestamp NOT NULL,
  ip_address text,
  user_agent text,
  user_id text NOT NULL,
  impersonated_by text,
  CONSTRAINT session_token_unique UNIQUE (token),
  CONSTRAINT session_user_id_auth_id_fk FOREIGN KEY (user_id)
    REFERENCES auth (id) ON DELETE CASCADE
);
CREATE INDEX "session_userId_idx" ON session (user_id);

CREATE TABLE verification (
  id text PRIMARY KEY,
  identifier text NOT NULL,
  value text NOT NULL,
  expires_at timestamp NOT NULL,
  created_at timestamp NOT NULL DEFAULT now(),
  updated_at timestamp NOT NULL DEFAULT now()
);
CREATE INDEX verification_identifier_idx ON verification (identifier);

CREATE TABLE two_factor (
  id text PRIMARY KEY,
  secret text NOT NULL,
  backup_codes text NOT NULL,
  user_id text NOT NULL,
  CONSTRAINT two_factor_user_id_auth_id_fk FOREIGN KEY (user_id)
    REFERENCES auth (id) ON DELETE CASCADE
);
CREATE INDEX "twoFactor_secret_idx" ON two_factor (secret);
CREATE INDEX "twoFactor_userId_idx" ON two_factor (user_id);
