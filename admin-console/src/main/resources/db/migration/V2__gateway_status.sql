-- The last heartbeat of each gateway.
CREATE TABLE gateway_status (
  id VARCHAR(100) NOT NULL PRIMARY KEY,
  started_at TIMESTAMP WITH TIME ZONE,
  last_seen TIMESTAMP WITH TIME ZONE NOT NULL,
  applied_version BIGINT NOT NULL,
  applied_hash VARCHAR(100),
  last_error VARCHAR(4000),
  control_plane_connected BOOLEAN NOT NULL
);
