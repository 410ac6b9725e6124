package dev.toriimcp.generator.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toriimcp.generator.model.AnnotationsModel;
import dev.toriimcp.generator.model.Argument;
import dev.toriimcp.generator.model.ArgumentLocation;
import dev.toriimcp.generator.model.FixedParameter;
import dev.toriimcp.generator.model.Names;
import dev.toriimcp.generator.model.PaginationModel;
import dev.toriimcp.generator.model.ParameterStyle;
import dev.toriimcp.generator.model.ToolModel;
import dev.toriimcp.generator.model.ToolSet;
import dev.toriimcp.generator.model.Verb;
import dev.toriimcp.generator.problem.Problems;
import dev.toriimcp.generator.problem.SourceLocation;
import dev.toriimcp.generator.schema.SchemaBudget;
import dev.toriimcp.generator.schema.SchemaConverter;
import dev.toriimcp.generator.schema.SchemaConverter.Defs;
import dev.toriimcp.generator.schema.SchemaConverter.Direction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Builds the immutable tool model from a loaded description: one tool per operation, with its
 * arguments, JSON Schemas, pagination, access and limits. Reads OpenAPI; writes nothing.
 */
public final class ModelBuilder {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Set<String> IGNORED_HEADERS =
      Set.of("accept", "content-type", "authorization");
  private static final List<String> CURSOR_PARAMS =
      List.of("cursor", "next_cursor", "nextCursor", "page_token", "pageToken", "starting_after");
  private static final List<String> LIMIT_PARAMS =
      List.of(
          "size",
          "limit",
          "page_size",
          "pageSize",
          "per_page",
          "perPage",
          "max_results",
          "maxResults");
  private static final List<String> NEXT_CURSOR_FIELDS =
      List.of("nextCursor", "next_cursor", "nextPageToken", "next_page_token", "cursor");

  /** Extension keys read from the description (usually set by overlays). */
  public static final String X_NAME = "x-mcp-name";

  public static final String X_TITLE = "x-mcp-title";
  public static final String X_DESCRIPTION = "x-mcp-description";
  public static final String X_TAGS = "x-mcp-tags";
  public static final String X_RATE_LIMIT = "x-mcp-rate-limit";
  public static final String X_PAGINATION = "x-mcp-pagination";
  public static final String X_ANNOTATIONS = "x-mcp-annotations";
  public static final String X_VERB = "x-mcp-verb";
  public static final String X_EXCLUDE = "x-mcp-exclude";
  public static final String X_VALUE = "x-mcp-value";

  /**
   * What the build asks for.
   *
   * @param toolPrefix the word in derived tool names ({@code list_all_<prefix>_users}); may be
   *     empty
   * @param autoPagination detect cursor pagination where no {@code x-mcp-pagination} says so
   * @param maxSchemaBytes size budget of one tool schema; larger ones lose their deepest
   *     definitions
   */
  public record Options(String toolPrefix, boolean autoPagination, int maxSchemaBytes) {}

  private final LocatedDocument doc;
  private final JsonNode root;
  private final SchemaConverter converter;
  private final Problems problems;
  private final Options options;

  private ModelBuilder(SpecLoader.Loaded loaded, Options options, Problems problems) {
    this.doc = loaded.document();
    this.root = doc.root();
    this.converter = new SchemaConverter(doc, loaded.openApi30(), problems);
    this.problems = problems;
    this.options = options;
  }

  /** Builds the tool set; problems are collected, never thrown. */
  public static ToolSet build(SpecLoader.Loaded loaded, Options options, Problems problems) {
    return new ModelBuilder(loaded, options, problems).build();
  }

  private ToolSet build() {
    List<ToolModel> tools = new ArrayList<>();
    Map<String, SourceLocation> explicitNames = new HashMap<>();
    Set<ToolModel> explicit =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    JsonNode paths = root.path("paths");
    var pathIt = paths.fields();
    while (pathIt.hasNext()) {
      var pathEntry = pathIt.next();
      String path = pathEntry.getKey();
      JsonNode item = pathEntry.getValue();
      String itemPointer = "/paths/" + DocumentReader.escape(path);
      if (item.has("$ref")) {
        problems.warning(
            "TORII-SPEC-W02",
            "path item references are not followed; operations under " + path + " are skipped",
            doc.locate(itemPointer + "/$ref"));
        continue;
      }
      for (String m : METHODS) {
        JsonNode op = item.get(m);
        if (op == null || !op.isObject()) {
          continue;
        }
        String pointer = itemPointer + "/" + m;
        if (op.path(X_EXCLUDE).asBoolean(false)) {
          continue;
        }
        ToolModel tool = operation(path, m.toUpperCase(Locale.ROOT), item, op, pointer);
        if (tool == null) {
          continue;
        }
        if (op.has(X_NAME)) {
          SourceLocation first =
              explicitNames.putIfAbsent(tool.name(), doc.locate(pointer + "/" + X_NAME));
          if (first != null) {
            problems.error(
                "TORII-NAME-002",
                "tool name "
                    + tool.name()
                    + " is given to two operations; the other is at "
                    + first.render(),
                doc.locate(pointer + "/" + X_NAME));
            continue;
          }
          explicit.add(tool);
        }
        tools.add(tool);
      }
    }
    tools = resolveDerivedCollisions(tools, explicitNames.keySet(), explicit);
    String title = root.path("info").path("title").asText("API");
    return new ToolSet(title, doc.file(), tools);
  }

