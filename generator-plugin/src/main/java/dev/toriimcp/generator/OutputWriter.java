package dev.toriimcp.generator;

import dev.toriimcp.generator.emit.CatalogEmitter;
import dev.toriimcp.generator.emit.GeneratedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The only code that touches the output directory. Writes a file only when its bytes change, and
 * keeps a manifest so that files a previous run generated and this one does not are deleted.
 */
final class OutputWriter {
  static final String MANIFEST = ".torii-mcp-manifest";
  static final String STAMP = ".torii-mcp-inputs";

  private OutputWriter() {}

  /**
   * True when the last run had the same input fingerprint and every file it wrote is still there.
   */
  static boolean upToDate(Path out, String fingerprint) throws IOException {
    Path stamp = out.resolve(STAMP);
    Path manifest = out.resolve(MANIFEST);
    if (!Files.exists(stamp)
        || !Files.exists(manifest)
        || !Files.readString(stamp, StandardCharsets.UTF_8).strip().equals(fingerprint)) {
      return false;
    }
    for (String file : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      if (!file.isBlank() && !Files.exists(out.resolve(file))) {
        return false;
      }
    }
    return true;
  }

  /** The catalog files a previous run left in the output directory. */
  static List<GeneratedFile> readCatalog(Path out) throws IOException {
    List<GeneratedFile> files = new ArrayList<>();
    for (String name : List.of(CatalogEmitter.TOOLS_JSON, CatalogEmitter.TOOLS_MD)) {
      files.add(
          GeneratedFile.of(
              GeneratedFile.Root.CATALOG, name, Files.readAllBytes(out.resolve(name))));
    }
    return files;
  }

  /**
   * Writes every file (catalog files go to the output root too), deletes files the previous run
   * wrote and this one does not, and records the input fingerprint; returns how many files changed.
   */
  static int write(Path out, List<GeneratedFile> files, String fingerprint) throws IOException {
    Files.createDirectories(out);
    Set<String> now = new TreeSet<>();
    List<Path> targets = new ArrayList<>(files.size());
    Set<Path> directories = new LinkedHashSet<>();
    for (GeneratedFile f : files) {
      Path target = out.resolve(f.path()).normalize();
      if (!target.startsWith(out.normalize())) {
        throw new IOException("refusing to write outside the output directory: " + f.path());
      }
      now.add(f.path());
      targets.add(target);
      directories.add(target.getParent());
    }
    for (Path d : directories) {
      Files.createDirectories(d);
    }
    // Files are written on up to one thread per processor, each compared first as before.
    List<Integer> indexes = IntStream.range(0, files.size()).boxed().toList();
    int changed;
    try {
      changed =
          Parallel.map(indexes, i -> writeIfChanged(files.get(i), targets.get(i))).stream()
              .mapToInt(c -> c ? 1 : 0)
              .sum();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Path manifest = out.resolve(MANIFEST);
    if (Files.exists(manifest)) {
      for (String old : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
        if (!old.isBlank() && !now.contains(old)) {
          Path stale = out.resolve(old).normalize();
          if (stale.startsWith(out.normalize()) && Files.deleteIfExists(stale)) {
            changed++;
          }
        }
      }
    }
    List<String> lines = new ArrayList<>(now);
    Files.write(manifest, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    Files.writeString(out.resolve(STAMP), fingerprint + "\n", StandardCharsets.UTF_8);
    return changed;
  }

  private static boolean writeIfChanged(GeneratedFile f, Path target) {
    try {
      if (Files.exists(target) && f.hasContent(Files.readAllBytes(target))) {
        return false;
      }
      f.writeTo(target);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
