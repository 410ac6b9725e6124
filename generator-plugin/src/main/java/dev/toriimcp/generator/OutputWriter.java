package dev.toriimcp.generator;

import dev.toriimcp.generator.emit.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The only code that touches the output directory. Writes a file only when its bytes change, and
 * keeps a manifest so that files a previous run generated and this one does not are deleted.
 */
final class OutputWriter {
  static final String MANIFEST = ".torii-mcp-manifest";

  private OutputWriter() {}

  /** Writes every file (catalog files go to the output root too); returns how many changed. */
  static int write(Path out, List<GeneratedFile> files) throws IOException {
    Files.createDirectories(out);
    Set<String> now = new TreeSet<>();
    int changed = 0;
    for (GeneratedFile f : files) {
      Path target = out.resolve(f.path()).normalize();
      if (!target.startsWith(out.normalize())) {
        throw new IOException("refusing to write outside the output directory: " + f.path());
      }
      now.add(f.path());
      if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), f.content())) {
        continue;
      }
      Files.createDirectories(target.getParent());
      Files.write(target, f.content());
      changed++;
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
    return changed;
  }
}