  /** Derived names that collide get {@code _2}, {@code _3}… in path order, with a warning. */
  private List<ToolModel> resolveDerivedCollisions(
      List<ToolModel> tools, Set<String> explicitNames, Set<ToolModel> explicit) {
    Map<String, Integer> seen = new HashMap<>();
    explicitNames.forEach(n -> seen.put(n, 1));
    List<ToolModel> out = new ArrayList<>();
    for (ToolModel t : tools) {
      if (explicit.contains(t)) {
        out.add(t);
        continue;
      }
      String name = t.name();
      if (seen.containsKey(name)) {
        int n = seen.get(name) + 1;
        String candidate = Names.fit(name, 61) + "_" + n;
        while (seen.containsKey(candidate)) {
          n++;
          candidate = Names.fit(name, 61) + "_" + n;
        }
        seen.put(name, n);
        problems.warning(
            "TORII-NAME-W01",
            "derived tool name "
                + name
                + " is taken; this operation is named "
                + candidate
                + " (set x-mcp-name to choose a name)",
            t.location());
        t = rename(t, candidate);
        name = candidate;
      }
      seen.put(name, seen.getOrDefault(name, 1));
      out.add(t);
    }
    return out;
  }

  private static ToolModel rename(ToolModel t, String name) {
    return new ToolModel(
        name,
        t.title(),
        t.description(),
        t.operationId(),
        t.method(),
        t.pathTemplate(),
        t.tags(),
        t.verb(),
        t.annotations(),
        t.rateLimitPerMinute(),
        t.pagination(),
        t.arguments(),
        t.fixedParameters(),
        t.additionalBodyFields(),
        t.inputSchema(),
        t.outputSchema(),
        t.location());
  }

  private ToolModel operation(
      String path, String method, JsonNode item, JsonNode op, String pointer) {
    SourceLocation location = doc.locate(pointer);
    String operationId = op.path("operationId").asText(null);
    String name;
    if (op.has(X_NAME)) {
      name = op.get(X_NAME).asText("");
      if (!Names.TOOL_NAME.matcher(name).matches()) {
        problems.error(
            "TORII-NAME-001",
            "tool name '" + name + "' must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -",
            doc.locate(pointer + "/" + X_NAME));
        return null;
      }
    } else {
      name = Names.deriveToolName(method, path, operationId, options.toolPrefix());
    }
    if (operationId == null) {
      operationId = Names.snake(method.toLowerCase(Locale.ROOT) + " " + path);
    }

    Defs inputDefs = converter.newDefs(Direction.INPUT);
    Optional<PaginationModel> pagination = Optional.empty();
    Success success = success(op, pointer);
    if (op.has(X_PAGINATION)) {
      pagination = declaredPagination(op.get(X_PAGINATION), pointer + "/" + X_PAGINATION);
    }

    List<Param> params = parameters(item, op, pointer);
    if (pagination.isEmpty()
        && op.has(X_PAGINATION) == false
        && options.autoPagination()
        && method.equals("GET")) {
      pagination = detectPagination(params, success == null ? null : success.schema());
    }
    if (pagination.isPresent()) {
      PaginationModel pm = pagination.get();
      boolean hasLimit =
          params.stream().anyMatch(p -> p.in.equals("query") && p.name.equals(pm.limitParameter()));
      boolean hasCursor =
          params.stream()
              .anyMatch(p -> p.in.equals("query") && p.name.equals(pm.cursorParameter()));
      if (!hasLimit || !hasCursor) {
        problems.error(
            "TORII-EXT-002",
            "x-mcp-pagination names query parameters "
                + pm.limitParameter()
                + " and "
                + pm.cursorParameter()
                + ", but the operation does not declare "
                + (!hasLimit ? pm.limitParameter() : pm.cursorParameter()),
            doc.locate(pointer + "/" + X_PAGINATION));
        pagination = Optional.empty();
      }
    }

    java.util.regex.Matcher template =
        java.util.regex.Pattern.compile("\\{([^}/]+)}").matcher(path);
    while (template.find()) {
      String placeholder = template.group(1);
      if (params.stream().noneMatch(p -> p.in.equals("path") && p.name.equals(placeholder))) {
        problems.error(
            "TORII-SPEC-006",
            "path "
                + path
                + " has {"
                + placeholder
                + "}, but the operation declares no path parameter "
                + placeholder,
            doc.locate(pointer));
      }
    }
    ArgumentsBuilder args = new ArgumentsBuilder();
    if (pagination.isPresent()) {
      args.claim(Pagination.LIMIT);
      args.claim(Pagination.CURSOR);
    }
    for (String in : List.of("path", "query", "header", "cookie")) {
      for (Param p : params) {
        if (p.in.equals(in)) {
          addParameter(args, p, pagination, inputDefs);
        }
      }
    }
    BodyExtras extras = requestBody(args, op, pointer, inputDefs);
    boolean extraBodyFields = extras.additionalProperties() != null;

    ObjectNode input = NODES.objectNode();
    input.put("type", "object");
    ObjectNode props = input.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    for (Argument a : args.arguments) {
      props.set(a.name(), a.schema());
      if (a.required()) {
        required.add(a.name());
      }
    }
    if (!required.isEmpty()) {
      input.set("required", required);
    }
    input.set(
        "additionalProperties",
        extraBodyFields ? extras.additionalProperties() : NODES.booleanNode(false));
    if (extras.patternProperties() != null) {
      input.set("patternProperties", extras.patternProperties());
    }
    if (extras.propertyNames() != null) {
      input.set("propertyNames", extras.propertyNames());
    }
    if (!inputDefs.isEmpty()) {
      input.set("$defs", inputDefs.toJson());
    }

    budget(input, name, "input", pointer);
    Optional<ObjectNode> output = outputSchema(success, pagination);
    output.ifPresent(o -> budget(o, name, "output", pointer));
    Verb verb = verb(name, method, path, op, pointer);
    String summary = op.path("summary").asText("").strip();
    String description =
        firstNonBlank(
            op.path(X_DESCRIPTION).asText(null),
            op.path("description").asText(null),
            summary,
            method + " " + path);
    String title = firstNonBlank(op.path(X_TITLE).asText(null), stripDot(summary), titleOf(name));
    return new ToolModel(
        name,
        title.strip(),
        description.strip(),
        operationId,
        method,
        path,
        tags(op, pointer),
        verb,
        annotations(method, verb, op, pointer),
        rateLimit(op, pointer),
        pagination,
        args.arguments,
        args.fixed,
        extraBodyFields,
        input,
        output,
        location);
  }

