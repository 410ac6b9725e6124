package dev.toriimcp.generator.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.toriimcp.generator.problem.Problems;
import dev.toriimcp.generator.problem.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads JSON or YAML into a tree while remembering where each node starts. */
public final class DocumentReader {
  private static final JsonFactory JSON = new JsonFactory();
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private DocumentReader() {}

  /**
   * Reads a file; on failure records {@code errorId} with the line of the problem and returns
   * empty.
   */
  public static Optional<LocatedDocument> read(
      Path path, String displayName, String errorId, Problems problems) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      problems.error(errorId, "file not found", SourceLocation.of(displayName));
      return Optional.empty();
    } catch (IOException e) {
      problems.error(
          errorId,
          "cannot read file: " + e.getClass().getSimpleName(),
          SourceLocation.of(displayName));
      return Optional.empty();
    }
    return parse(text, displayName, errorId, problems);
  }

  /** Parses text; JSON when it starts with '{' or '[', else YAML. */
  public static Optional<LocatedDocument> parse(
      String text, String displayName, String errorId, Problems problems) {
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("\uFEFF")) {
      trimmed = trimmed.substring(1);
    }
    boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
    Map<String, int[]> lines = new HashMap<>();
    try (JsonParser parser = (json ? JSON : YAML).createParser(trimmed)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        problems.error(errorId, "the file is empty", SourceLocation.of(displayName));
        return Optional.empty();
      }
      JsonNode root = readValue(parser, "", lines);
      return Optional.of(new LocatedDocument(displayName, root, lines));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String message = e.getOriginalMessage();
      int cut = message.indexOf('\n');
      message = cut > 0 ? message.substring(0, cut) : message;
      problems.error(
          errorId,
          "not valid " + (json ? "JSON" : "YAML") + ": " + message,
          new SourceLocation(
              displayName,
              "",
              at == null ? 0 : Math.max(0, at.getLineNr()),
              at == null ? 0 : Math.max(0, at.getColumnNr())));
      return Optional.empty();
    } catch (IOException e) {
      problems.error(
          errorId, "cannot parse: " + e.getClass().getSimpleName(), SourceLocation.of(displayName));
      return Optional.empty();
    }
  }

  private static JsonNode readValue(JsonParser p, String pointer, Map<String, int[]> lines)
      throws IOException {
    JsonLocation loc = p.currentTokenLocation();
    lines.put(pointer, new int[] {loc.getLineNr(), loc.getColumnNr()});
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        ObjectNode obj = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          obj.set(name, readValue(p, pointer + "/" + escape(name), lines));
        }
        return obj;
      }
      case START_ARRAY -> {
        ArrayNode arr = NODES.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          arr.add(readValue(p, pointer + "/" + i++, lines));
        }
        return arr;
      }
      case VALUE_STRING -> {
        return NODES.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(p.getDecimalValue());
      }
      case VALUE_TRUE -> {
        return NODES.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return NODES.booleanNode(false);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      case VALUE_EMBEDDED_OBJECT -> {
        Object o = p.getEmbeddedObject();
        return o == null ? NODES.nullNode() : NODES.textNode(o.toString());
      }
      default -> throw new IllegalStateException("unexpected token " + t);
    }
  }

  /** JSON pointer escaping of one reference token. */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
