package dev.toriimcp.generator.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.toriimcp.generator.model.Argument;
import dev.toriimcp.generator.model.ArgumentLocation;
import dev.toriimcp.generator.model.FixedParameter;
import dev.toriimcp.generator.model.ParameterStyle;
import dev.toriimcp.generator.model.ToolModel;
import dev.toriimcp.generator.model.ToolSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The tool classes and registry built with JavaPoet: the generator's emitter before it printed
 * sources itself (decision 0006), kept as the reference {@link EmitterParity} holds {@link
 * JavaEmitter} to. Names and resource paths come from the emitter under test; everything printed is
 * JavaPoet's.
 */
final class JavaPoetEmitter {
  static final String RUNTIME = JavaEmitter.RUNTIME;
  private static final ClassName TOOL = ClassName.get(RUNTIME, "Tool");
  private static final ClassName TOOL_INFO = ClassName.get(RUNTIME, "ToolInfo");
  private static final ClassName ACCESS = ClassName.get(RUNTIME, "Access");
  private static final ClassName VERB = ACCESS.nestedClass("Verb");
  private static final ClassName ANNOTATIONS = ClassName.get(RUNTIME, "Annotations");
  private static final ClassName RATE_LIMIT = ClassName.get(RUNTIME, "RateLimit");
  private static final ClassName PAGINATION = ClassName.get(RUNTIME, "Pagination");
  private static final ClassName REGISTRY = ClassName.get(RUNTIME, "ToolRegistry");
  private static final ClassName REQUEST = ClassName.get(RUNTIME, "UpstreamRequest");
  private static final ClassName STYLE = REQUEST.nestedClass("Style");
  private static final ClassName LOCATION = REQUEST.nestedClass("Location");
  private static final ClassName JSON_NODE =
      ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
  private static final ClassName JSON_PROPERTY =
      ClassName.get("com.fasterxml.jackson.annotation", "JsonProperty");
  private static final ClassName JSON_ANY_SETTER =
      ClassName.get("com.fasterxml.jackson.annotation", "JsonAnySetter");
  private static final ClassName JSON_ANY_GETTER =
      ClassName.get("com.fasterxml.jackson.annotation", "JsonAnyGetter");
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");
  private static final ClassName OPTIONAL = ClassName.get(Optional.class);
  private static final ClassName LIST = ClassName.get(List.class);
  private static final ClassName MAP = ClassName.get(Map.class);
  private static final TypeName STRING = ClassName.get(String.class);
  private static final TypeName OBJECT_MAP =
      ParameterizedTypeName.get(MAP, STRING, ClassName.get(Object.class));
  static final String GENERATOR = JavaEmitter.GENERATOR;
  static final String ADDITIONAL = JavaEmitter.ADDITIONAL;
  private static final String INDENT = "  ";

  private final String packageName;
  private final String registryName;
  private final String header;
  private final JavaEmitter names;

  JavaPoetEmitter(JavaEmitter names, String packageName, String registryName, String header) {
    this.packageName = packageName;
    this.registryName = registryName;
    this.header = header;
    this.names = names;
  }

  private String className(ToolModel tool) {
    return names.className(tool);
  }

  private String inputSchemaResource(ToolModel tool) {
    return names.inputSchemaResource(tool);
  }

  private String outputSchemaResource(ToolModel tool) {
    return names.outputSchemaResource(tool);
  }

