package dev.toriimcp.generator.model;

/** MCP tool annotations after defaults and overlay overrides. */
public record AnnotationsModel(
    boolean readOnlyHint, boolean destructiveHint, boolean idempotentHint, boolean openWorldHint) {}