  private final SchemaBudget budget = new SchemaBudget();

  private void budget(ObjectNode schema, String tool, String which, String pointer) {
    budget
        .fitMeasured(schema, options.maxSchemaBytes())
        .ifPresent(
            cut ->
                problems.warning(
                    "TORII-SCHEMA-W02",
                    "the "
                        + which
                        + " schema of "
                        + tool
                        + " is "
                        + cut.sizeBefore()
                        + " bytes; definitions deeper than level "
                        + cut.depth()
                        + " are left out to fit "
                        + options.maxSchemaBytes()
                        + " bytes ("
                        + SchemaBudget.size(schema)
                        + " now)",
                    doc.locate(pointer)));
  }

  // ---- parameters -------------------------------------------------------------------------

  private record Param(String name, String in, JsonNode node, String pointer) {}

  private List<Param> parameters(JsonNode item, JsonNode op, String opPointer) {
    Map<String, Param> merged = new LinkedHashMap<>();
    String itemPointer = opPointer.substring(0, opPointer.lastIndexOf('/'));
    collectParams(item.path("parameters"), itemPointer + "/parameters", merged);
    collectParams(op.path("parameters"), opPointer + "/parameters", merged);
    return new ArrayList<>(merged.values());
  }

  private void collectParams(JsonNode list, String pointer, Map<String, Param> into) {
    if (!list.isArray()) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String at = pointer + "/" + i;
      JsonNode p = list.get(i);
      String resolvedAt = at;
      for (int hop = 0; hop < 16 && p.has("$ref"); hop++) {
        String ref = p.get("$ref").asText();
        if (!ref.startsWith("#")) {
          problems.error(
              "TORII-SPEC-004",
              "$ref " + ref + " points outside this document; bundle the description into one file",
              doc.locate(at + "/$ref"));
          p = NODES.missingNode();
          break;
        }
        resolvedAt = SchemaConverter.pointerOf(ref);
        JsonNode target = SchemaConverter.resolve(root, ref);
        if (target.isMissingNode()) {
          problems.error(
              "TORII-SPEC-003", "$ref " + ref + " does not resolve", doc.locate(at + "/$ref"));
        }
        p = target;
      }
      if (p.isMissingNode()) {
        continue;
      }
      String name = p.path("name").asText("");
      String in = p.path("in").asText("");
      if (name.isEmpty() || !Set.of("path", "query", "header", "cookie").contains(in)) {
        problems.warning(
            "TORII-SPEC-W04",
            "a parameter needs a `name` and `in` (path, query, header or cookie); it is left out",
            doc.locate(at));
        continue;
      }
      if (in.equals("header") && IGNORED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      into.put(in + ":" + name, new Param(name, in, p, resolvedAt));
    }
  }

