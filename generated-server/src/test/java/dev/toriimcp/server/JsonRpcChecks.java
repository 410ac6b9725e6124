package dev.toriimcp.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Invariants of what the server sends back, shared by the fuzz tests and the load test. */
public final class JsonRpcChecks {
  /** A Java class or package name, a stack frame, or an exception's name. */
  private static final Pattern INTERNALS =
      Pattern.compile(
          "(?:java|javax|jdk|sun|com\\.fasterxml|com\\.networknt|org\\.eclipse|dev\\.toriimcp)"
              + "\\.[A-Za-z_$][\\w$]*(?:\\.[\\w$]+)*"
              + "|\\bat [\\w$.]+\\([\\w$.]*(?::\\d+)?\\)"
              + "|\\b[A-Z]\\w*Exception\\b");

  private JsonRpcChecks() {}

  /**
   * Problems with one JSON-RPC response: version, id (null, string or number), and exactly one of
   * an object {@code result} or an {@code error} with an integer code and a string message.
   */
  public static List<String> problems(JsonNode response) {
    List<String> out = new ArrayList<>();
    if (response == null || !response.isObject()) {
      out.add("not a JSON object");
      return out;
    }
    if (!"2.0".equals(response.path("jsonrpc").asText(null))
        || !response.path("jsonrpc").isTextual()) {
      out.add("jsonrpc is not \"2.0\"");
    }
    JsonNode id = response.get("id");
    if (id == null) {
      out.add("no id");
    } else if (!(id.isNull() || id.isTextual() || id.isNumber())) {
      out.add("id is neither null, a string nor a number: " + id);
    }
    boolean result = response.has("result");
    boolean error = response.has("error");
    if (result == error) {
      out.add("needs exactly one of result and error");
    }
    if (result && !response.get("result").isObject()) {
      out.add("result is not an object");
    }
    if (error) {
      JsonNode e = response.get("error");
      if (!e.path("code").isInt()) {
        out.add("error.code is not an integer");
      }
      if (!e.path("message").isTextual()) {
        out.add("error.message is not a string");
      }
    }
    for (String f : iterable(response)) {
      if (!List.of("jsonrpc", "id", "result", "error").contains(f)) {
        out.add("unexpected member " + f);
      }
    }
    return out;
  }

  private static Iterable<String> iterable(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * Java class names, stack frames or exception names in {@code output} that did not come from the
   * client's own {@code input} (an error message may quote what the client sent).
   */
  public static List<String> internals(String output, String input) {
    List<String> out = new ArrayList<>();
    Matcher m = INTERNALS.matcher(output);
    while (m.find()) {
      if (!input.contains(m.group())) {
        out.add(m.group());
      }
    }
    return out;
  }

  /** Every string value (and member name) of a JSON tree, one per line. */
  public static String strings(JsonNode n) {
    StringBuilder sb = new StringBuilder();
    collect(n, sb);
    return sb.toString();
  }

  private static void collect(JsonNode n, StringBuilder sb) {
    if (n == null) {
      return;
    }
    if (n.isTextual()) {
      sb.append(n.asText()).append('\n');
    } else if (n.isObject()) {
      n.fields()
          .forEachRemaining(
              e -> {
                sb.append(e.getKey()).append('\n');
                collect(e.getValue(), sb);
              });
    } else if (n.isArray()) {
      n.forEach(i -> collect(i, sb));
    }
  }
}
