package dev.toriimcp.generator.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.toriimcp.generator.model.Argument;
import dev.toriimcp.generator.model.ToolModel;
import dev.toriimcp.generator.model.ToolSet;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Emits the tool catalog that reviewers read: {@code tools.json} for machines (written with
 * Jackson, so escaping is always right) and {@code TOOLS.md} for people (rendered from a Mustache
 * template over a typed view).
 */
public final class CatalogEmitter {
  public static final String TOOLS_JSON = "tools.json";
  public static final String TOOLS_MD = "TOOLS.md";
  public static final String TEMPLATE = "TOOLS.md.mustache";

  private CatalogEmitter() {}

  private static final Pattern SPACE = Pattern.compile("\\s+");

  /** Both catalog files. */
  public static List<GeneratedFile> files(ToolSet set, String header, String template) {
    Map<ToolModel, SchemaSizes> sizes = new IdentityHashMap<>();
    for (ToolModel t : set.tools()) {
      sizes.put(
          t,
          new SchemaSizes(
              Json.compactSize(t.inputSchema()),
              t.outputSchema().map(Json::compactSize).orElse(-1)));
    }
    return List.of(
        GeneratedFile.owning(
            GeneratedFile.Root.CATALOG, TOOLS_JSON, Json.prettyBytes(json(set, header, sizes))),
        GeneratedFile.text(
            GeneratedFile.Root.CATALOG, TOOLS_MD, markdown(set, header, template, sizes)));
  }

  /**
   * Sizes in bytes of a tool's full schemas written compactly, as {@code tools/list} would carry
   * them.
   *
   * @param output -1 when the tool has no output schema
   */
  private record SchemaSizes(int input, int output) {}