  private void addParameter(
      ArgumentsBuilder args, Param p, Optional<PaginationModel> pagination, Defs defs) {
    JsonNode node = p.node;
    ArgumentLocation location = ArgumentLocation.valueOf(p.in.toUpperCase(Locale.ROOT));
    ParameterStyle style =
        node.has("style")
            ? ParameterStyle.parse(node.get("style").asText())
            : (p.in.equals("query") || p.in.equals("cookie"))
                ? ParameterStyle.FORM
                : ParameterStyle.SIMPLE;
    if (style == null) {
      problems.warning(
          "TORII-SPEC-W03",
          "unknown parameter style " + node.get("style") + "; the default is used",
          doc.locate(p.pointer + "/style"));
      style = p.in.equals("query") ? ParameterStyle.FORM : ParameterStyle.SIMPLE;
    }
    boolean explode =
        node.has("explode") ? node.get("explode").asBoolean() : style == ParameterStyle.FORM;
    if (node.has(X_VALUE)) {
      Optional<String> value = fixedValue(node, p.pointer);
      if (value.isPresent()) {
        args.fixed.add(new FixedParameter(p.name, location, style, explode, value.get()));
      }
      return;
    }
    JsonNode schema;
    if (node.has("schema")) {
      schema = converter.convert(node.get("schema"), p.pointer + "/schema", defs);
    } else if (node.has("content")) {
      ObjectNode s = NODES.objectNode();
      s.put("type", "string");
      s.put("description", "JSON text.");
      schema = s;
    } else {
      schema = NODES.objectNode().put("type", "string");
    }
    ObjectNode argSchema = withDocs(schema, node.path("description").asText(null), node);
    boolean required = p.in.equals("path") || node.path("required").asBoolean(false);
    String argName;
    if (pagination.isPresent()
        && p.in.equals("query")
        && p.name.equals(pagination.get().limitParameter())) {
      argName = Pagination.LIMIT;
      argSchema.put(
          "description",
          "How many items to return in this page."
              + (argSchema.has("default") ? " Defaults to " + argSchema.get("default") + "." : ""));
    } else if (pagination.isPresent()
        && p.in.equals("query")
        && p.name.equals(pagination.get().cursorParameter())) {
      argName = Pagination.CURSOR;
      argSchema = NODES.objectNode();
      argSchema.put("type", "string");
      argSchema.put(
          "description",
          "The next_cursor value from the previous page, passed back exactly as received. Leave it"
              + " out for the first page.");
      required = false;
    } else {
      argName = args.allocate(Names.argumentName(p.name), p.in);
    }
    args.add(new Argument(argName, p.name, location, style, explode, required, argSchema, null));
  }

  /**
   * The pinned value of a parameter with {@code x-mcp-value}: a string, number or boolean, and one
   * of the parameter's {@code enum} values when it has them.
   */
  private Optional<String> fixedValue(JsonNode param, String pointer) {
    JsonNode v = param.get(X_VALUE);
    String at = pointer + "/" + X_VALUE;
    if (!v.isTextual() && !v.isNumber() && !v.isBoolean()) {
      problems.error(
          "TORII-EXT-001", "x-mcp-value must be a string, number or boolean", doc.locate(at));
      return Optional.empty();
    }
    JsonNode allowed = param.path("schema").path("enum");
    if (allowed.isArray() && !allowed.isEmpty()) {
      boolean listed = false;
      for (JsonNode e : allowed) {
        listed |= e.asText().equals(v.asText());
      }
      if (!listed) {
        problems.error(
            "TORII-EXT-001",
            "x-mcp-value " + v + " is not one of the parameter's enum values " + allowed,
            doc.locate(at));
        return Optional.empty();
      }
    }
    return Optional.of(v.asText());
  }

  /** Puts a parameter's description, deprecation and example next to its schema. */
  private static ObjectNode withDocs(JsonNode schema, String description, JsonNode param) {
    ObjectNode out;
    if (schema.isObject()) {
      out = ((ObjectNode) schema).deepCopy();
    } else {
      out = NODES.objectNode();
      if (!schema.asBoolean(true)) {
        out.set("not", NODES.objectNode());
      }
    }
    if (description != null && !description.isBlank() && !out.has("description")) {
      out.put("description", description.strip());
    }
    if (param.path("deprecated").asBoolean(false)) {
      out.put("deprecated", true);
    }
    if (param.has("example") && !out.has("examples")) {
      out.set("examples", NODES.arrayNode().add(param.get("example").deepCopy()));
    }
    return out;
  }

  // ---- request body -----------------------------------------------------------------------

  /**
   * What a flattened JSON body says about arguments beyond its declared fields.
   *
   * @param additionalProperties schema of extra fields (sent as body fields), or null for none
   * @param propertyNames rule on field names, or null
   * @param patternProperties schemas of fields by name pattern, or null
   */
  private record BodyExtras(
      JsonNode additionalProperties, JsonNode propertyNames, JsonNode patternProperties) {
    static final BodyExtras NONE = new BodyExtras(null, null, null);
  }

