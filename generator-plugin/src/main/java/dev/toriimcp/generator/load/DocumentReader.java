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
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    CharBuffer text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(Files.readAllBytes(path)));
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
    return parse(
        text.array(), text.arrayOffset(), text.remaining(), displayName, errorId, problems);
  }

  /** Parses text; JSON when it starts with '{' or '[', else YAML. */
  public static Optional<LocatedDocument> parse(
      String text, String displayName, String errorId, Problems problems) {
    char[] chars = text.toCharArray();
    return parse(chars, 0, chars.length, displayName, errorId, problems);
  }

  /**
   * Parses {@code length} characters from {@code offset}, in place: Jackson reads a char array
   * without copying it (a String it would read through a StringReader, a chunk at a time).
   */
  private static Optional<LocatedDocument> parse(
      char[] text, int offset, int length, String displayName, String errorId, Problems problems) {
    int start = offset;
    int end = offset + length;
    while (start < end && Character.isWhitespace(text[start])) {
      start++;
    }
    if (start < end && text[start] == '\uFEFF') {
      start++;
    }
    boolean json = start < end && (text[start] == '{' || text[start] == '[');
    try {
      try (JsonParser parser = parser(text, start, end - start, json)) {
        JsonToken first = parser.nextToken();
        if (first == null) {
          problems.error(errorId, "the file is empty", SourceLocation.of(displayName));
          return Optional.empty();
        }
        Locations.Container top = new Locations.Container(position(parser));
        JsonNode root = read(parser, top, new ArrayList<>(), 0);
        return Optional.of(new LocatedDocument(displayName, root, new Locations.Tree(top)));
      } catch (DuplicateName e) {
        // Rare: a name given twice in one mapping. Every occurrence keeps its pointer.
        Map<String, int[]> lines = new HashMap<>();
        JsonNode root = readWithPointers(text, start, end - start, json, lines);
        return Optional.of(new LocatedDocument(displayName, root, new Locations.ByPointer(lines)));
      }
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

  /**
   * Reads non-empty text recording the position of every node under its JSON pointer in {@code
   * lines}: one string per node, so only for the rare documents the compact form cannot hold.
   */
  static JsonNode readWithPointers(String text, boolean json, Map<String, int[]> lines)
      throws IOException {
    char[] chars = text.toCharArray();
    return readWithPointers(chars, 0, chars.length, json, lines);
  }

  private static JsonNode readWithPointers(
      char[] text, int offset, int length, boolean json, Map<String, int[]> lines)
      throws IOException {
    try (JsonParser parser = parser(text, offset, length, json)) {
      parser.nextToken();
      return readValue(parser, "", lines);
    }
  }

  private static JsonParser parser(char[] text, int offset, int length, boolean json)
      throws IOException {
    return (json ? JSON : YAML).createParser(text, offset, length);
  }

  /** Signals a mapping that names a member twice; the document is then read the simple way. */
  private static final class DuplicateName extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DuplicateName() {
      super(null, null, false, false);
    }
  }

  private static long position(JsonParser p) {
    JsonLocation loc = p.currentTokenLocation();
    return Locations.pack(loc.getLineNr(), loc.getColumnNr());
  }

  /**
   * Reads the value at the current token into a tree and, when it is a container, the positions of
   * its members into {@code self}.
   */
  private static JsonNode read(
      JsonParser p, Locations.Container self, List<Locations.Scratch> scratch, int depth)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
      return scalar(p, t);
    }
    if (scratch.size() == depth) {
      scratch.add(new Locations.Scratch());
    }
    if (t == JsonToken.START_OBJECT) {
      ObjectNode obj = NODES.objectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken valueToken = p.nextToken();
        long at = position(p);
        Locations.Container member = container(valueToken) ? new Locations.Container(at) : null;
        JsonNode value = read(p, member, scratch, depth + 1);
        if (obj.replace(name, value) != null) {
          throw new DuplicateName();
        }
        scratch.get(depth).add(name, at, member);
      }
      scratch.get(depth).into(self, true);
      return obj;
    }
    ArrayNode arr = NODES.arrayNode();
    JsonToken valueToken;
    while ((valueToken = p.nextToken()) != JsonToken.END_ARRAY) {
      long at = position(p);
      Locations.Container member = container(valueToken) ? new Locations.Container(at) : null;
      arr.add(read(p, member, scratch, depth + 1));
      scratch.get(depth).add(null, at, member);
    }
    scratch.get(depth).into(self, false);
    return arr;
  }

  private static boolean container(JsonToken t) {
    return t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
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
      default -> {
        return scalar(p, t);
      }
    }
  }

  private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
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
