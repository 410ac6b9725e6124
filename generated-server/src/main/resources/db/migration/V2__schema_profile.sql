-- Schema profile of a scoped server: standard, or portable for clients with limited JSON Schema support.
ALTER TABLE mcp_server ADD COLUMN IF NOT EXISTS schema_profile VARCHAR(20) DEFAULT 'standard' NOT NULL;
