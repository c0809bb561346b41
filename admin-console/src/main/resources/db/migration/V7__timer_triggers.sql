-- Timer triggers: a function fired on a cron schedule through a function runtime. The
-- revision grows with every change, so that a console that read the trigger before the
-- change claims nothing for it. fired_through is the latest scheduled time claimed (or the
-- time the schedule started); later times are due.
CREATE TABLE timer_trigger (
  id VARCHAR(63) NOT NULL PRIMARY KEY,
  cron VARCHAR(200) NOT NULL,
  zone VARCHAR(100) NOT NULL,
  function_definition VARCHAR(1100) NOT NULL,
  runtime VARCHAR(2000) NOT NULL,
  payload TEXT NOT NULL,
  enabled BOOLEAN NOT NULL,
  revision BIGINT NOT NULL,
  fired_through TIMESTAMP WITH TIME ZONE NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by VARCHAR(200) NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by VARCHAR(200) NOT NULL
);

-- One row per scheduled time a trigger fired. The primary key is the claim: of the console
-- instances that find a time due, the one whose insert succeeds fires it; the others fail
-- on the key and leave it. The row keeps what was posted (so that a retry posts the same)
-- and the outcome. A pending firing belongs to whichever instance holds it until
-- next_attempt_at; after that, any instance may try it again.
CREATE TABLE trigger_firings (
  trigger_id VARCHAR(63) NOT NULL REFERENCES timer_trigger (id) ON DELETE CASCADE,
  scheduled_at TIMESTAMP WITH TIME ZONE NOT NULL,
  catch_up BOOLEAN NOT NULL,
  function_definition VARCHAR(1100) NOT NULL,
  runtime VARCHAR(2000) NOT NULL,
  payload TEXT NOT NULL,
  status VARCHAR(20) NOT NULL,
  attempts INTEGER NOT NULL,
  claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  claimed_by VARCHAR(200) NOT NULL,
  next_attempt_at TIMESTAMP WITH TIME ZONE,
  finished_at TIMESTAMP WITH TIME ZONE,
  invocation_id VARCHAR(200),
  invocation_status VARCHAR(50),
  error VARCHAR(2000),
  PRIMARY KEY (trigger_id, scheduled_at)
);

CREATE INDEX trigger_firings_pending ON trigger_firings (status, next_attempt_at);
