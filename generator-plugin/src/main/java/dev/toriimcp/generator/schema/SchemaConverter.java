package dev.toriimcp.generator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toriimcp.generator.load.LocatedDocument;
import dev.toriimcp.generator.problem.Problems;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts OpenAPI 3.0 and 3.1 schema objects into self-contained JSON Schema 2020-12.
 *
 * <p>Component references ({@code #/components/schemas/X}) become {@code #/$defs/X} entries of the
 * document being built, so every reference resolves inside it and recursive schemas need no
 * cutting. Other local references are inlined, with a cycle guard. OpenAPI-only keywords are
 * dropped; 3.0 constructs are translated ({@code nullable}, boolean {@code exclusiveMinimum/
 * Maximum}, {@code example}, {@code type: file}, binary formats).
 */
public final class SchemaConverter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final String COMPONENT_PREFIX = "#/components/schemas/";

  /** Keywords copied unchanged. */
  private static final Set<String> COPIED =
      Set.of(
          "title",
          "description",
          "default",
          "const",
          "pattern",
          "minLength",
          "maxLength",
          "minimum",
          "maximum",
          "multipleOf",
          "minItems",
          "maxItems",
          "uniqueItems",
          "minProperties",
          "maxProperties",
          "minContains",
          "maxContains",
          "deprecated",
          "readOnly",
          "writeOnly",
          "contentMediaType",
          "contentEncoding",
          "$comment",
          "dependentRequired");

  /** Keywords whose value is one subschema. */
  private static final Set<String> SUBSCHEMA =
      Set.of(
          "not",
          "contains",
          "propertyNames",
          "if",
          "then",
          "else",
          "unevaluatedItems",
          "unevaluatedProperties");

  /** Keywords whose value is a list of subschemas. */
  private static final Set<String> SUBSCHEMA_LISTS =
      Set.of("allOf", "oneOf", "anyOf", "prefixItems");

  /** Keywords whose value maps names to subschemas. */
  private static final Set<String> SUBSCHEMA_MAPS = Set.of("patternProperties", "dependentSchemas");

  /** Which side of the API a schema describes: request properties differ from response ones. */
  public enum Direction {
    /** Arguments: {@code readOnly} properties are left out. */
    INPUT,
    /**
     * Results: {@code writeOnly} properties are left out, and {@code required} and {@code
     * additionalProperties: false} are dropped, since field selection and API growth make them
     * untrue of real responses.
     */
    OUTPUT
  }

  private final LocatedDocument document;
  private final boolean openApi30;
  private final Problems problems;

  public SchemaConverter(LocatedDocument document, boolean openApi30, Problems problems) {
    this.document = document;
    this.openApi30 = openApi30;
    this.problems = problems;
  }

  /** A fresh set of {@code $defs} for one schema document. */
  public Defs newDefs(Direction direction) {
    return new Defs(direction);
  }

  /** Names of definitions, one per referenced pointer, unique across the whole description. */
  private final Map<String, String> defNames = new HashMap<>();

  private final Set<String> usedDefNames = new HashSet<>();

  /** Definitions converted once per direction and shared by every document that uses them. */
  private final Map<Direction, Map<String, Converted>> converted = new EnumMap<>(Direction.class);

  /** While a definition is converted: the pointers it references directly. */
  private final Deque<List<String>> recording = new ArrayDeque<>();

  private record Converted(JsonNode schema, List<String> references) {}

  private String globalName(String pointer, String componentName) {
    return defNames.computeIfAbsent(
        pointer,
        p -> {
          String base = componentName.replaceAll("[^A-Za-z0-9_.-]", "_");
          if (base.isEmpty()) {
            base = "Schema";
          }
          String name = base;
          int n = 2;
          while (!usedDefNames.add(name)) {
            name = base + "_" + n++;
          }
          return name;
        });
  }

  /**
   * The {@code $defs} of one output document: the definitions it references, directly or through
   * other definitions, in the order first referenced.
   */
  public final class Defs {
    private final Direction direction;
    private final Map<String, JsonNode> included = new LinkedHashMap<>();

    private Defs(Direction direction) {
      this.direction = direction;
    }

    public Direction direction() {
      return direction;
    }

    /** The {@code $defs} object, or empty when nothing was referenced. */
    public ObjectNode toJson() {
      ObjectNode out = NODES.objectNode();
      included.forEach(out::set);
      return out;
    }

    public boolean isEmpty() {
      return included.isEmpty();
    }

    /** A converted definition by its name in {@code $defs}; shared, so never mutate it. */
    public JsonNode get(String name) {
      return included.get(name);
    }

    /** Removes a definition (used when a root reference is inlined and nothing else uses it). */
    public void remove(String name) {
      included.remove(name);
    }

    private String defName(String pointer, String componentName) {
      String name = globalName(pointer, componentName);
      if (!recording.isEmpty()) {
        recording.peek().add(pointer);
      }
      include(pointer);
      return name;
    }

    private void include(String pointer) {
      String name = defNames.get(pointer);
      if (included.containsKey(name)) {
        return;
      }
      Map<String, Converted> cache = converted.computeIfAbsent(direction, d -> new HashMap<>());
      Converted known = cache.get(pointer);
      if (known == null) {
        included.put(name, BooleanNode.TRUE); // placeholder while converting (cycles)
        recording.push(new ArrayList<>());
        JsonNode schema;
        try {
          schema = convert(document.root().at(pointer), pointer, this);
        } finally {
          known = new Converted(NODES.nullNode(), recording.pop());
        }
        known = new Converted(schema, List.copyOf(known.references()));
        cache.put(pointer, known);
        included.put(name, schema);
        return;
      }
      included.put(name, known.schema());
      for (String reference : known.references()) {
        include(reference);
      }
    }
  }

  /**
   * Converts the schema found at {@code pointer} of the OpenAPI document.
   *
   * @param schema the OpenAPI schema node
   * @param pointer its JSON pointer in the document, for messages
   * @param defs where referenced components go
   */
  public JsonNode convert(JsonNode schema, String pointer, Defs defs) {
    if (schema == null || schema.isMissingNode() || schema.isNull()) {
      return NODES.objectNode();
    }
    if (schema.isBoolean()) {
      return schema;
    }
    if (!schema.isObject()) {
      problems.warning(
          "TORII-SCHEMA-W01",
          "a schema must be an object or a boolean; treated as any value",
          document.locate(pointer));
      return NODES.objectNode();
    }
    if (schema.has("$ref")) {
      JsonNode ref = reference(schema.get("$ref").asText(), pointer, defs);
      if (openApi30 || schema.size() == 1) {
        return ref;
      }
      // 3.1: a reference may have siblings; keep them next to the reference.
      ObjectNode withSiblings = NODES.objectNode();
      if (ref.isObject()) {
        withSiblings.setAll((ObjectNode) ref);
      } else {
        withSiblings.set("allOf", NODES.arrayNode().add(ref));
      }
      ObjectNode rest = ((ObjectNode) schema).deepCopy();
      rest.remove("$ref");
      JsonNode others = convert(rest, pointer, defs);
      if (others.isObject()) {
        others.fields().forEachRemaining(e -> withSiblings.set(e.getKey(), e.getValue()));
      }
      return withSiblings;
    }
    ObjectNode out = NODES.objectNode();
    boolean nullable = openApi30 && schema.path("nullable").asBoolean(false);
    Set<String> dropped = new java.util.HashSet<>();
    Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      String key = e.getKey();
      JsonNode value = e.getValue();
      String at = pointer + "/" + escape(key);
      if (COPIED.contains(key)) {
        out.set(key, value.deepCopy());
      } else if (SUBSCHEMA.contains(key)) {
        out.set(key, convert(value, at, defs));
      } else if (SUBSCHEMA_LISTS.contains(key)) {
        if (value.isArray()) {
          ArrayNode list = NODES.arrayNode();
          for (int i = 0; i < value.size(); i++) {
            list.add(convert(value.get(i), at + "/" + i, defs));
          }
          out.set(key, list);
        }
      } else if (SUBSCHEMA_MAPS.contains(key)) {
        if (value.isObject()) {
          ObjectNode map = NODES.objectNode();
          value
              .fields()
              .forEachRemaining(
                  p ->
                      map.set(
                          p.getKey(), convert(p.getValue(), at + "/" + escape(p.getKey()), defs)));
          out.set(key, map);
        }
      } else {
        switch (key) {
          case "type" -> out.set("type", type(value, schema));
          case "format" -> format(value, out);
          case "enum" -> out.set("enum", value.deepCopy());
          case "items" -> {
            if (value.isArray()) { // draft-4 style tuple
              ArrayNode list = NODES.arrayNode();
              for (int i = 0; i < value.size(); i++) {
                list.add(convert(value.get(i), at + "/" + i, defs));
              }
              out.set("prefixItems", list);
            } else {
              out.set("items", convert(value, at, defs));
            }
          }
          case "properties" -> {
            ObjectNode props = NODES.objectNode();
            value
                .fields()
                .forEachRemaining(
                    p -> {
                      JsonNode prop = p.getValue();
                      JsonNode resolved = resolveLocal(prop);
                      boolean skip =
                          defs.direction == Direction.INPUT
                              ? resolved.path("readOnly").asBoolean(false)
                              : resolved.path("writeOnly").asBoolean(false);
                      if (skip) {
                        dropped.add(p.getKey());
                      } else {
                        props.set(p.getKey(), convert(prop, at + "/" + escape(p.getKey()), defs));
                      }
                    });
            out.set("properties", props);
          }
          case "additionalProperties" -> {
            if (value.isBoolean()) {
              if (!(defs.direction == Direction.OUTPUT && !value.asBoolean())) {
                out.set(key, value);
              }
            } else {
              out.set(key, convert(value, at, defs));
            }
          }
          case "required" -> {
            if (defs.direction == Direction.INPUT && value.isArray()) {
              out.set(key, value.deepCopy());
            }
          }
          case "exclusiveMinimum", "exclusiveMaximum" -> {
            if (value.isNumber()) {
              out.set(key, value);
            } else if (value.asBoolean(false)) {
              String bound = key.equals("exclusiveMinimum") ? "minimum" : "maximum";
              if (schema.has(bound)) {
                out.set(key, schema.get(bound));
                dropped.add("$" + bound);
              }
            }
          }
          case "example" -> {
            if (!schema.has("examples") && !isReference(value)) {
              out.set("examples", NODES.arrayNode().add(value.deepCopy()));
            }
          }
          case "examples" -> {
            if (value.isArray()) {
              // OpenAPI Example Object references are not example values; they are left out.
              ArrayNode examples = NODES.arrayNode();
              value.forEach(
                  v -> {
                    if (!isReference(v)) {
                      examples.add(v.deepCopy());
                    }
                  });
              if (!examples.isEmpty()) {
                out.set("examples", examples);
              }
            }
          }
          default -> {
            // OpenAPI-only keywords (discriminator, xml, externalDocs, nullable), extensions and
            // unknown keywords are left out.
          }
        }
      }
    }
    String format = schema.path("format").asText("");
    if ((format.equals("binary") || format.equals("byte"))
        && out.path("maxLength").isIntegralNumber()) {
      // maxLength of binary content counts bytes; the argument carries base64 text.
      long bytes = out.get("maxLength").asLong();
      out.put("maxLength", (bytes + 2) / 3 * 4);
    }
    if (dropped.contains("$minimum")) {
      out.remove("minimum");
    }
    if (dropped.contains("$maximum")) {
      out.remove("maximum");
    }
    if (out.has("required") && !dropped.isEmpty()) {
      ArrayNode kept = NODES.arrayNode();
      out.get("required")
          .forEach(
              r -> {
                if (!dropped.contains(r.asText())) {
                  kept.add(r);
                }
              });
      out.set("required", kept);
    }
    if (out.has("required") && out.get("required").isEmpty()) {
      out.remove("required");
    }
    if (nullable || defs.direction == Direction.OUTPUT && out.has("type")) {
      // Results: any field may come back null (no role, no owner, an unset custom field), and a
      // client that checks results against the schema must not reject real answers for that.
      return makeNullable(out);
    }
    return out;
  }

  private static boolean isReference(JsonNode value) {
    return value.isObject() && value.has("$ref");
  }

  /** Applies 3.0 {@code nullable: true}, and makes result fields nullable. */
  private static JsonNode makeNullable(ObjectNode out) {
    JsonNode type = out.get("type");
    if (type != null && type.isTextual() && type.asText().equals("null")) {
      return out;
    }
    if (type != null && type.isArray()) {
      boolean hasNull = false;
      for (JsonNode t : type) {
        hasNull |= t.asText().equals("null");
      }
      if (!hasNull) {
        ((ArrayNode) type).add("null");
        addNullToEnum(out);
      }
      return out;
    }
    if (type != null && type.isTextual()) {
      out.set("type", NODES.arrayNode().add(type.asText()).add("null"));
      addNullToEnum(out);
      return out;
    }
    ObjectNode wrapper = NODES.objectNode();
    wrapper.set("anyOf", NODES.arrayNode().add(out).add(NODES.objectNode().put("type", "null")));
    return wrapper;
  }

  /** A nullable enum lists null too; an {@code enum} that is not a list is left as it is. */
  private static void addNullToEnum(ObjectNode out) {
    if (out.get("enum") instanceof ArrayNode values && !containsNull(values)) {
      values.addNull();
    }
  }

  private static boolean containsNull(JsonNode values) {
    for (JsonNode v : values) {
      if (v.isNull()) {
        return true;
      }
    }
    return false;
  }

  private JsonNode type(JsonNode value, JsonNode schema) {
    if (value.isTextual() && value.asText().equals("file")) {
      return NODES.textNode("string");
    }
    return value.deepCopy();
  }

  private static void format(JsonNode value, ObjectNode out) {
    String f = value.asText();
    switch (f) {
      case "binary", "byte" -> out.put("contentEncoding", "base64");
      default -> out.set("format", value.deepCopy());
    }
  }

  /** Follows a local reference chain without converting (for readOnly/writeOnly checks). */
  private JsonNode resolveLocal(JsonNode node) {
    JsonNode n = node;
    for (int i = 0; i < 32 && n != null && n.isObject() && n.has("$ref"); i++) {
      String ref = n.get("$ref").asText();
      if (!ref.startsWith("#")) {
        return n;
      }
      n = resolve(document.root(), ref);
    }
    return n == null ? NODES.missingNode() : n;
  }

  private JsonNode reference(String ref, String pointer, Defs defs) {
    if (!ref.startsWith("#")) {
      problems.error(
          "TORII-SPEC-004",
          "$ref " + ref + " points outside this document; bundle the description into one file",
          document.locate(pointer + "/$ref"));
      return NODES.objectNode();
    }
    String target = pointerOf(ref);
    JsonNode node = resolve(document.root(), ref);
    if (node.isMissingNode()) {
      problems.error(
          "TORII-SPEC-003",
          "$ref " + ref + " does not resolve",
          document.locate(pointer + "/$ref"));
      return NODES.objectNode();
    }
    // Every local reference becomes a definition, converted once: references deep into other
    // schemas would otherwise be inlined again at every use, which grows without bound on
    // descriptions that reference nested properties of nested properties.
    String name = defs.defName(target, defNameFor(ref));
    return NODES.objectNode().put("$ref", "#/$defs/" + name);
  }

  /** {@code #/components/schemas/Pet} to {@code Pet}; other pointers to their joined segments. */
  static String defNameFor(String ref) {
    String path =
        ref.startsWith(COMPONENT_PREFIX)
            ? ref.substring(COMPONENT_PREFIX.length())
            : ref.substring(2);
    StringBuilder out = new StringBuilder();
    for (String token : path.split("/")) {
      String t = decodeToken(token);
      if (t.isEmpty() || (out.length() > 0 && (t.equals("properties") || t.equals("items")))) {
        continue;
      }
      if (out.length() > 0) {
        out.append('_');
      }
      out.append(t);
    }
    return dev.toriimcp.generator.model.Names.fit(out.toString(), 64);
  }

  /**
   * The JSON pointer of a local reference: the fragment after {@code #}, percent-decoded (a
   * reference may encode {@code {} as {@code %7B}).
   */
  public static String pointerOf(String ref) {
    return decodeFragment(ref.substring(1));
  }

  /**
   * The node a local reference ({@code #/…}) points at; a missing node when it points nowhere, at
   * the whole document, or is not a JSON pointer at all (such as a plain-name {@code #anchor}).
   */
  public static JsonNode resolve(JsonNode root, String ref) {
    if (!ref.startsWith("#/")) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    return root.at(pointerOf(ref));
  }

  /** Percent-decoding; a malformed escape such as {@code %zz} is kept as written. */
  private static String decodeFragment(String fragment) {
    try {
      return java.net.URLDecoder.decode(
          fragment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return fragment;
    }
  }

  private static String decodeToken(String token) {
    return decodeFragment(token).replace("~1", "/").replace("~0", "~");
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
