package dev.toriimcp.generator.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/**
 * Hands Swagger Parser the description as a tree instead of as text. Writing a 13 MB description
 * out and having Swagger Parser parse it again cost as much as reading it; the tree Swagger Parser
 * would have parsed differs from ours only in its numbers (it reads decimals as doubles, and
 * integers as the smallest of int, long and big integer), so those are converted, sharing every
 * unchanged subtree. Swagger Parser only reads the tree.
 *
 * <p>Values beyond what Jackson's text parser accepts (very deep nesting, very long strings, names
 * or numbers) are not converted: {@link #of} returns null and the description goes the text route,
 * so that Swagger Parser reports exactly what it reported before.
 */
final class SwaggerView {
  static final int MAX_DEPTH = 400;
  static final int MAX_STRING = 1_000_000;
  static final int MAX_NAME = 1_000;
  static final int MAX_NUMBER = 500;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SwaggerView() {}

  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  /** The tree Swagger Parser builds from {@code root}'s JSON text, or null to use the text. */
  static JsonNode of(JsonNode root) {
    try {
      return view(root, 1);
    } catch (Unsupported e) {
      return null;
    }
  }

  /**
   * What {@code OpenAPIV3Parser.readContents} returns for the text of the tree {@code view} without
   * resolving: the same parse, with failures turned into the same messages.
   */
  static SwaggerParseResult parse(JsonNode view, ParseOptions options) {
    try {
      return new OpenAPIV3Parser().parseJsonNode(null, view, options);
    } catch (Exception e) {
      String message =
          e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      if (message == null) {
        message = "Unable to parse `null`";
      } else if (message.startsWith("Duplicate field")) {
        message = message + " in `null`";
      }
      return SwaggerParseResult.ofError(message);
    }
  }

  private static JsonNode view(JsonNode node, int depth) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        if (depth > MAX_DEPTH) {
          throw new Unsupported();
        }
        ObjectNode copy = null;
        int i = 0;
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          if (e.getKey().length() > MAX_NAME) {
            throw new Unsupported();
          }
          JsonNode value = e.getValue();
          JsonNode seen = view(value, depth + 1);
          if (seen != value && copy == null) {
            copy = NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> before = node.fields();
            for (int k = 0; k < i; k++) {
              Map.Entry<String, JsonNode> b = before.next();
              copy.set(b.getKey(), view(b.getValue(), depth + 1));
            }
          }
          if (copy != null) {
            copy.set(e.getKey(), seen);
          }
          i++;
        }
        return copy == null ? node : copy;
      }
      case ARRAY -> {
        if (depth > MAX_DEPTH) {
          throw new Unsupported();
        }
        ArrayNode copy = null;
        for (int i = 0; i < node.size(); i++) {
          JsonNode value = node.get(i);
          JsonNode seen = view(value, depth + 1);
          if (seen != value && copy == null) {
            copy = NODES.arrayNode();
            for (int k = 0; k < i; k++) {
              copy.add(view(node.get(k), depth + 1));
            }
          }
          if (copy != null) {
            copy.add(seen);
          }
        }
        return copy == null ? node : copy;
      }
      case NUMBER -> {
        return number(node);
      }
      case STRING -> {
        if (node.textValue().length() > MAX_STRING) {
          throw new Unsupported();
        }
        return node;
      }
      case BOOLEAN, NULL -> {
        return node;
      }
      default -> throw new Unsupported(); // binary, POJO or missing: not from our reader
    }
  }

  /** The number node Jackson's text parser gives for the number's JSON text. */
  private static JsonNode number(JsonNode node) {
    if (node.isBigDecimal()) {
      String text = node.decimalValue().toString(); // as JSON output writes it
      if (text.length() > MAX_NUMBER) {
        throw new Unsupported();
      }
      return DoubleNode.valueOf(Double.parseDouble(text));
    }
    if (node.isInt()) {
      return node;
    }
    if (node.isLong()) {
      long v = node.longValue();
      return v == (int) v ? IntNode.valueOf((int) v) : node;
    }
    if (node.isBigInteger()) {
      BigInteger v = node.bigIntegerValue();
      if (v.toString().length() > MAX_NUMBER) {
        throw new Unsupported();
      }
      if (v.bitLength() <= 31) {
        return IntNode.valueOf(v.intValue());
      }
      return v.bitLength() <= 63 ? LongNode.valueOf(v.longValue()) : node;
    }
    throw new Unsupported(); // doubles, floats and shorts: not from our reader
  }
}
