package dev.toriimcp.generator.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.toriimcp.generator.GenerationRequest;
import dev.toriimcp.generator.Generator;
import dev.toriimcp.generator.emit.GeneratedFile;
import dev.toriimcp.generator.model.ToolSet;
import dev.toriimcp.generator.problem.GenerationException;
import dev.toriimcp.generator.problem.Problem;
import dev.toriimcp.generator.problem.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes loading and the whole generation path (read, overlays, Swagger Parser, model, emit) with
 * arbitrary text and with mutated excerpts of the Torii description. Whatever the input, the
 * generator either produces files or reports problems with stable ids ({@code TORII-…}); it never
 * fails with an uncaught exception.
 *
 * <p>Seeds are in {@code
 * src/test/resources/dev/toriimcp/generator/load/SpecLoadingFuzzTestInputs/}; two of them are also
 * the base of the mutations: {@code description/torii-excerpt} (five Torii operations) and {@code
 * overlay/torii-excerpt-overlay} (the project's overlay actions for them).
 */
class SpecLoadingFuzzTest {
  private static final Pattern ID = Pattern.compile("TORII-[A-Z]+-W?\\d{2,3}");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private static Path dir;
  private static String excerpt;
  private static String excerptOverlay;
  private static JsonNode excerptTree;

  @BeforeAll
  static void setUp() throws IOException {
    dir = Files.createTempDirectory("spec-fuzz");
    excerpt = resource("SpecLoadingFuzzTestInputs/description/torii-excerpt");
    excerptOverlay = resource("SpecLoadingFuzzTestInputs/overlay/torii-excerpt-overlay");
    excerptTree = YAML.readTree(excerpt);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SpecLoadingFuzzTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Any text as the API description. */
  @FuzzTest(maxDuration = "10s")
  void description(byte[] input) {
    generate(new String(input, StandardCharsets.UTF_8), List.of());
  }

  /** Any text as an overlay on the Torii excerpt. */
  @FuzzTest(maxDuration = "10s")
  void overlay(byte[] input) {
    generate(excerpt, List.of(new String(input, StandardCharsets.UTF_8)));
  }

  /** The Torii excerpt with nodes removed, replaced or copied, with or without its overlay. */
  @FuzzTest(maxDuration = "10s")
  void mutatedDescription(FuzzedDataProvider data) {
    JsonNode tree = excerptTree.deepCopy();
    boolean withOverlay = data.consumeBoolean();
    boolean asJson = data.consumeBoolean();
    int mutations = data.consumeInt(1, 6);
    for (int i = 0; i < mutations && data.remainingBytes() > 0; i++) {
      tree = mutate(tree, data);
    }
    String text;
    try {
      text = asJson ? JSON.writeValueAsString(tree) : YAML.writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    generate(text, withOverlay ? List.of(excerptOverlay) : List.of());
  }

  private static JsonNode mutate(JsonNode root, FuzzedDataProvider data) {
    List<String> pointers = new ArrayList<>();
    collect(root, "", pointers);
    String at = pointers.get(data.consumeInt(0, pointers.size() - 1));
    if (at.isEmpty()) {
      return value(root, data, pointers);
    }
    int slash = at.lastIndexOf('/');
    JsonNode parent = root.at(at.substring(0, slash));
    String key = at.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    int op = data.consumeInt(0, 2);
    if (parent instanceof ObjectNode o) {
      switch (op) {
        case 0 -> o.remove(key);
        case 1 -> o.set(key, value(root, data, pointers));
        default -> o.set(data.consumeString(24), value(root, data, pointers));
      }
    } else if (parent instanceof ArrayNode a) {
      int index = Integer.parseInt(key);
      switch (op) {
        case 0 -> a.remove(index);
        case 1 -> a.set(index, value(root, data, pointers));
        default -> a.add(value(root, data, pointers));
      }
    }
    return root;
  }

  /** A replacement: a scalar, an empty container, a reference, or a copy of another node. */
  private static JsonNode value(JsonNode root, FuzzedDataProvider data, List<String> pointers) {
    return switch (data.consumeInt(0, 8)) {
      case 0 -> JSON.getNodeFactory().textNode(data.consumeString(64));
      case 1 -> JSON.getNodeFactory().numberNode(data.consumeLong());
      case 2 -> JSON.getNodeFactory().numberNode(data.consumeDouble());
      case 3 -> JSON.getNodeFactory().booleanNode(data.consumeBoolean());
      case 4 -> JSON.getNodeFactory().nullNode();
      case 5 -> data.consumeBoolean() ? JSON.createObjectNode() : JSON.createArrayNode();
      case 6 ->
          JSON.createObjectNode()
              .put("$ref", "#" + pointers.get(data.consumeInt(0, pointers.size() - 1)));
      case 7 -> JSON.createObjectNode().put("$ref", data.consumeString(40));
      default -> root.at(pointers.get(data.consumeInt(0, pointers.size() - 1))).deepCopy();
    };
  }

  private static void collect(JsonNode n, String pointer, List<String> out) {
    out.add(pointer);
    if (n instanceof ContainerNode<?>) {
      if (n.isObject()) {
        n.fieldNames()
            .forEachRemaining(
                k -> collect(n.get(k), pointer + "/" + DocumentReader.escape(k), out));
      } else {
        for (int i = 0; i < n.size(); i++) {
          collect(n.get(i), pointer + "/" + i, out);
        }
      }
    }
  }

  /** Runs the whole generation in memory: success, or problems with stable ids. */
  static void generate(String spec, List<String> overlays) {
    try {
      Path specFile = dir.resolve("openapi.yaml");
      Files.writeString(specFile, spec, StandardCharsets.UTF_8);
      List<Path> overlayFiles = new ArrayList<>();
      for (int i = 0; i < overlays.size(); i++) {
        Path o = dir.resolve("overlay" + i + ".yaml");
        Files.writeString(o, overlays.get(i), StandardCharsets.UTF_8);
        overlayFiles.add(o);
      }
      GenerationRequest request =
          GenerationRequest.of(dir, specFile, overlayFiles, dir.resolve("out"))
              .withToolPrefix("torii");
      Problems problems = new Problems();
      ToolSet set;
      try {
        set = Generator.model(request, problems);
      } catch (GenerationException e) {
        assertFalse(e.problems().isEmpty(), "a failed generation names its problems");
        assertTrue(
            e.problems().stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR),
            e.getMessage());
        stableIds(e.problems());
        return;
      }
      stableIds(problems.sorted());
      List<GeneratedFile> files = Generator.emit(request, set);
      assertFalse(files.isEmpty(), "a successful generation emits files");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void stableIds(List<Problem> problems) {
    for (Problem p : problems) {
      assertTrue(ID.matcher(p.id()).matches(), "stable id: " + p.render());
    }
  }
}
