package dev.toriimcp.generator;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The checks other tests rely on do reject bad output. */
class OutputChecksTest {
  @TempDir Path dir;

  @Test
  void rejectsSchemaThatBreaksTheMetaSchema() throws Exception {
    Files.writeString(dir.resolve("bad.input.json"), "{\"type\": 5}");
    AssertionFailedError e =
        assertThrows(AssertionFailedError.class, () -> OutputChecks.checkSchemas(dir));
    assertTrue(e.getMessage().contains("bad.input.json"), e.getMessage());
  }

  @Test
  void rejectsReferenceOutsideTheDocument() throws Exception {
    Files.writeString(
        dir.resolve("ref.input.json"),
        "{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/$defs/Missing\"}}}");
    AssertionFailedError e =
        assertThrows(AssertionFailedError.class, () -> OutputChecks.checkSchemas(dir));
    assertTrue(e.getMessage().contains("#/$defs/Missing does not resolve"), e.getMessage());
  }

  @Test
  void rejectsSourcesThatDoNotCompile() throws Exception {
    Files.writeString(dir.resolve("Broken.java"), "class Broken { int x = \"no\"; }");
    assertThrows(
        AssertionFailedError.class, () -> OutputChecks.compile(dir, dir.resolve("classes")));
  }
}
