-- Audit trail of who did what to which entity.
CREATE TYPE log_action AS ENUM (
  'user:upvoted:post', 'user:upvoted:comment', 'user:downvoted:post', 'user:downvoted:comment',
  'user:deleted:vote:on:comment', 'user:deleted:vote:on:post', 'user:switched:vote:on:comment',
  'user:switched:vote:on:post', 'user:created:post', 'user:updated:post', 'user:created:comment',
  'user:updated:comment', 'user:deleted:post', 'user:deleted:comment', 'user:reported:content',
  'user:accepted:terms', 'user:session:terminated:all', 'user:initialized:account',
  'auth:created:account', 'auth:otp:verify:success', 'auth:otp:verify:failed', 'auth:otp:send',
  'user:finished:onboarding', 'user:logged:in:self', 'user:logged:out:self',
  'user:logged:in:new:device', 'user:session:terminated:other', 'user:created:feedback',
  'user:updated:feedback', 'user:deleted:feedback', 'user:forgot:password',
  'user:initialized:forgot-password', 'admin:banned:user', 'admin:unbanned:user',
  'admin:suspended:user', 'admin:created:college', 'admin:deleted:college', 'admin:updated:college',
  'admin:blocked:content', 'admin:unblocked:content', 'admin:shadow:banned:content',
  'admin:shadow:unbanned:content', 'admin:updated:content', 'admin:deleted:report',
  'admin:bulk-deleted:reports', 'admin:updated:report:status', 'admin:updated:feedback:status',
  'admin:deleted:feedback', 'system:created:admin:account', 'admin:logged:out:self',
  'admin:initialized:account', 'admin:verified:otp', 'admin:removed:authorized:device',
  'admin:reset:email:otp', 'admin:deleted:admin:account', 'admin:updated:admin:account',
  'admin:fetched:all:admin:accounts', 'system:logged:error', 'system:logged:in',
  'system:logged:out', 'other:action'
);
CREATE TYPE log_entity_type AS ENUM (
  'post', 'comment', 'bookmark', 'college', 'content-report', 'feedback', 'notification', 'user',
  'auth', 'vote'
);
CREATE TYPE log_platform AS ENUM ('web', 'mobile', 'tv', 'server', 'other');
CREATE TYPE log_role AS ENUM ('user', 'admin', 'superadmin', 'system');
CREATE TYPE log_status AS ENUM ('success', 'fail');

CREATE TABLE logs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  occured_at timestamp with time zone NOT NULL DEFAULT now(),
  actor_id text,
  actor_type log_role NOT NULL,
  action text NOT NULL,
  entity_type log_entity_type NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb,
  ip_address inet,
  user_agent text,
  request_id uuid,
  reason text,
  metadata jsonb
);
CREATE INDEX idx_audit_logs_entity ON logs (entity_type, entity_id);
CREATE INDEX idx_audit_logs_actor ON logs (actor_id);
CREATE INDEX idx_audit_logs_occurred_at ON logs (occured_at DESC NULLS LAST);