  /** Adds body arguments; returns what extra arguments the body accepts. */
  private BodyExtras requestBody(ArgumentsBuilder args, JsonNode op, String pointer, Defs defs) {
    JsonNode body = op.get("requestBody");
    String at = pointer + "/requestBody";
    for (int hop = 0; body != null && hop < 16 && body.has("$ref"); hop++) {
      String ref = body.get("$ref").asText();
      at = ref.startsWith("#") ? SchemaConverter.pointerOf(ref) : at;
      body = ref.startsWith("#") ? SchemaConverter.resolve(root, ref) : null;
      if (body == null || body.isMissingNode()) {
        problems.error(
            "TORII-SPEC-003",
            "$ref " + ref + " does not resolve",
            doc.locate(pointer + "/requestBody"));
        return BodyExtras.NONE;
      }
    }
    if (body == null || !body.path("content").isObject() || body.path("content").isEmpty()) {
      return BodyExtras.NONE;
    }
    boolean bodyRequired = body.path("required").asBoolean(false);
    String mediaType = chooseMediaType(body.get("content"));
    String contentAt = at + "/content/" + DocumentReader.escape(mediaType);
    JsonNode schema = body.get("content").get(mediaType).path("schema");
    String schemaAt = contentAt + "/schema";
    Kind kind = kind(mediaType);

    Map<String, JsonNode> properties = new LinkedHashMap<>();
    Map<String, String> pointers = new HashMap<>();
    List<String> requiredProps = new ArrayList<>();
    // pointers of additionalProperties, propertyNames and patternProperties
    String[] extras = new String[3];
    boolean flat =
        schema.isObject()
            && flatten(schema, schemaAt, properties, pointers, requiredProps, extras, 0);
    if (kind == Kind.RAW || !flat) {
      JsonNode converted =
          schema.isMissingNode() ? NODES.objectNode() : converter.convert(schema, schemaAt, defs);
      ObjectNode s = withDocs(converted, body.path("description").asText(null), NODES.objectNode());
      String name = args.allocate("body", "request");
      args.add(
          new Argument(
              name,
              "body",
              ArgumentLocation.BODY,
              ParameterStyle.SIMPLE,
              false,
              bodyRequired,
              s,
              mediaType));
      return BodyExtras.NONE;
    }
    JsonNode encoding = body.get("content").get(mediaType).path("encoding");
    for (Map.Entry<String, JsonNode> e : properties.entrySet()) {
      String wire = e.getKey();
      JsonNode resolved = resolve(e.getValue());
      if (resolved.path("readOnly").asBoolean(false)) {
        continue;
      }
      JsonNode converted = converter.convert(e.getValue(), pointers.get(wire), defs);
      ArgumentLocation location =
          switch (kind) {
            case JSON -> ArgumentLocation.BODY_FIELD;
            case FORM -> ArgumentLocation.FORM_FIELD;
            case MULTIPART ->
                isBinary(resolved) ? ArgumentLocation.FILE_PART : ArgumentLocation.PART;
            case RAW -> throw new IllegalStateException();
          };
      String partType = encoding.path(wire).path("contentType").asText(null);
      String name = args.allocate(Names.argumentName(wire), "body");
      ObjectNode s = withDocs(converted, null, NODES.objectNode());
      if (location == ArgumentLocation.FILE_PART) {
        // APIs often check the file name's extension, so the agent names the file.
        ObjectNode fileName = NODES.objectNode();
        fileName.put("type", "string");
        fileName.put("minLength", 1);
        fileName.put(
            "description",
            "Name of the file sent as "
                + wire
                + ", with its extension (for example expenses.csv).");
        args.add(
            new Argument(
                args.allocate(Names.argumentName(wire) + "_filename", "body"),
                wire,
                ArgumentLocation.FILE_NAME,
                ParameterStyle.FORM,
                true,
                false,
                fileName,
                null));
      }
      args.add(
          new Argument(
              name,
              wire,
              location,
              ParameterStyle.FORM,
              true,
              requiredProps.contains(wire),
              s,
              location == ArgumentLocation.FILE_PART
                  ? (partType == null ? "application/octet-stream" : partType)
                  : partType));
    }
    if (kind != Kind.JSON) {
      return BodyExtras.NONE;
    }
    JsonNode additional = extras[0] == null ? null : root.at(extras[0]);
    boolean allowed = additional != null && (additional.isObject() || additional.asBoolean(false));
    return new BodyExtras(
        allowed ? converter.convert(additional, extras[0], defs) : null,
        extras[1] == null ? null : converter.convert(root.at(extras[1]), extras[1], defs),
        extras[2] == null ? null : patterns(extras[2], defs));
  }

  private ObjectNode patterns(String pointer, Defs defs) {
    ObjectNode out = NODES.objectNode();
    root.at(pointer)
        .fields()
        .forEachRemaining(
            e ->
                out.set(
                    e.getKey(),
                    converter.convert(
                        e.getValue(), pointer + "/" + DocumentReader.escape(e.getKey()), defs)));
    return out;
  }

  private enum Kind {
    JSON,
    FORM,
    MULTIPART,
    RAW
  }

  private static Kind kind(String mediaType) {
    String m = mediaType.toLowerCase(Locale.ROOT);
    if (m.equals("application/json")
        || m.endsWith("+json")
        || m.equals("*/*")
        || m.startsWith("application/json;")) {
      return Kind.JSON;
    }
    if (m.startsWith("multipart/form-data")) {
      return Kind.MULTIPART;
    }
    if (m.startsWith("application/x-www-form-urlencoded")) {
      return Kind.FORM;
    }
    return Kind.RAW;
  }

  private static String chooseMediaType(JsonNode content) {
    List<String> types = new ArrayList<>();
    content.fieldNames().forEachRemaining(types::add);
    for (Kind wanted : List.of(Kind.JSON, Kind.MULTIPART, Kind.FORM)) {
      for (String t : types) {
        if (kind(t) == wanted) {
          return t;
        }
      }
    }
    return types.get(0);
  }

