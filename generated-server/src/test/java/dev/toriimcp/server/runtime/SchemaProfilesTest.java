package dev.toriimcp.server.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The portable profile: no references, no definitions, plain object roots. */
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
