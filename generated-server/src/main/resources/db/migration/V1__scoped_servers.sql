-- Integrated accounts (Torii connections), scoped MCP servers and admin API tokens.
-- Secrets are never stored in clear: API keys are AES-GCM encrypted, tokens are SHA-256 hashes.
CREATE TABLE integrated_account (
  id VARCHAR(36) PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  base_url VARCHAR(2000) NOT NULL,
  api_key_encrypted VARCHAR(4000) NOT NULL,
  created_at TIMESTAMP NOT NULL
);

CREATE TABLE mcp_server (
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

CREATE INDEX mcp_server_account ON mcp_server (account_id);
CREATE INDEX mcp_server_expires ON mcp_server (expires_at);

CREATE TABLE api_token (
  id VARCHAR(36) PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  token_hash CHAR(64) NOT NULL UNIQUE,
  created_at TIMESTAMP NOT NULL
);
