package dev.toriimcp.server.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The portable profile (no references, no definitions, plain object roots) and the listings' output
 * outlines.
 */
class SchemaProfilesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void everyToriiToolHasAPortableListing() {
    for (ToolCatalog.Entry e : ToolCatalog.load().entries()) {
      String listing = e.listing(true).toString();
      assertFalse(listing.contains("\"$ref\""), e.name());
      assertFalse(listing.contains("\"$defs\""), e.name());
      assertEquals("object", e.listing(true).at("/inputSchema/type").asText(), e.name());
      assertSame(e.listing(true), e.listing(true), "built once, when first asked for");
      assertNotSame(e.listing(false), e.listing(true), e.name());
      assertEquals(
          e.inputSchema().path("properties").size(),
          e.listing(true).at("/inputSchema/properties").size(),
          e.name());
    }
  }

  @Test
  void referencesAreInlinedAndRecursionIsCut() throws Exception {
    ObjectNode schema =
        (ObjectNode)
            MAPPER.readTree(
                "{\"$schema\":\"x\",\"type\":\"object\",\"properties\":{\"amount\":{\"$ref\":\"#/$defs/Money\",\"description\":\"d\"},"
                    + "\"tree\":{\"$ref\":\"#/$defs/Node\"}},\"propertyNames\":{\"not\":{\"const\":\"x\"}},"
                    + "\"$defs\":{\"Money\":{\"type\":\"object\",\"properties\":{\"value\":{\"type\":\"number\"}}},"
                    + "\"Node\":{\"type\":\"object\",\"properties\":{\"child\":{\"$ref\":\"#/$defs/Node\"}}}}}");
    ObjectNode p = SchemaProfiles.portable(schema);
    assertEquals(
        "{\"type\":\"object\",\"properties\":{\"value\":{\"type\":\"number\"}},\"description\":\"d\"}",
        p.at("/properties/amount").toString());
    assertEquals(
        "{\"type\":\"object\",\"description\":\"(nested Node, not expanded further)\"}",
        p.at("/properties/tree/properties/child/properties/child/properties/child").toString());
    assertFalse(p.has("$defs"));
    assertFalse(p.has("$schema"));
    assertFalse(p.has("propertyNames"));
  }

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
        SchemaProfiles.outline(schema, 2).toString());
    assertEquals(
        "{\"type\":\"object\",\"properties\":{\"users\":{},\"owner\":{},\"count\":{}}}",
        SchemaProfiles.outline(schema).toString());
  }

  /**
   * What every Torii tool lists: no dialect keyword, only non-default annotations, and an output
   * outline that constrains nothing but the root's type, so it accepts every result the full schema
   * accepts; {@code get_tool_schema}'s definition has the full output schema.
   */
  @Test
  void everyToriiListingIsCompact() {
    int bytes = 0;
    for (ToolCatalog.Entry e : ToolCatalog.load().entries()) {
      ObjectNode listing = e.listing(false);
      bytes += listing.toString().length();
      assertFalse(listing.toString().contains("\"$schema\""), e.name());
      assertTrue(listing.at("/annotations/readOnlyHint").isBoolean(), e.name());
      assertFalse(listing.at("/annotations").has("title"), e.name());
      assertFalse(listing.at("/annotations").has("openWorldHint"), e.name());
      if (e.info().access().readOnly()) {
        assertEquals(1, listing.at("/annotations").size(), e.name());
      }
      if (e.outputSchema().isPresent()) {
        ObjectNode outline = (ObjectNode) listing.get("outputSchema");
        assertEquals("object", outline.path("type").asText(), e.name());
        outline.remove("type");
        assertOnlyStructure(outline, e.name());
        ObjectNode full = e.outputSchema().get().deepCopy();
        full.remove("$schema");
        assertEquals(full, e.definition(false).get("outputSchema"), e.name());
      }
    }
    assertTrue(bytes < 56_000, "the Torii listing grew to " + bytes + " bytes");
  }

  private static void assertOnlyStructure(
      com.fasterxml.jackson.databind.JsonNode node, String tool) {
    node.fields()
        .forEachRemaining(
            f -> {
              if (f.getKey().equals("items")) {
                assertOnlyStructure(f.getValue(), tool);
              } else {
                assertEquals("properties", f.getKey(), tool);
                f.getValue().forEach(p -> assertOnlyStructure(p, tool));
              }
            });
  }

  /**
   * Forty definitions that all refer to each other: inlining stops at the size limit. What is left
   * over is each inlined definition's own references turned into short open objects, a few times
   * the size of the references themselves.
   */
  @Test
  void denselyConnectedDefinitionsStayWithinTheInliningLimit() {
    ObjectNode schema = MAPPER.createObjectNode().put("type", "object");
    ObjectNode defs = schema.putObject("$defs");
    for (int i = 0; i < 40; i++) {
      ObjectNode props = defs.putObject("D" + i).put("type", "object").putObject("properties");
      for (int j = 0; j < 40; j++) {
        props.putObject("to" + j).put("$ref", "#/$defs/D" + j);
      }
    }
    schema.putObject("properties").putObject("root").put("$ref", "#/$defs/D0");
    String portable = SchemaProfiles.portable(schema).toString();
    assertFalse(portable.contains("\"$ref\""));
    assertTrue(portable.contains("(nested D"), "cut references are marked");
    assertTrue(
        portable.length() < 4 * SchemaProfiles.MAX_INLINED,
        "portable schema of " + portable.length() + " bytes");
  }
}
