package dev.toriimcp.server.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks tool arguments against the tool's input schema before anything is sent upstream, and says
 * what is wrong in words an agent can act on: which argument, what was expected, with an example
 * where a format is involved.
 */
public final class ArgumentValidator {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder()
          .pathType(PathType.JSON_POINTER)
          .formatAssertionsEnabled(true)
          .build();

  private final JsonSchema schema;
  private final ObjectNode schemaNode;

  public ArgumentValidator(ObjectNode inputSchema) {
    this.schemaNode = inputSchema;
    this.schema = FACTORY.getSchema(inputSchema, CONFIG);
  }

  /** Problems with the arguments, one line each, sorted; empty when they are valid. */
  public List<String> validate(JsonNode arguments) {
    Set<ValidationMessage> messages = schema.validate(arguments);
    // A failed oneOf/anyOf is reported once, as "expected A or B", not once per alternative.
    Set<String> unions = new TreeSet<>();
    for (ValidationMessage m : messages) {
      if (m.getType().equals("oneOf") || m.getType().equals("anyOf")) {
        unions.add(m.getInstanceLocation().toString());
      }
    }
    Set<String> out = new TreeSet<>();
    unknownHashNames(arguments, out);
    for (ValidationMessage m : messages) {
      String at = m.getInstanceLocation().toString();
      boolean insideUnion =
          !m.getType().equals("oneOf")
              && !m.getType().equals("anyOf")
              && unions.stream().anyMatch(u -> at.equals(u) || at.startsWith(u + "/"))
              && (m.getEvaluationPath().toString().contains("/oneOf/")
                  || m.getEvaluationPath().toString().contains("/anyOf/"));
      if (insideUnion) {
        continue;
      }
      String line = describe(m, arguments);
      if (line != null) {
        out.add(line);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The validator library skips property names that start with {@code #} when it checks {@code
   * additionalProperties: false}; such top-level arguments are reported here instead.
   */
  private void unknownHashNames(JsonNode arguments, Set<String> out) {
    if (!arguments.isObject()
        || !schemaNode.path("additionalProperties").isBoolean()
        || schemaNode.path("additionalProperties").asBoolean()
        || schemaNode.has("patternProperties")) {
      return;
    }
    arguments
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (name.startsWith("#") && !schemaNode.path("properties").has(name)) {
                out.add(unknown("", name));
              }
            });
  }

  private String describe(ValidationMessage m, JsonNode arguments) {
    String where = path(m.getInstanceLocation().toString());
    String type = m.getType();
    // The keyword's own value (e.g. "integer" for type, the list for enum).
    JsonNode rule = m.getSchemaNode();
    if (rule != null && rule.isObject() && rule.has(type)) {
      rule = rule.get(type);
    }
    switch (type) {
      case "required" -> {
        String missing = m.getProperty();
        return join(where, missing) + ": is required";
      }
      case "additionalProperties", "unevaluatedProperties" -> {
        String name = m.getProperty();
        return unknown(where, name);
      }
      case "propertyNames", "not", "false" -> {
        String name = m.getProperty();
        if (name != null && where.isEmpty()) {
          return unknown(where, name);
        }
        return label(where) + ": is not allowed here";
      }
      case "format" -> {
        return label(where) + ": " + expectedFormat(rule.asText(""));
      }
      case "enum", "const" -> {
        JsonNode values = rule;
        List<String> list = new ArrayList<>();
        if (values.isArray()) {
          values.forEach(v -> list.add(v.isTextual() ? v.asText() : v.toString()));
        } else {
          list.add(values.isTextual() ? values.asText() : values.toString());
        }
        return label(where) + ": must be one of " + String.join(", ", list);
      }
      case "type" -> {
        return label(where) + ": expected " + typeWords(rule) + ", got " + actual(arguments, m);
      }
      case "oneOf", "anyOf" -> {
        return label(where) + ": expected " + alternatives(rule);
      }
      case "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "minLength",
          "maxLength",
          "pattern",
          "minItems",
          "maxItems",
          "uniqueItems",
          "multipleOf" -> {
        return label(where) + ": " + constraint(type, rule);
      }
      default -> {
        String text = m.getMessage();
        int colon = text.indexOf(": ");
        return label(where) + ": " + (colon > 0 ? text.substring(colon + 2) : text);
      }
    }
  }

  /** An argument the schema does not know, with a hint when it belongs inside another one. */
  private String unknown(String where, String name) {
    String nestedIn = where.isEmpty() ? nestingArgument(name) : null;
    if (nestedIn != null) {
      return name
          + ": must be nested as {"
          + String.join(", ", nestedProperties(nestedIn, name))
          + "} inside the "
          + nestedIn
          + " field";
    }
    List<String> known = new ArrayList<>();
    JsonNode props = where.isEmpty() ? schemaNode.path("properties") : null;
    if (props != null) {
      props.fieldNames().forEachRemaining(known::add);
    }
    return join(where, name)
        + ": unknown argument"
        + (known.isEmpty() ? "" : "; the arguments are " + String.join(", ", known));
  }

  /** The top-level argument whose (object) value has a property {@code name}, if one does. */
  private String nestingArgument(String name) {
    Iterator<String> it = schemaNode.path("properties").fieldNames();
    while (it.hasNext()) {
      String arg = it.next();
      if (!nestedProperties(arg, name).isEmpty()) {
        return arg;
      }
    }
    return null;
  }

  /** Property names of the object form of argument {@code arg} that contains {@code name}. */
  private List<String> nestedProperties(String arg, String name) {
    List<JsonNode> forms = new ArrayList<>();
    collectForms(schemaNode.path("properties").path(arg), forms, 0);
    for (JsonNode form : forms) {
      JsonNode props = form.path("properties");
      if (props.has(name)) {
        List<String> names = new ArrayList<>();
        props.fieldNames().forEachRemaining(names::add);
        return names;
      }
    }
    return List.of();
  }

  private void collectForms(JsonNode s, List<JsonNode> out, int depth) {
    if (depth > 8 || s == null || !s.isObject()) {
      return;
    }
    if (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      if (ref.startsWith("#/")) {
        collectForms(schemaNode.at(ref.substring(1)), out, depth + 1);
      }
    }
    if (s.has("properties")) {
      out.add(s);
    }
    for (String k : List.of("oneOf", "anyOf", "allOf")) {
      s.path(k).forEach(alt -> collectForms(alt, out, depth + 1));
    }
  }

  private static String expectedFormat(String format) {
    return switch (format) {
      case "date" -> "expected an ISO 8601 date such as 2026-01-31";
      case "date-time" -> "expected an ISO 8601 date-time such as 2026-01-31T09:30:00Z";
      case "time" -> "expected an ISO 8601 time such as 09:30:00Z";
      case "email" -> "expected an email address such as alex.chen@company.com";
      case "uuid" -> "expected a UUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301";
      case "uri" -> "expected an absolute URI such as https://example.com/path";
      default -> "expected the format " + format;
    };
  }

  private String alternatives(JsonNode alts) {
    List<String> forms = new ArrayList<>();
    for (JsonNode alt : alts) {
      forms.add(form(alt, 0));
    }
    return String.join(" or ", forms);
  }

  /** A short description of one schema form: "a number", "{value, currency}". */
  private String form(JsonNode s, int depth) {
    if (s.has("$ref") && depth < 4) {
      String ref = s.get("$ref").asText();
      if (ref.startsWith("#/")) {
        return form(schemaNode.at(ref.substring(1)), depth + 1);
      }
    }
    if (s.has("properties")) {
      List<String> names = new ArrayList<>();
      s.get("properties").fieldNames().forEachRemaining(names::add);
      return "an object {" + String.join(", ", names) + "}";
    }
    if (s.has("format")) {
      return typeWords(s.path("type")) + " (" + s.get("format").asText() + ")";
    }
    if (s.has("enum")) {
      List<String> values = new ArrayList<>();
      s.get("enum").forEach(v -> values.add(v.asText()));
      return "one of " + String.join(", ", values);
    }
    return typeWords(s.path("type"));
  }

  private static String typeWords(JsonNode type) {
    if (type.isArray()) {
      List<String> words = new ArrayList<>();
      type.forEach(t -> words.add(typeWord(t.asText())));
      return String.join(" or ", words);
    }
    return type.isMissingNode() ? "a value" : typeWord(type.asText());
  }

  private static String typeWord(String t) {
    return switch (t) {
      case "integer" -> "a whole number";
      case "number" -> "a number";
      case "string" -> "a string";
      case "boolean" -> "true or false";
      case "array" -> "an array";
      case "object" -> "an object";
      case "null" -> "null";
      default -> t;
    };
  }

  private static String actual(JsonNode arguments, ValidationMessage m) {
    JsonNode v = arguments.at(m.getInstanceLocation().toString());
    if (v.isMissingNode()) {
      return "nothing";
    }
    String kind = v.getNodeType().name().toLowerCase(Locale.ROOT);
    return kind.equals("number") && v.isIntegralNumber()
        ? "the number " + v
        : kind + " " + abbreviate(v);
  }

  private static String abbreviate(JsonNode v) {
    String s = v.toString();
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }

  private static String constraint(String type, JsonNode v) {
    return switch (type) {
      case "minimum" -> "must be at least " + v;
      case "maximum" -> "must be at most " + v;
      case "exclusiveMinimum" -> "must be greater than " + v;
      case "exclusiveMaximum" -> "must be less than " + v;
      case "minLength" -> "must have at least " + v + " characters";
      case "maxLength" -> "must have at most " + v + " characters";
      case "pattern" -> "must match the pattern " + v.asText();
      case "minItems" -> "must have at least " + v + " items";
      case "maxItems" -> "must have at most " + v + " items";
      case "uniqueItems" -> "must not repeat items";
      case "multipleOf" -> "must be a multiple of " + v;
      default -> "is out of range";
    };
  }

  /** {@code /amount/value} to {@code amount.value}, {@code /ids/0} to {@code ids[0]}. */
  static String path(String pointer) {
    if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (String token : pointer.substring(1).split("/", -1)) {
      String t = token.replace("~1", "/").replace("~0", "~");
      if (t.chars().allMatch(Character::isDigit) && !t.isEmpty()) {
        sb.append('[').append(t).append(']');
      } else {
        sb.append(sb.length() == 0 ? "" : ".").append(t);
      }
    }
    return sb.toString();
  }

  private static String join(String where, String name) {
    return where.isEmpty() ? name : where + "." + name;
  }

  private static String label(String where) {
    return where.isEmpty() ? "arguments" : where;
  }
}
