package dev.toriimcp.generator.diff;

/**
 * One difference in the tool surface an agent sees.
 *
 * @param tool the tool's name (the new name when renamed)
 * @param kind what changed
 * @param breaking whether an agent that worked before may now fail
 * @param explanation one line saying what changed and what it means for an agent
 */
public record Change(String tool, Kind kind, boolean breaking, String explanation) {

  /** Kinds of change. */
  public enum Kind {
    TOOL_ADDED,
    TOOL_REMOVED,
    TOOL_RENAMED,
    ARGUMENT_ADDED,
    ARGUMENT_REMOVED,
    REQUIRED_CHANGED,
    TYPE_CHANGED,
    FORMAT_CHANGED,
    ENUM_CHANGED,
    DEFAULT_CHANGED,
    DESCRIPTION_CHANGED,
    OUTPUT_CHANGED,
    ACCESS_CHANGED,
    ANNOTATIONS_CHANGED,
    TAGS_CHANGED,
    RATE_LIMIT_CHANGED,
    PAGINATION_CHANGED,
    PINNED_CHANGED
  }
}
