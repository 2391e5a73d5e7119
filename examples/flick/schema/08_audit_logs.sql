-- Audit trail of who did what to which entity.
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
