-- db-scheduler's table, as its documentation gives it for PostgreSQL, with H2's types:
-- TEXT is a large object in H2, which cannot be part of a key. One row per execution that
-- is due or running. Runtimes pick rows with optimistic locking on version, and heartbeat
-- the ones they run, so that another runtime revives a row whose runtime died.
CREATE TABLE scheduled_tasks (
  task_name VARCHAR(250) NOT NULL,
  task_instance VARCHAR(250) NOT NULL,
  task_data VARBINARY,
  execution_time TIMESTAMP WITH TIME ZONE NOT NULL,
  picked BOOLEAN NOT NULL,
  picked_by VARCHAR(250),
  last_success TIMESTAMP WITH TIME ZONE,
  last_failure TIMESTAMP WITH TIME ZONE,
  consecutive_failures INT,
  last_heartbeat TIMESTAMP WITH TIME ZONE,
  version BIGINT NOT NULL,
  priority SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