  /**
   * Collects the properties of an object schema (following references and allOf) so that they can
   * become top-level arguments; false when the schema is not a plain object.
   */
  private boolean flatten(
      JsonNode schema,
      String pointer,
      Map<String, JsonNode> properties,
      Map<String, String> pointers,
      List<String> required,
      String[] extras,
      int depth) {
    if (depth > 16) {
      return false;
    }
    String at = pointer;
    JsonNode s = schema;
    for (int hop = 0; hop < 16 && s.has("$ref"); hop++) {
      String ref = s.get("$ref").asText();
      if (!ref.startsWith("#")) {
        return false;
      }
      at = SchemaConverter.pointerOf(ref);
      s = SchemaConverter.resolve(root, ref);
      if (!s.isObject()) {
        return false;
      }
    }
    if (s.has("oneOf") || s.has("anyOf") || s.has("not") || s.path("nullable").asBoolean(false)) {
      return false;
    }
    JsonNode type = s.get("type");
    if (type != null && !(type.isTextual() && type.asText().equals("object"))) {
      return false;
    }
    if (s.has("allOf")) {
      JsonNode all = s.get("allOf");
      for (int i = 0; i < all.size(); i++) {
        if (!flatten(
            all.get(i), at + "/allOf/" + i, properties, pointers, required, extras, depth + 1)) {
          return false;
        }
      }
    }
    if (type == null && !s.has("properties") && !s.has("allOf")) {
      return false;
    }
    JsonNode props = s.path("properties");
    String propsAt = at + "/properties/";
    props
        .fields()
        .forEachRemaining(
            e -> {
              properties.put(e.getKey(), e.getValue());
              pointers.put(e.getKey(), propsAt + DocumentReader.escape(e.getKey()));
            });
    s.path("required").forEach(r -> required.add(r.asText()));
    if (s.has("additionalProperties")) {
      extras[0] = at + "/additionalProperties";
    }
    if (s.has("propertyNames")) {
      extras[1] = at + "/propertyNames";
    }
    if (s.path("patternProperties").isObject()) {
      extras[2] = at + "/patternProperties";
    }
    return true;
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode s = schema;
    for (int hop = 0; hop < 16 && s.isObject() && s.has("$ref"); hop++) {
      String ref = s.get("$ref").asText();
      if (!ref.startsWith("#")) {
        return s;
      }
      s = SchemaConverter.resolve(root, ref);
    }
    return s;
  }

  private static boolean isBinary(JsonNode s) {
    String format = s.path("format").asText("");
    return format.equals("binary")
        || format.equals("byte")
        || s.path("type").asText("").equals("file")
        || s.has("contentMediaType")
        || s.path("contentEncoding").asText("").equals("base64");
  }

  // ---- responses and pagination -----------------------------------------------------------

  /** The JSON schema of the success response, with its pointer, or null. */
  private record Success(JsonNode schema, String pointer) {}

  private Success success(JsonNode op, String pointer) {
    JsonNode responses = op.path("responses");
    List<String> codes = new ArrayList<>();
    responses.fieldNames().forEachRemaining(codes::add);
    List<String> order = new ArrayList<>(List.of("200", "201", "202", "203", "206", "2XX", "2xx"));
    codes.stream()
        .filter(c -> c.startsWith("2") && !order.contains(c))
        .sorted()
        .forEach(order::add);
    for (String code : order) {
      JsonNode r = responses.get(code);
      if (r == null) {
        continue;
      }
      String at = pointer + "/responses/" + code;
      for (int hop = 0; hop < 16 && r.has("$ref"); hop++) {
        String ref = r.get("$ref").asText();
        if (!ref.startsWith("#")) {
          return null;
        }
        at = SchemaConverter.pointerOf(ref);
        r = SchemaConverter.resolve(root, ref);
      }
      JsonNode content = r.path("content");
      if (!content.isObject() || content.isEmpty()) {
        return null;
      }
      for (String t : iterable(content)) {
        if (kind(t) == Kind.JSON && content.get(t).has("schema")) {
          return new Success(
              content.get(t).get("schema"),
              at + "/content/" + DocumentReader.escape(t) + "/schema");
        }
      }
      return null;
    }
    return null;
  }