  /** The registry listing every tool, sorted by name. */
  public JavaFile registry(ToolSet toolSet) {
    ClassName self = ClassName.get(packageName, registryName);
    TypeName toolType = ParameterizedTypeName.get(TOOL, WildcardTypeName.subtypeOf(Object.class));
    TypeName listType = ParameterizedTypeName.get(LIST, toolType);
    CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", LIST);
    for (int i = 0; i < toolSet.tools().size(); i++) {
      list.add(i == 0 ? "\n$>$>" : ",\n");
      list.add("new $T()", ClassName.get(packageName, className(toolSet.tools().get(i))));
    }
    list.add(toolSet.tools().isEmpty() ? ")" : ")$<$<");
    TypeSpec type =
        TypeSpec.classBuilder(self)
            .addJavadoc("Every tool generated from $L, sorted by name.\n", toolSet.source())
            .addAnnotation(generated())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(REGISTRY)
            .addField(
                FieldSpec.builder(
                        listType, "TOOLS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer(list.build())
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("tools")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(listType)
                    .addStatement("return TOOLS")
                    .build())
            .build();
    return file(type);
  }

  /** The class of one tool. */
  public JavaFile tool(ToolModel tool) {
    String simple = className(tool);
    ClassName self = ClassName.get(packageName, simple);
    ClassName input = self.nestedClass("Input");
    TypeMapper types = new TypeMapper(self, tool.inputSchema().path("$defs"), simple);

    TypeSpec.Builder inputRecord =
        TypeSpec.recordBuilder(input)
            .addJavadoc(
                "Arguments of {@code $L}, bound from the validated tool arguments.\n", tool.name())
            .addModifiers(Modifier.PUBLIC);
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
    JavaNames members = new JavaNames();
    Map<String, String> accessor = new LinkedHashMap<>();
    for (Argument a : tool.arguments()) {
      String member = members.member(a.name());
      accessor.put(a.name(), member);
      TypeName t = types.map(a.schema(), a.name());
      ctor.addParameter(
          ParameterSpec.builder(t, member)
              .addAnnotation(
                  AnnotationSpec.builder(JSON_PROPERTY).addMember("value", "$S", a.name()).build())
              .build());
    }
    String additional = null;
    if (tool.additionalBodyFields()) {
      additional = members.member(ADDITIONAL);
      ctor.addParameter(
          ParameterSpec.builder(OBJECT_MAP, additional)
              .addAnnotation(JSON_ANY_SETTER)
              .addAnnotation(JSON_ANY_GETTER)
              .build());
    }
    inputRecord.recordConstructor(ctor.build());

    TypeSpec.Builder cls =
        TypeSpec.classBuilder(self)
            .addJavadoc("$L", javadocOf(tool))
            .addAnnotation(generated())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(ParameterizedTypeName.get(TOOL, input))
            .addField(
                FieldSpec.builder(
                        TOOL_INFO, "INFO", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .initializer(info(tool))
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("info")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(TOOL_INFO)
                    .addStatement("return INFO")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("inputType")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(ParameterizedTypeName.get(ClassName.get(Class.class), input))
                    .addStatement("return $T.class", input)
                    .build())
            .addMethod(toRequest(tool, input, accessor, additional))
            .addType(inputRecord.build());
    types.nested().forEach(cls::addType);
    return file(cls.build());
  }

  private JavaFile file(TypeSpec type) {
    return JavaFile.builder(packageName, type)
        .addFileComment("$L", header)
        .skipJavaLangImports(true)
        .indent(INDENT)
        .build();
  }

  private static AnnotationSpec generated() {
    return AnnotationSpec.builder(GENERATED).addMember("value", "$S", GENERATOR).build();
  }

  private static String javadocOf(ToolModel tool) {
    return "MCP tool {@code "
        + tool.name()
        + "}: "
        + tool.method()
        + " "
        + tool.pathTemplate().replace("*/", "*&#47;").replace("{", "&#123;").replace("}", "&#125;")
        + " ("
        + tool.operationId().replace("*/", "*&#47;")
        + ").\n";
  }

  private CodeBlock info(ToolModel tool) {
    CodeBlock.Builder tags = CodeBlock.builder().add("$T.of(", LIST);
    for (int i = 0; i < tool.tags().size(); i++) {
      tags.add(i == 0 ? "$S" : ", $S", tool.tags().get(i));
    }
    tags.add(")");
    CodeBlock rate =
        tool.rateLimitPerMinute().isPresent()
            ? CodeBlock.of(
                "$T.of(new $T($L))", OPTIONAL, RATE_LIMIT, tool.rateLimitPerMinute().getAsInt())
            : CodeBlock.of("$T.empty()", OPTIONAL);
    CodeBlock pagination =
        tool.pagination()
            .map(
                p ->
                    CodeBlock.of(
                        "$T.of(new $T($S, $S, $S, $S))",
                        OPTIONAL,
                        PAGINATION,
                        p.limitParameter(),
                        p.cursorParameter(),
                        p.itemsField(),
                        p.nextCursorField()))
            .orElse(CodeBlock.of("$T.empty()", OPTIONAL));
    CodeBlock output =
        tool.outputSchema().isPresent()
            ? CodeBlock.of("$T.of($S)", OPTIONAL, outputSchemaResource(tool))
            : CodeBlock.of("$T.empty()", OPTIONAL);
    return CodeBlock.builder()
        .add("new $T(\n$>$>", TOOL_INFO)
        .add("$S,\n", tool.name())
        .add("$S,\n", tool.title())
        .add("$S,\n", tool.description())
        .add("$S,\n", tool.operationId())
        .add("$L,\n", tags.build())
        .add("new $T($T.$L, $S),\n", ACCESS, VERB, tool.verb().name(), tool.method())
        .add(
            "new $T($L, $L, $L, $L),\n",
            ANNOTATIONS,
            tool.annotations().readOnlyHint(),
            tool.annotations().destructiveHint(),
            tool.annotations().idempotentHint(),
            tool.annotations().openWorldHint())
        .add("$L,\n", rate)
        .add("$L,\n", pagination)
        .add("$S,\n", inputSchemaResource(tool))
        .add("$L)$<$<", output)
        .build();
  }

  private MethodSpec toRequest(
      ToolModel tool, ClassName input, Map<String, String> accessor, String additional) {
    CodeBlock.Builder b =
        CodeBlock.builder()
            .add("return $T.builder($S, $S)$>$>", REQUEST, tool.method(), tool.pathTemplate());
    for (Argument a : tool.arguments()) {
      String v = "in." + accessor.get(a.name()) + "()";
      ArgumentLocation loc = a.location();
      switch (loc) {
        case PATH, HEADER, COOKIE, QUERY ->
            b.add(parameter(a.wireName(), loc, a.style(), a.explode(), CodeBlock.of("$L", v)));
        case BODY_FIELD -> b.add("\n.jsonField($S, $L)", a.wireName(), v);
        case FORM_FIELD -> b.add("\n.formField($S, $L)", a.wireName(), v);
        case PART -> b.add("\n.part($S, $L, null, $S)", a.wireName(), v, a.mediaType());
        case FILE_PART -> {
          String fileName =
              tool.arguments().stream()
                  .filter(
                      n ->
                          n.location() == ArgumentLocation.FILE_NAME
                              && n.wireName().equals(a.wireName()))
                  .map(n -> "in." + accessor.get(n.name()) + "()")
                  .findFirst()
                  .orElse(null);
          b.add(
              "\n.part($S, $T.base64($L), $L, $S)",
              a.wireName(),
              REQUEST,
              v,
              fileName == null
                  ? CodeBlock.of("$S", a.wireName())
                  : CodeBlock.of(
                      "$T.requireNonNullElse($L, $S)",
                      java.util.Objects.class,
                      fileName,
                      a.wireName()),
              a.mediaType());
        }
        case FILE_NAME -> {
          // sent with its file part
        }
        case BODY -> b.add("\n.body($L, $S)", v, a.mediaType());
      }
    }
    for (FixedParameter f : tool.fixedParameters()) {
      b.add(
          parameter(
              f.wireName(), f.location(), f.style(), f.explode(), CodeBlock.of("$S", f.value())));
    }
    if (additional != null) {
      b.add("\n.jsonFields(in.$L())", additional);
    }
    b.add("\n.build()$<$<");
    return MethodSpec.methodBuilder("toRequest")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(REQUEST)
        .addParameter(input, "in")
        .addStatement(b.build())
        .build();
  }

  /** One path, query, header or cookie parameter of the request builder chain. */
  private static CodeBlock parameter(
      String wireName,
      ArgumentLocation loc,
      ParameterStyle style,
      boolean explode,
      CodeBlock value) {
    boolean shortcut =
        (loc == ArgumentLocation.PATH || loc == ArgumentLocation.HEADER)
                && style == ParameterStyle.SIMPLE
                && !explode
            || loc == ArgumentLocation.COOKIE && style == ParameterStyle.FORM && explode;
    if (loc == ArgumentLocation.QUERY) {
      return CodeBlock.of(
          "\n.query($S, $L, $T.$L, $L)", wireName, value, STYLE, style.name(), explode);
    }
    if (shortcut) {
      String method =
          loc == ArgumentLocation.PATH
              ? "path"
              : loc == ArgumentLocation.HEADER ? "header" : "cookie";
      return CodeBlock.of("\n.$L($S, $L)", method, wireName, value);
    }
    return CodeBlock.of(
        "\n.parameter($T.$L, $S, $L, $T.$L, $L)",
        LOCATION,
        loc.name(),
        wireName,
        value,
        STYLE,
        style.name(),
        explode);
  }

  /** Maps argument schemas to Java types, creating nested records and enums on the way. */
  private static final class TypeMapper {
    private final ClassName outer;
    private final JsonNode defs;
    private final JavaNames typeNames;
    private final Map<String, TypeName> defTypes = new LinkedHashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private final List<TypeSpec> nested = new ArrayList<>();

    TypeMapper(ClassName outer, JsonNode defs, String outerSimpleName) {
      this.outer = outer;
      this.defs = defs;
      this.typeNames = new JavaNames(outerSimpleName, "Input");
    }

    List<TypeSpec> nested() {
      return nested;
    }

    TypeName map(JsonNode schema, String hint) {
      if (schema == null || !schema.isObject()) {
        return JSON_NODE;
      }
      if (schema.has("$ref")) {
        String ref = schema.get("$ref").asText();
        if (ref.startsWith("#/$defs/") && schema.size() <= 3) {
          return def(ref.substring("#/$defs/".length()));
        }
        return JSON_NODE;
      }
      if (schema.has("oneOf") || schema.has("anyOf") || schema.has("not") || schema.has("const")) {
        return JSON_NODE;
      }
      if (schema.has("allOf")) {
        JsonNode all = schema.get("allOf");
        return all.size() == 1 && schema.size() <= 3 ? map(all.get(0), hint) : JSON_NODE;
      }
      String type = singleType(schema.get("type"));
      if (type == null) {
        if (schema.has("properties")) {
          type = "object";
        } else if (schema.has("enum")) {
          type = "string";
        } else if (schema.has("type")) {
          return JSON_NODE; // several non-null types
        } else {
          return JSON_NODE;
        }
      }
      return switch (type) {
        case "string" ->
            schema.has("enum") && allStrings(schema.get("enum"))
                ? enumType(schema.get("enum"), hint)
                : STRING;
        case "integer" -> ClassName.get(Long.class);
        case "number" -> ClassName.get(BigDecimal.class);
        case "boolean" -> ClassName.get(Boolean.class);
        case "array" ->
            ParameterizedTypeName.get(
                LIST,
                schema.has("items") ? box(map(schema.get("items"), hint + "Item")) : JSON_NODE);
        case "object" -> objectType(schema, hint);
        default -> JSON_NODE; // "null"
      };
    }

    private static TypeName box(TypeName t) {
      return t.isPrimitive() ? t.box() : t;
    }

    private TypeName def(String name) {
      TypeName known = defTypes.get(name);
      if (known != null) {
        return known;
      }
      JsonNode schema = defs.get(name);
      if (schema == null || !schema.isObject()) {
        return JSON_NODE;
      }
      if (inProgress.contains(name)) {
        return JSON_NODE; // a definition that is itself only a reference chain
      }
      boolean record =
          schema.has("properties")
              && "object".equals(singleTypeOr(schema.get("type"), "object"))
              && !schema.has("oneOf")
              && !schema.has("anyOf")
              && !schema.has("allOf");
      if (record) {
        ClassName cn = outer.nestedClass(typeNames.type(name));
        defTypes.put(name, cn); // before the fields: recursive records refer to themselves
        nested.add(recordSpec(cn, schema));
        return cn;
      }
      inProgress.add(name);
      TypeName t = map(schema, name);
      inProgress.remove(name);
      defTypes.put(name, t);
      return t;
    }

    private TypeName objectType(JsonNode schema, String hint) {
      JsonNode props = schema.path("properties");
      if (props.isObject() && !props.isEmpty()) {
        ClassName cn = outer.nestedClass(typeNames.type(hint));
        nested.add(recordSpec(cn, schema));
        return cn;
      }
      JsonNode extra = schema.get("additionalProperties");
      if (extra != null && extra.isObject() && !extra.isEmpty()) {
        return ParameterizedTypeName.get(MAP, STRING, box(map(extra, hint + "Value")));
      }
      return OBJECT_MAP;
    }

    private TypeSpec recordSpec(ClassName cn, JsonNode schema) {
      MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
      JavaNames members = new JavaNames();
      var it = schema.get("properties").fields();
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
      it.forEachRemaining(entries::add);
      for (Map.Entry<String, JsonNode> e : entries) {
        TypeName t = map(e.getValue(), cn.simpleName() + JavaNames.camel(e.getKey(), true));
        ctor.addParameter(
            ParameterSpec.builder(t, members.member(e.getKey()))
                .addAnnotation(
                    AnnotationSpec.builder(JSON_PROPERTY)
                        .addMember("value", "$S", e.getKey())
                        .build())
                .build());
      }
      JsonNode extra = schema.get("additionalProperties");
      if (extra != null && (extra.isObject() || extra.asBoolean(false))) {
        ctor.addParameter(
            ParameterSpec.builder(OBJECT_MAP, members.member(ADDITIONAL))
                .addAnnotation(JSON_ANY_SETTER)
                .addAnnotation(JSON_ANY_GETTER)
                .build());
      }
      return TypeSpec.recordBuilder(cn)
          .addModifiers(Modifier.PUBLIC)
          .recordConstructor(ctor.build())
          .build();
    }

    private TypeName enumType(JsonNode values, String hint) {
      ClassName cn = outer.nestedClass(typeNames.type(hint));
      TypeSpec.Builder e = TypeSpec.enumBuilder(cn).addModifiers(Modifier.PUBLIC);
      JavaNames constants = new JavaNames();
      Set<String> seen = new HashSet<>();
      for (JsonNode v : values) {
        if (!v.isTextual() || !seen.add(v.asText())) {
          continue;
        }
        e.addEnumConstant(
            constants.constant(v.asText()),
            TypeSpec.anonymousClassBuilder("")
                .addAnnotation(
                    AnnotationSpec.builder(JSON_PROPERTY)
                        .addMember("value", "$S", v.asText())
                        .build())
                .build());
      }
      if (seen.isEmpty()) {
        return STRING;
      }
      nested.add(e.build());
      return cn;
    }

    private static boolean allStrings(JsonNode values) {
      for (JsonNode v : values) {
        if (!v.isTextual() && !v.isNull()) {
          return false;
        }
      }
      return values.size() > 0;
    }

    /** The one non-null type of a {@code type} keyword, or null. */
    private static String singleType(JsonNode type) {
      if (type == null) {
        return null;
      }
      if (type.isTextual()) {
        return type.asText();
      }
      String found = null;
      for (JsonNode t : type) {
        if (!t.asText().equals("null")) {
          if (found != null) {
            return null;
          }
          found = t.asText();
        }
      }
      return found;
    }

    private static String singleTypeOr(JsonNode type, String fallback) {
      String t = singleType(type);
      return t == null ? fallback : t;
    }
  }
}
