package dev.toriimcp.generator.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Generation-time selection of tools, for descriptions far larger than an agent needs.
 *
 * @param includeTags keep only tools with at least one of these tags (empty: all)
 * @param excludeTags drop tools with any of these tags
 * @param includeOperations keep only these operationIds or tool names (empty: all)
 * @param excludeOperations drop these operationIds or tool names
 * @param methods keep only these verb classes: {@code read} (get, list), {@code write} (create,
 *     update, delete, other) or exact verbs (empty: all)
 */
public record ToolFilters(
    List<String> includeTags,
    List<String> excludeTags,
    List<String> includeOperations,
    List<String> excludeOperations,
    List<String> methods) {

  public static final ToolFilters NONE =
      new ToolFilters(List.of(), List.of(), List.of(), List.of(), List.of());

  public ToolFilters {
    includeTags = List.copyOf(includeTags);
    excludeTags = List.copyOf(excludeTags);
    includeOperations = List.copyOf(includeOperations);
    excludeOperations = List.copyOf(excludeOperations);
    methods = List.copyOf(methods);
  }

  public boolean isEmpty() {
    return equals(NONE);
  }

  /** Words of {@code methods} that are not read, write or a verb; empty when all are known. */
  public List<String> unknownMethods() {
    List<String> out = new ArrayList<>();
    for (String m : methods) {
      String w = m.toLowerCase(Locale.ROOT);
      if (!w.equals("read") && !w.equals("write") && !isVerb(w)) {
        out.add(m);
      }
    }
    return out;
  }

  private static boolean isVerb(String w) {
    for (Verb v : Verb.values()) {
      if (v.word().equals(w)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a tool passes every filter. */
  public boolean keeps(ToolModel tool) {
    Set<String> tags = new HashSet<>(tool.tags());
    if (!includeTags.isEmpty() && includeTags.stream().noneMatch(tags::contains)) {
      return false;
    }
    if (excludeTags.stream().anyMatch(tags::contains)) {
      return false;
    }
    boolean named =
        includeOperations.contains(tool.operationId()) || includeOperations.contains(tool.name());
    if (!includeOperations.isEmpty() && !named) {
      return false;
    }
    if (excludeOperations.contains(tool.operationId()) || excludeOperations.contains(tool.name())) {
      return false;
    }
    if (methods.isEmpty()) {
      return true;
    }
    for (String m : methods) {
      String w = m.toLowerCase(Locale.ROOT);
      if (w.equals("read") && tool.readOnly()
          || w.equals("write") && !tool.readOnly()
          || w.equals(tool.verb().word())) {
        return true;
      }
    }
    return false;
  }
}
