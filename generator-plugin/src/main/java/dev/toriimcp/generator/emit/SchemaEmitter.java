package dev.toriimcp.generator.emit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toriimcp.generator.model.ToolModel;
import java.util.ArrayList;
import java.util.List;

/** Emits the input and output JSON Schema files of each tool. */
public final class SchemaEmitter {
  /** The dialect every emitted schema declares. */
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private SchemaEmitter() {}

  /** Schema files of one tool, at the resource paths the tool class names. */
  public static List<GeneratedFile> files(ToolModel tool, JavaEmitter java, String header) {
    List<GeneratedFile> out = new ArrayList<>();
    out.add(
        GeneratedFile.owning(
            GeneratedFile.Root.SOURCES,
            java.inputSchemaResource(tool),
            text(tool.inputSchema(), header)));
    tool.outputSchema()
        .ifPresent(
            s ->
                out.add(
                    GeneratedFile.owning(
                        GeneratedFile.Root.SOURCES,
                        java.outputSchemaResource(tool),
                        text(s, header))));
    return out;
  }

  /** The text of {@link #document}, without copying the schema: it is only written out. */
  private static byte[] text(ObjectNode schema, String header) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("$schema", DIALECT);
    doc.put("$comment", header);
    doc.setAll(schema);
    return Json.prettyBytes(doc);
  }

  /** A schema as a standalone document: dialect and provenance first. */
  public static ObjectNode document(ObjectNode schema, String header) {
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("$schema", DIALECT);
    doc.put("$comment", header);
    doc.setAll(schema.deepCopy());
    return doc;
  }
}