  private static List<String> iterable(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private Optional<PaginationModel> declaredPagination(JsonNode x, String pointer) {
    String limit = x.path("limitParameter").asText("");
    String cursor = x.path("cursorParameter").asText("");
    String items = x.path("itemsField").asText("");
    String next = x.path("nextCursorField").asText("");
    if (limit.isEmpty() || cursor.isEmpty() || items.isEmpty() || next.isEmpty()) {
      problems.error(
          "TORII-EXT-001",
          "x-mcp-pagination needs limitParameter, cursorParameter, itemsField and nextCursorField",
          doc.locate(pointer));
      return Optional.empty();
    }
    return Optional.of(new PaginationModel(limit, cursor, items, next));
  }

  private Optional<PaginationModel> detectPagination(List<Param> params, JsonNode success) {
    String cursor = null;
    String limit = null;
    for (Param p : params) {
      if (!p.in.equals("query")) {
        continue;
      }
      if (cursor == null && CURSOR_PARAMS.contains(p.name)) {
        cursor = p.name;
      }
      if (limit == null && LIMIT_PARAMS.contains(p.name)) {
        limit = p.name;
      }
    }
    if (cursor == null || limit == null || success == null) {
      return Optional.empty();
    }
    JsonNode props = resolve(success).path("properties");
    String next = null;
    String items = null;
    for (String f : NEXT_CURSOR_FIELDS) {
      if (props.has(f)) {
        next = f;
        break;
      }
    }
    for (String f : iterable(props)) {
      if (resolve(props.get(f)).path("type").asText("").equals("array")) {
        items = f;
        break;
      }
    }
    if (next == null || items == null) {
      return Optional.empty();
    }
    return Optional.of(new PaginationModel(limit, cursor, items, next));
  }

  /**
   * The result's schema: the success response when it is an object (its root reference inlined so
   * that the root says {@code type: object}), a non-object wrapped as {@code {"result": …}} the way
   * the server wraps it, and nothing for unions. A paginated result's cursor field is renamed to
   * {@code next_cursor}, as the server renames it.
   */
  private Optional<ObjectNode> outputSchema(Success success, Optional<PaginationModel> pagination) {
    if (success == null) {
      return Optional.empty();
    }
    Defs defs = converter.newDefs(Direction.OUTPUT);
    JsonNode converted = converter.convert(success.schema(), success.pointer(), defs);
    if (!converted.isObject()) {
      return Optional.empty();
    }
    ObjectNode out = (ObjectNode) converted;
    if (out.size() == 1 && out.has("$ref")) {
      String def = out.get("$ref").asText().substring("#/$defs/".length());
      JsonNode target = defs.get(def);
      if (target == null || !target.isObject()) {
        return Optional.empty();
      }
      out = ((ObjectNode) target).deepCopy();
      if (!references(defs.toJson(), "#/$defs/" + def, def)
          && !references(out, "#/$defs/" + def, null)) {
        defs.remove(def);
      }
    }
    JsonNode type = out.get("type");
    if (type != null && type.isArray()) {
      // Results are nullable field by field; the root itself is the one object returned.
      JsonNode first = null;
      for (JsonNode t : type) {
        if (!t.asText().equals("null")) {
          first = first == null ? t : NODES.textNode("union");
        }
      }
      type = first;
    }
    boolean object =
        (type != null && type.asText().equals("object"))
            || (type == null && out.has("properties") && !out.has("oneOf") && !out.has("anyOf"));
    ObjectNode result;
    if (object) {
      result = NODES.objectNode();
      result.put("type", "object");
      out.remove("type");
      result.setAll(out);
    } else if (type != null
        && !type.asText().equals("union")
        && !out.has("oneOf")
        && !out.has("anyOf")) {
      result = NODES.objectNode();
      result.put("type", "object");
      result.putObject("properties").set("result", out);
    } else {
      return Optional.empty();
    }
    if (pagination.isPresent() && result.path("properties").isObject()) {
      ObjectNode props = (ObjectNode) result.get("properties");
      ObjectNode renamed = NODES.objectNode();
      String next = pagination.get().nextCursorField();
      props
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals(next)) {
                  ObjectNode cursor = NODES.objectNode();
                  cursor.put("type", "string");
                  cursor.put(
                      "description",
                      "Cursor of the next page: pass it back as next_cursor exactly as received."
                          + " Absent on the last page.");
                  renamed.set(Pagination.CURSOR, cursor);
                } else {
                  renamed.set(e.getKey(), e.getValue());
                }
              });
      result.set("properties", renamed);
    }
    if (!defs.isEmpty()) {
      result.remove("$defs");
      result.set("$defs", defs.toJson());
    }
    return Optional.of(result);
  }

  /** Whether a tree mentions a reference, not counting the definition named {@code except}. */
  private static boolean references(JsonNode tree, String ref, String except) {
    if (tree.isObject()) {
      var it = tree.fields();
      while (it.hasNext()) {
        var e = it.next();
        if (e.getKey().equals("$ref") && e.getValue().asText().equals(ref)) {
          return true;
        }
        if (except != null && e.getKey().equals(except)) {
          continue;
        }
        if (references(e.getValue(), ref, null)) {
          return true;
        }
      }
    } else if (tree.isArray()) {
      for (JsonNode n : tree) {
        if (references(n, ref, null)) {
          return true;
        }
      }
    }
    return false;
  }

  // ---- metadata ---------------------------------------------------------------------------

  private Verb verb(String name, String method, String path, JsonNode op, String pointer) {
    if (op.has(X_VERB)) {
      String v = op.get(X_VERB).asText("").toUpperCase(Locale.ROOT);
      try {
        return Verb.valueOf(v);
      } catch (IllegalArgumentException e) {
        problems.error(
            "TORII-EXT-001",
            "x-mcp-verb must be one of get, list, create, update, delete, other",
            doc.locate(pointer + "/" + X_VERB));
      }
    }
    boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    if (read) {
      if (name.startsWith("get_")) {
        return Verb.GET;
      }
      if (name.startsWith("list_")) {
        return Verb.LIST;
      }
      return path.endsWith("}") ? Verb.GET : Verb.LIST;
    }
    if (name.startsWith("create_")) {
      return Verb.CREATE;
    }
    if (name.startsWith("update_")) {
      return Verb.UPDATE;
    }
    if (name.startsWith("delete_")) {
      return Verb.DELETE;
    }
    return Verb.OTHER;
  }

  private AnnotationsModel annotations(String method, Verb verb, JsonNode op, String pointer) {
    boolean readOnly = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    boolean destructive =
        !readOnly && (method.equals("DELETE") || method.equals("PUT") || verb == Verb.DELETE);
    boolean idempotent = readOnly || method.equals("PUT") || method.equals("DELETE");
    boolean openWorld = true;
    JsonNode x = op.get(X_ANNOTATIONS);
    if (x != null) {
      if (!x.isObject()) {
        problems.error(
            "TORII-EXT-001",
            "x-mcp-annotations must be a mapping of booleans",
            doc.locate(pointer + "/" + X_ANNOTATIONS));
      } else {
        for (String key : iterable(x)) {
          JsonNode v = x.get(key);
          if (!v.isBoolean()) {
            problems.error(
                "TORII-EXT-001",
                "x-mcp-annotations." + key + " must be true or false",
                doc.locate(pointer + "/" + X_ANNOTATIONS + "/" + key));
            continue;
          }
          switch (key) {
            case "readOnlyHint" -> readOnly = v.asBoolean();
            case "destructiveHint" -> destructive = v.asBoolean();
            case "idempotentHint" -> idempotent = v.asBoolean();
            case "openWorldHint" -> openWorld = v.asBoolean();
            default ->
                problems.error(
                    "TORII-EXT-001",
                    "x-mcp-annotations has no "
                        + key
                        + "; use readOnlyHint, destructiveHint, idempotentHint or openWorldHint",
                    doc.locate(pointer + "/" + X_ANNOTATIONS + "/" + key));
          }
        }
      }
    }
    return new AnnotationsModel(readOnly, destructive, idempotent, openWorld);
  }

  private List<String> tags(JsonNode op, String pointer) {
    List<String> out = new ArrayList<>();
    JsonNode x = op.get(X_TAGS);
    if (x != null) {
      if (!x.isArray()) {
        problems.error(
            "TORII-EXT-001",
            "x-mcp-tags must be a list of words",
            doc.locate(pointer + "/" + X_TAGS));
        return out;
      }
      x.forEach(t -> out.add(t.asText()));
      for (String t : out) {
        if (!t.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
          problems.error(
              "TORII-EXT-001",
              "tag '" + t + "' must be lower-case letters, digits, _ and -",
              doc.locate(pointer + "/" + X_TAGS));
        }
      }
      return out;
    }
    op.path("tags")
        .forEach(
            t -> {
              String s = Names.snake(t.asText()).replace('_', '-');
              if (!s.isEmpty()) {
                out.add(Names.fit(s, 64));
              }
            });
    return out;
  }

  private OptionalInt rateLimit(JsonNode op, String pointer) {
    JsonNode x = op.get(X_RATE_LIMIT);
    if (x == null) {
      return OptionalInt.empty();
    }
    JsonNode rpm = x.path("requestsPerMinute");
    if (!rpm.canConvertToInt() || !rpm.isIntegralNumber() || rpm.asInt() <= 0) {
      problems.error(
          "TORII-EXT-001",
          "x-mcp-rate-limit.requestsPerMinute must be a positive whole number",
          doc.locate(pointer + "/" + X_RATE_LIMIT));
      return OptionalInt.empty();
    }
    return OptionalInt.of(rpm.asInt());
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return "";
  }

  private static String stripDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static String titleOf(String name) {
    StringBuilder out = new StringBuilder();
    for (String w : name.split("[_-]+")) {
      if (!w.isEmpty()) {
        out.append(
            out.length() == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : " " + w);
      }
    }
    return out.toString();
  }

  /** Names of the pagination arguments every paginated tool has. */
  private static final class Pagination {
    static final String LIMIT = "limit";
    static final String CURSOR = "next_cursor";
  }

  /** Allocates argument names: first come keeps the name, later ones get a location prefix. */
  private static final class ArgumentsBuilder {
    private final List<Argument> arguments = new ArrayList<>();
    private final List<FixedParameter> fixed = new ArrayList<>();
    private final Set<String> taken = new java.util.HashSet<>();

    void claim(String name) {
      taken.add(name);
    }

    String allocate(String wanted, String locationWord) {
      String name = wanted;
      if (taken.contains(name)) {
        name = Names.fit(locationWord + "_" + wanted, 64);
      }
      int n = 2;
      String base = name;
      while (taken.contains(name)) {
        name = Names.fit(base, 61) + "_" + n++;
      }
      taken.add(name);
      return name;
    }

    void add(Argument a) {
      arguments.add(a);
    }
  }
}
