package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The {@code fields} query parameter: a comma-separated list of field names. */
final class FieldSelection {
  private FieldSelection() {}

  /**
   * Parses {@code fields}, falling back to the defaults; unknown names give 400.
   *
   * @param allowed every field this endpoint can return
   */
  static List<String> parse(String raw, List<String> defaults, Collection<String> allowed) {
    List<String> names = Params.csv(raw);
    if (names.isEmpty()) {
      return defaults;
    }
    for (String name : names) {
      if (!allowed.contains(name)) {
        throw ApiException.badRequest(
            "Unknown field '"
                + name
                + "' in \"fields\". Allowed: "
                + String.join(",", new TreeSet<>(allowed)));
      }
    }
    return names;
  }

  /**
   * Keeps the first {@code always} field (the id), then {@code fields}, then the other {@code
   * always} fields.
   */
  static ObjectNode project(ObjectNode full, List<String> fields, List<String> always) {
    Set<String> keys = new LinkedHashSet<>();
    if (!always.isEmpty()) {
      keys.add(always.get(0));
    }
    keys.addAll(fields);
    keys.addAll(always);
    ObjectNode out = Json.object();
    for (String key : keys) {
      JsonNode value = full.get(key);
      out.set(key, value == null ? Json.NODES.nullNode() : value);
    }
    return out;
  }

  static List<String> list(String... names) {
    return new ArrayList<>(List.of(names));
  }
}
