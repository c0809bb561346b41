-- Every asynchronous invocation: what was asked and by whom (the caller's identity, never
-- the passport, which expires in seconds), its policy, and where it stands. A change of
-- state is conditional on version. The idempotency key is unique per caller subject and
-- function; invocations without one do not collide.
CREATE TABLE invocations (
  id UUID NOT NULL PRIMARY KEY,
  function_name VARCHAR(1000) NOT NULL,
  route_id VARCHAR(200),
  input TEXT NOT NULL,
  caller_subject VARCHAR(1000) NOT NULL,
  caller_scopes TEXT NOT NULL,
  caller_client_id VARCHAR(1000),
  caller_auth_method VARCHAR(20) NOT NULL,
  caller_request_id VARCHAR(1000) NOT NULL,
  caller_gateway_id VARCHAR(1000) NOT NULL,
  idempotency_key VARCHAR(255),
  input_sha256 CHAR(64) NOT NULL,
  max_retries INTEGER NOT NULL,
  max_event_age_ms BIGINT NOT NULL,
  result_ttl_ms BIGINT NOT NULL,
  on_success_url VARCHAR(2000),
  on_success_function VARCHAR(1000),
  on_failure_url VARCHAR(2000),
  on_failure_function VARCHAR(1000),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  status VARCHAR(20) NOT NULL,
  attempts INTEGER NOT NULL,
  version BIGINT NOT NULL,
  result TEXT,
  last_error TEXT,
  dead_letter_reason VARCHAR(40),
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  queued_at TIMESTAMP WITH TIME ZONE NOT NULL,
  next_attempt_at TIMESTAMP WITH TIME ZONE,
  finished_at TIMESTAMP WITH TIME ZONE,
  result_expires_at TIMESTAMP WITH TIME ZONE,
  dead_lettered_at TIMESTAMP WITH TIME ZONE,
  redrives INTEGER NOT NULL
);

CREATE UNIQUE INDEX invocations_idempotency_idx ON invocations (caller_subject, function_name, idempotency_key);
CREATE INDEX invocations_status_idx ON invocations (status, queued_at);
CREATE INDEX invocations_dead_lettered_idx ON invocations (dead_lettered_at);
CREATE INDEX invocations_finished_idx ON invocations (finished_at);
CREATE INDEX invocations_result_expiry_idx ON invocations (result_expires_at);
