-- Every published snapshot, immutable once written. The content is the snapshot's JSON;
-- the other columns repeat what the history listing needs without parsing it.
CREATE TABLE config_version (
  version BIGINT NOT NULL PRIMARY KEY,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by VARCHAR(200) NOT NULL,
  hash VARCHAR(100) NOT NULL,
  summary VARCHAR(500) NOT NULL,
  route_count INTEGER NOT NULL,
  content TEXT NOT NULL
);

-- A single row naming the current version. Publishers lock it (SELECT ... FOR UPDATE), so
-- that versions stay gap-free and monotonic however many writers and instances there are.
CREATE TABLE config_head (
  id INTEGER NOT NULL PRIMARY KEY,
  version BIGINT NOT NULL
);

INSERT INTO config_head (id, version) VALUES (1, 0);
