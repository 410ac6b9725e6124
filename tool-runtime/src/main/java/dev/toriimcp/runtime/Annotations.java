package dev.toriimcp.runtime;

/** MCP tool annotations (hints for clients; never a security boundary). */
public record Annotations(
    boolean readOnlyHint, boolean destructiveHint, boolean idempotentHint, boolean openWorldHint) {}