  static ObjectNode json(ToolSet set, String header, Map<ToolModel, SchemaSizes> sizes) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("$comment", header);
    root.put("api", set.title());
    root.put("source", set.source());
    root.put("toolCount", set.tools().size());
    ArrayNode tools = root.putArray("tools");
    for (ToolModel t : set.tools()) {
      ObjectNode o = tools.addObject();
      o.put("name", t.name());
      o.put("title", t.title());
      o.put("operationId", t.operationId());
      o.put("method", t.method());
      o.put("path", t.pathTemplate());
      o.put("access", t.readOnly() ? "read" : "write");
      o.put("verb", t.verb().word());
      ArrayNode tags = o.putArray("tags");
      t.tags().forEach(tags::add);
      if (t.rateLimitPerMinute().isPresent()) {
        o.put("rateLimitPerMinute", t.rateLimitPerMinute().getAsInt());
      }
      t.pagination()
          .ifPresent(
              p -> {
                ObjectNode po = o.putObject("pagination");
                po.put("limitParameter", p.limitParameter());
                po.put("cursorParameter", p.cursorParameter());
                po.put("itemsField", p.itemsField());
                po.put("nextCursorField", p.nextCursorField());
              });
      if (!t.fixedParameters().isEmpty()) {
        ArrayNode pinned = o.putArray("pinned");
        t.fixedParameters()
            .forEach(
                f ->
                    pinned
                        .addObject()
                        .put("in", f.location().word())
                        .put("name", f.wireName())
                        .put("value", f.value()));
      }
      ObjectNode ann = o.putObject("annotations");
      ann.put("readOnlyHint", t.annotations().readOnlyHint());
      ann.put("destructiveHint", t.annotations().destructiveHint());
      ann.put("idempotentHint", t.annotations().idempotentHint());
      ann.put("openWorldHint", t.annotations().openWorldHint());
      o.put("description", t.description());
      SchemaSizes size = sizes.get(t);
      o.put("inputSchemaBytes", size.input());
      if (size.output() >= 0) {
        o.put("outputSchemaBytes", size.output());
      }
      o.set("inputSchema", t.inputSchema());
      t.outputSchema().ifPresent(s -> o.set("outputSchema", s));
    }
    return root;
  }

  static String markdown(
      ToolSet set, String header, String template, Map<ToolModel, SchemaSizes> sizes) {
    DefaultMustacheFactory factory = new DefaultMustacheFactory();
    Mustache m = factory.compile(new StringReader(template), TEMPLATE);
    StringWriter out = new StringWriter();
    m.execute(out, view(set, header, sizes));
    return out.toString().replace("\r\n", "\n");
  }

  /** The catalog as the template sees it. */
  public record CatalogView(
      String header,
      String api,
      String source,
      int toolCount,
      long readCount,
      long writeCount,
      String tags,
      String verbs,
      List<ToolView> tools) {}

  /** One tool as the template sees it; text is already Markdown-safe. */
  public record ToolView(
      String name,
      String title,
      String method,
      String path,
      String access,
      String verb,
      String tags,
      String rateLimit,
      String pagination,
      String annotations,
      String description,
      int inputSchemaBytes,
      String outputSchemaBytes,
      boolean hasArguments,
      List<ArgumentView> arguments,
      String pinned) {}

  /** One argument row. */
  public record ArgumentView(
      String name, String in, String type, String required, String description) {}

  static CatalogView view(ToolSet set, String header, Map<ToolModel, SchemaSizes> sizes) {
    Map<String, Long> tags = new TreeMap<>();
    Map<String, Long> verbs = new TreeMap<>();
    List<ToolView> tools = new ArrayList<>();
    for (ToolModel t : set.tools()) {
      t.tags().forEach(tag -> tags.merge(tag, 1L, Long::sum));
      verbs.merge(t.verb().word(), 1L, Long::sum);
      List<ArgumentView> args = new ArrayList<>();
      for (Argument a : t.arguments()) {
        args.add(
            new ArgumentView(
                a.name(),
                a.location().word()
                    + (a.wireName().equals(a.name()) ? "" : " `" + cell(a.wireName()) + "`"),
                cell(typeOf(a.schema())),
                a.required() ? "yes" : "",
                cell(firstSentence(a.schema().path("description").asText("")))));
      }
      tools.add(
          new ToolView(
              t.name(),
              cell(t.title()),
              t.method(),
              cell(t.pathTemplate()),
              t.readOnly() ? "read" : "write",
              t.verb().word(),
              String.join(", ", t.tags()),
              t.rateLimitPerMinute().isPresent() ? t.rateLimitPerMinute().getAsInt() + "/min" : "",
              t.pagination().map(p -> "cursor (`" + p.itemsField() + "`)").orElse(""),
              annotations(t),
              t.description().strip(),
              sizes.get(t).input(),
              sizes.get(t).output() < 0 ? "none" : sizes.get(t).output() + " bytes",
              !args.isEmpty(),
              args,
              t.fixedParameters().stream()
                  .map(
                      f -> f.location().word() + " `" + cell(f.wireName() + ": " + f.value()) + "`")
                  .collect(java.util.stream.Collectors.joining(", "))));
    }
    long read = set.tools().stream().filter(ToolModel::readOnly).count();
    return new CatalogView(
        header,
        set.title(),
        set.source(),
        set.tools().size(),
        read,
        set.tools().size() - read,
        counts(tags),
        counts(verbs),
        tools);
  }

  private static String counts(Map<String, Long> counts) {
    return counts.isEmpty()
        ? "none"
        : String.join(
            ", ", counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
  }

  private static String annotations(ToolModel t) {
    List<String> on = new ArrayList<>();
    if (t.annotations().readOnlyHint()) {
      on.add("read-only");
    }
    if (t.annotations().destructiveHint()) {
      on.add("destructive");
    }
    if (t.annotations().idempotentHint()) {
      on.add("idempotent");
    }
    if (t.annotations().openWorldHint()) {
      on.add("open-world");
    }
    return String.join(", ", on);
  }

  /** A short type label for the argument table. */
  static String typeOf(JsonNode s) {
    if (s.has("$ref")) {
      return s.get("$ref").asText().replace("#/$defs/", "");
    }
    if (s.has("oneOf") || s.has("anyOf")) {
      List<String> alts = new ArrayList<>();
      (s.has("oneOf") ? s.get("oneOf") : s.get("anyOf")).forEach(a -> alts.add(typeOf(a)));
      return String.join(" or ", alts);
    }
    if (s.has("enum")) {
      List<String> values = new ArrayList<>();
      s.get("enum").forEach(v -> values.add(v.isTextual() ? v.asText() : v.toString()));
      return "one of " + String.join(", ", values);
    }
    JsonNode type = s.get("type");
    String t = type == null ? "any" : type.isArray() ? joinTypes(type) : type.asText();
    if (t.equals("array") && s.has("items")) {
      return "array of " + typeOf(s.get("items"));
    }
    if (s.has("format")) {
      t += " (" + s.get("format").asText() + ")";
    }
    if (s.path("contentEncoding").asText("").equals("base64")) {
      t += " (base64)";
    }
    return t;
  }

  private static String joinTypes(JsonNode types) {
    List<String> out = new ArrayList<>();
    types.forEach(t -> out.add(t.asText()));
    return String.join(" or ", out);
  }

  private static String firstSentence(String s) {
    String flat = SPACE.matcher(s.strip()).replaceAll(" ");
    int dot = flat.indexOf(". ");
    return dot > 0 ? flat.substring(0, dot + 1) : flat;
  }

  /** Text safe inside a Markdown table cell. */
  static String cell(String s) {
    return SPACE.matcher(s.replace("\\", "\\\\").replace("|", "\\|")).replaceAll(" ").strip();
  }
}
