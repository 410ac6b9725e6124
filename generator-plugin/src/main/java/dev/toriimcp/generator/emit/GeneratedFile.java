package dev.toriimcp.generator.emit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One output file: a path relative to an output root, and its exact bytes. Immutable: the bytes are
 * copied in from callers and out to them, but never between the generator's own steps.
 */
public final class GeneratedFile {

  /** Output roots. */
  public enum Root {
    /** Java sources and classpath resources of the generated tools. */
    SOURCES,
    /** The reviewed tool catalog (TOOLS.md, tools.json). */
    CATALOG
  }

  private final Root root;
  private final String path;
  private final byte[] content;

  private GeneratedFile(Root root, String path, byte[] owned) {
    this.root = Objects.requireNonNull(root, "root");
    this.path = Objects.requireNonNull(path, "path");
    this.content = Objects.requireNonNull(owned, "content");
  }

  /** A file with a copy of {@code content}. */
  public static GeneratedFile of(Root root, String path, byte[] content) {
    return new GeneratedFile(root, path, content.clone());
  }

  /** A file holding {@code text} in UTF-8. */
  public static GeneratedFile text(Root root, String path, String text) {
    return new GeneratedFile(root, path, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A file that takes {@code content} over: the caller must not change it afterwards. */
  static GeneratedFile owning(Root root, String path, byte[] content) {
    return new GeneratedFile(root, path, content);
  }

  public Root root() {
    return root;
  }

  /** Relative path with {@code /} separators. */
  public String path() {
    return path;
  }

  /** A copy of the bytes. */
  public byte[] content() {
    return content.clone();
  }

  /** True when {@code bytes} are exactly this file's bytes. */
  public boolean hasContent(byte[] bytes) {
    return Arrays.equals(content, bytes);
  }

  /** Writes the bytes to {@code target}, replacing what is there. */
  public void writeTo(Path target) throws IOException {
    Files.write(target, content);
  }

  public String text() {
    return new String(content, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GeneratedFile f
        && root == f.root
        && path.equals(f.path)
        && Arrays.equals(content, f.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(root, path, Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return "GeneratedFile[" + root + " " + path + ", " + content.length + " bytes]";
  }
}
