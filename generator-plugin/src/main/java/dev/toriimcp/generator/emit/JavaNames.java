package dev.toriimcp.generator.emit;

import dev.toriimcp.generator.model.Names;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The one place where names taken from a spec become Java identifiers: reserved words, names of
 * types the generated code uses, digits in front, non-ASCII letters and collisions are all handled
 * here. An instance is one scope; names it has handed out are not handed out again.
 */
public final class JavaNames {
  /** Simple names the generated code refers to; nested types must not shadow them. */
  private static final Set<String> RESERVED_TYPES =
      Set.of(
          "String",
          "Object",
          "Long",
          "Integer",
          "Boolean",
          "Double",
          "List",
          "Map",
          "BigDecimal",
          "JsonNode",
          "JsonProperty",
          "JsonAnySetter",
          "JsonAnyGetter",
          "JsonCreator",
          "Override",
          "Record",
          "Class",
          "Enum",
          "Tool",
          "ToolInfo",
          "UpstreamRequest",
          "Access",
          "Annotations",
          "RateLimit",
          "Pagination",
          "Optional",
          "Objects",
          "Generated",
          "Input",
          "Deprecated",
          "SuppressWarnings",
          "Void",
          "Number",
          "Character",
          "Math",
          "System",
          "Thread");

  private final Set<String> taken = new HashSet<>();

  public JavaNames(String... reserved) {
    taken.addAll(Set.of(reserved));
  }

  /** Reserves a name exactly as given. */
  public void reserve(String name) {
    taken.add(name);
  }

  /** A unique lowerCamelCase member name. */
  public String member(String raw) {
    return unique(sanitize(camel(raw, false)));
  }

  /** A unique UpperCamelCase type name. */
  public String type(String raw) {
    String base = sanitize(camel(raw, true));
    if (RESERVED_TYPES.contains(base)) {
      base = base + "Value";
    }
    return unique(base);
  }

  /** A unique UPPER_SNAKE_CASE constant name. */
  public String constant(String raw) {
    String s = Names.snake(raw).toUpperCase(Locale.ROOT);
    if (s.isEmpty()) {
      s = "VALUE";
    }
    return unique(sanitize(s));
  }

  private String unique(String base) {
    String name = base;
    int n = 2;
    while (taken.contains(name)) {
      name = base + n++;
    }
    taken.add(name);
    return name;
  }

  private static String sanitize(String s) {
    if (s.isEmpty()) {
      s = "value";
    }
    if (!Character.isJavaIdentifierStart(s.charAt(0))) {
      s = "_" + s;
    }
    if (SourceVersion.isKeyword(s) || s.equals("_")) {
      s = s + "_";
    }
    return s;
  }

  /**
   * Camel case of a spec name: {@code next_cursor} to {@code nextCursor}, {@code X-API-Version} to
   * {@code xApiVersion}.
   */
  static String camel(String raw, boolean upper) {
    String snake = Names.snake(raw);
    StringBuilder out = new StringBuilder();
    for (String part : snake.split("_")) {
      if (part.isEmpty()) {
        continue;
      }
      if (out.length() == 0 && !upper) {
        out.append(part);
      } else {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }
}
