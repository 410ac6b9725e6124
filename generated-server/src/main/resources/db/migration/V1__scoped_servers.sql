-- Integrated accounts (Torii connections), scoped MCP servers and admin API tokens.
-- Secrets are never stored in clear: API keys are AES-GCM encrypted, tokens are SHA-256 hashes.
-- Every statement can run again (IF NOT EXISTS): on H2 each one commits by itself, so a migration
-- stopped halfway is completed by running it again.
CREATE TABLE IF NOT EXISTS integrated_account (
  id VARCHAR(36) PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  base_url VARCHAR(2000) NOT NULL,
  api_key_encrypted VARCHAR(4000) NOT NULL,
  created_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS mcp_server (
  id VARCHAR(36) PRIMARY KEY,
  account_id VARCHAR(36) NOT NULL REFERENCES integrated_account (id) ON DELETE CASCADE,
  name VARCHAR(200) NOT NULL,
  methods VARCHAR(200) NOT NULL,
  tags VARCHAR(2000) NOT NULL,
  tool_exposure VARCHAR(20) NOT NULL,
  expires_at TIMESTAMP NULL,
  require_api_token_auth BOOLEAN NOT NULL,
  token_hash CHAR(64) NOT NULL UNIQUE,
  created_at TIMESTAMP NOT NULL
);

CREATE INDEX IF NOT EXISTS mcp_server_account ON mcp_server (account_id);
CREATE INDEX IF NOT EXISTS mcp_server_expires ON mcp_server (expires_at);

CREATE TABLE IF NOT EXISTS api_token (
  id VARCHAR(36) PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  token_hash CHAR(64) NOT NULL UNIQUE,
  created_at TIMESTAMP NOT NULL
);
