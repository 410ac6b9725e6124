package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The {@code /fields} and {@code /metadata} responses shared by users, apps and contracts. */
final class Metadata {
  private Metadata() {}

  /** {@code {predefinedFields, customFields}}, optionally filtered by {@code q}. */
  static ObjectNode metadata(List<FieldDef> defs, String q, String scope) {
    ObjectNode out = Json.object();
    ArrayNode predefined = out.putArray("predefinedFields");
    ArrayNode custom = out.putArray("customFields");
    for (FieldDef def : defs) {
      if (!matches(def, q)) {
        continue;
      }
      if (def.custom()) {
        ObjectNode node = custom.addObject();
        node.put("idField", def.id());
        node.put("systemKey", def.systemKey());
        node.put("isShown", true);
        node.put("idOrg", SandboxState.ID_ORG);
        node.put("name", def.name());
        node.put("type", def.type());
        node.put("isDeleted", false);
        node.putArray("relatedFields");
      } else {
        ObjectNode node = predefined.addObject();
        node.put("name", def.name());
        node.put("systemKey", def.systemKey());
        node.put("type", def.type());
        node.put("filterType", def.filterType());
        node.put("filterSystemKey", def.systemKey());
        node.putArray("relatedFields");
        node.putArray("scopes").add(scope + ":read");
      }
    }
    return out;
  }

  /** {@code {fields: [{id, name, systemKey, type, options}]}} for app and contract fields. */
  static ObjectNode fieldsWithOptions(List<FieldDef> defs) {
    ObjectNode out = Json.object();
    ArrayNode fields = out.putArray("fields");
    for (FieldDef def : defs) {
      if (!def.writable()) {
        continue;
      }
      ObjectNode node = fields.addObject();
      node.put("id", def.id());
      node.put("name", def.name());
      node.put("systemKey", def.systemKey());
      node.put("type", def.type());
      ArrayNode options = node.putArray("options");
      for (FieldDef.Option option : def.options()) {
        options.addObject().put("value", option.value()).put("label", option.label());
      }
    }
    return out;
  }

  static boolean matches(FieldDef def, String q) {
    if (q == null) {
      return true;
    }
    String needle = q.toLowerCase();
    return def.name().toLowerCase().contains(needle)
        || def.systemKey().toLowerCase().contains(needle);
  }

  static List<String> keys(List<FieldDef> defs) {
    return defs.stream().map(FieldDef::systemKey).toList();
  }
}
