-- Every API key ever issued, revoked ones included, for the listing and the audit trail.
-- Only the hash of a key is kept; the key itself is shown once, when it is issued.
-- Scopes are space-separated: a scope has no spaces.
CREATE TABLE api_key (
  id VARCHAR(12) NOT NULL PRIMARY KEY,
  client VARCHAR(100) NOT NULL,
  scopes TEXT NOT NULL,
  hash VARCHAR(100) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by VARCHAR(200) NOT NULL,
  revoked_at TIMESTAMP WITH TIME ZONE,
  revoked_by VARCHAR(200)
);
