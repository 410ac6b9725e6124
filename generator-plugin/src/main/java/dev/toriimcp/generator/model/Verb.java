package dev.toriimcp.generator.model;

import java.util.Locale;

/** Verb classes of tools, as used by access filters. */
public enum Verb {
  GET,
  LIST,
  CREATE,
  UPDATE,
  DELETE,
  OTHER;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
