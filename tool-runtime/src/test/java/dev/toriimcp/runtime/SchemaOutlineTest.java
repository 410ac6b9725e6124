package dev.toriimcp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class SchemaOutlineTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void outlineKeepsPropertyNamesAndNothingElse() throws Exception {
    ObjectNode schema =
        (ObjectNode)
            MAPPER.readTree(
                "{\"$schema\":\"x\",\"type\":\"object\",\"description\":\"d\",\"properties\":{"
                    + "\"users\":{\"type\":[\"array\",\"null\"],\"items\":{\"$ref\":\"#/$defs/User\"}},"
                    + "\"owner\":{\"oneOf\":[{\"type\":\"null\"},{\"$ref\":\"#/$defs/User\"}]},"
                    + "\"count\":{\"type\":\"integer\",\"minimum\":0}},"
                    + "\"$defs\":{\"User\":{\"allOf\":[{\"properties\":{\"id\":{\"type\":\"integer\"}}},"
                    + "{\"properties\":{\"boss\":{\"$ref\":\"#/$defs/User\"},\"tags\":{\"type\":\"array\"}}}]}}}");
    assertEquals(
        "{\"type\":\"object\",\"properties\":{"
            + "\"users\":{\"items\":{\"properties\":{\"id\":{},\"boss\":{},\"tags\":{}}}},"
            + "\"owner\":{\"properties\":{\"id\":{},\"boss\":{},\"tags\":{}}},"
            + "\"count\":{}}}",
        SchemaOutline.of(schema, 2).toString());
    assertEquals(
        "{\"type\":\"object\",\"properties\":{\"users\":{},\"owner\":{},\"count\":{}}}",
        SchemaOutline.of(schema).toString());
  }

  @Test
  void theOutlineLivesBesideTheOutputSchema() {
    assertEquals(
        "a/schemas/list_x.outline.json", SchemaOutline.resourceFor("a/schemas/list_x.output.json"));
    assertEquals("a/other.json.outline.json", SchemaOutline.resourceFor("a/other.json"));
  }
}
