package dev.toriimcp.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import dev.toriimcp.runtime.Tool;
import dev.toriimcp.runtime.ToolInfo;
import dev.toriimcp.runtime.ToolRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every generated Torii tool loads, and its schemas are valid JSON Schema 2020-12. */
class GeneratedToolsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchema META =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

  private static List<Tool<?>> toriiTools() {
    for (ToolRegistry r : ServiceLoader.load(ToolRegistry.class)) {
      if (r instanceof ToriiTools) {
        return r.tools();
      }
    }
    throw new AssertionError("ToriiTools is not registered as a ToolRegistry service");
  }

  @Test
  void oneToolPerOperationOfTheSpec() throws IOException {
    JsonNode spec =
        new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
            .readTree(Path.of("../torii-spec/torii-openapi.yaml").toFile());
    Set<String> operations = new HashSet<>();
    spec.path("paths")
        .forEach(
            item ->
                item.fields()
                    .forEachRemaining(
                        m -> {
                          if (m.getValue().has("operationId")) {
                            operations.add(m.getValue().get("operationId").asText());
                          }
                        }));
    Set<String> generated = new HashSet<>();
    toriiTools().forEach(t -> generated.add(t.info().operationId()));
    assertEquals(operations, generated);
  }

  @Test
  void everySchemaIsValidAndEveryToolIsWellFormed() throws IOException {
    List<String> problems = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Tool<?> tool : toriiTools()) {
      ToolInfo info = tool.info();
      if (!info.name().matches("^[a-z0-9_]{1,64}$") || !names.add(info.name())) {
        problems.add(info.name() + ": bad or duplicate name");
      }
      assertTrue(tool.inputType().isRecord(), info.name());
      JsonNode input = load(info.inputSchemaResource());
      check(info.name() + " input", input, problems);
      if (info.outputSchemaResource().isPresent()) {
        check(info.name() + " output", load(info.outputSchemaResource().get()), problems);
      }
      if (info.pagination().isPresent()) {
        JsonNode props = input.path("properties");
        if (!props.has("limit") || !props.has("next_cursor")) {
          problems.add(info.name() + ": paginated tool without limit and next_cursor");
        }
      }
      // An empty call binds (all arguments optional or missing) without touching the network.
      if (!input.has("required")) {
        Object empty = MAPPER.convertValue(MAPPER.createObjectNode(), tool.inputType());
        assertNotNull(bind(tool, empty));
      }
    }
    assertEquals(List.of(), problems);
  }

  @SuppressWarnings("unchecked")
  private static <I extends Record> Object bind(Tool<I> tool, Object input) {
    return tool.toRequest((I) input);
  }

  private static void check(String what, JsonNode schema, List<String> problems) {
    META.validate(schema).forEach(m -> problems.add(what + ": " + m.getMessage()));
    if (!"object".equals(schema.path("type").asText())) {
      problems.add(what + ": root type is not object");
    }
  }

  private static ObjectNode load(String resource) throws IOException {
    try (InputStream in = GeneratedToolsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, "missing resource " + resource);
      return (ObjectNode) MAPPER.readTree(in);
    }
  }
}
