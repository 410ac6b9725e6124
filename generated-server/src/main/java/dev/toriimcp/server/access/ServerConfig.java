package dev.toriimcp.server.access;

import dev.toriimcp.runtime.Access;
import dev.toriimcp.runtime.ToolInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What a scoped server exposes.
 *
 * @param methods {@code read} (get, list), {@code write} (create, update, delete) or exact verbs
 *     (get, list, create, update, delete, other); empty means every method
 * @param tags tool tags, any of which admits a tool; empty means every tag
 * @param toolExposure {@code all} or {@code discovery}
 * @param schemaProfile {@code standard} or {@code portable} (for clients with limited JSON Schema
 *     support)
 */
public record ServerConfig(
    List<String> methods, List<String> tags, String toolExposure, String schemaProfile) {
  public static final Set<String> METHOD_WORDS =
      Set.of("read", "write", "get", "list", "create", "update", "delete", "other");

  public ServerConfig {
    methods = List.copyOf(methods);
    tags = List.copyOf(tags);
    toolExposure = toolExposure == null ? "all" : toolExposure;
    schemaProfile = schemaProfile == null ? "standard" : schemaProfile;
  }

  public ServerConfig(List<String> methods, List<String> tags, String toolExposure) {
    this(methods, tags, toolExposure, "standard");
  }

  public boolean portable() {
    return schemaProfile.equals("portable");
  }

  public boolean discovery() {
    return toolExposure.equals("discovery");
  }

  /** Tools allowed: methods AND tags. */
  public Predicate<ToolInfo> filter() {
    Set<Access.Verb> verbs = verbs();
    Set<String> tagSet = new TreeSet<>(tags);
    return t ->
        (verbs.isEmpty() || verbs.contains(t.access().verb()))
            && (tagSet.isEmpty() || t.tags().stream().anyMatch(tagSet::contains));
  }

  private Set<Access.Verb> verbs() {
    Set<Access.Verb> out = new TreeSet<>();
    for (String m : methods) {
      switch (m.toLowerCase(Locale.ROOT)) {
        case "read" -> {
          out.add(Access.Verb.GET);
          out.add(Access.Verb.LIST);
        }
        case "write" -> {
          out.add(Access.Verb.CREATE);
          out.add(Access.Verb.UPDATE);
          out.add(Access.Verb.DELETE);
        }
        default -> out.add(Access.Verb.valueOf(m.toUpperCase(Locale.ROOT)));
      }
    }
    return out;
  }

  /** Problems with this configuration against the tools there are; empty when it is usable. */
  public List<String> problems(List<ToolInfo> tools) {
    List<String> out = new ArrayList<>();
    for (String m : methods) {
      if (!METHOD_WORDS.contains(m.toLowerCase(Locale.ROOT))) {
        out.add(
            "unknown method '"
                + m
                + "': use read, write, get, list, create, update, delete or other");
      }
    }
    Set<String> known = new TreeSet<>();
    tools.forEach(t -> known.addAll(t.tags()));
    for (String t : tags) {
      if (!known.contains(t)) {
        out.add("unknown tag '" + t + "': the tags are " + String.join(", ", known));
      }
    }
    if (!toolExposure.equals("all") && !toolExposure.equals("discovery")) {
      out.add("unknown tool_exposure '" + toolExposure + "': use all or discovery");
    }
    if (!schemaProfile.equals("standard") && !schemaProfile.equals("portable")) {
      out.add("unknown schema_profile '" + schemaProfile + "': use standard or portable");
    }
    if (out.isEmpty() && tools.stream().noneMatch(filter())) {
      out.add("no tool matches methods " + methods + " and tags " + tags);
    }
    return out;
  }
}
