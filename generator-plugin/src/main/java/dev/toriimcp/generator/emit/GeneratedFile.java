package dev.toriimcp.generator.emit;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One output file: a path relative to an output root, and its exact bytes.
 *
 * @param root which output root it belongs to
 * @param path relative path with {@code /} separators
 * @param content the bytes
 */
public record GeneratedFile(Root root, String path, byte[] content) {

  /** Output roots. */
  public enum Root {
    /** Java sources and classpath resources of the generated tools. */
    SOURCES,
    /** The reviewed tool catalog (TOOLS.md, tools.json). */
    CATALOG
  }

  public GeneratedFile {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(path, "path");
    content = content.clone();
  }

  public static GeneratedFile text(Root root, String path, String text) {
    return new GeneratedFile(root, path, text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }
}
