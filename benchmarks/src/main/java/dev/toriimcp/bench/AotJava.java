package dev.toriimcp.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Java 25 or later beside the one the harness runs on, whose AOT cache ({@code -XX:AOTCache}, JEP
 * 483/514/515: classes loaded and linked, method profiles) stands in for the class-data sharing
 * archive. The server is compiled for Java 17 and runs unchanged on it; only its start is measured
 * there.
 */
final class AotJava {
  private AotJava() {}

  /** The first Java of this release or later that makes an AOT cache in one training run. */
  static final int FIRST = 25;

  /** Start times on that Java, with the flags it ran with. */
  record Starts(String version, List<String> flags, Runs.Starts starts) {}

  /**
   * The newest Java {@value #FIRST}+ installed beside this one (in the directory that holds this
   * Java's home, as {@code /usr/lib/jvm} does), if any.
   */
  static Optional<Path> find() {
    Path home = Path.of(System.getProperty("java.home"));
    Path parent = home.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      return Optional.empty();
    }
    TreeMap<Integer, Path> found = new TreeMap<>();
    try (DirectoryStream<Path> homes = Files.newDirectoryStream(parent)) {
      for (Path h : homes) {
        Path java = h.resolve("bin/java");
        int feature = feature(version(java));
        if (feature >= FIRST && Files.isExecutable(java)) {
          found.put(feature, java);
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(found.lastEntry().getValue());
  }

  /** {@code JAVA_VERSION} from the {@code release} file of the home of {@code java}, or "". */
  static String version(Path java) {
    Path release = java.toAbsolutePath().getParent().getParent().resolve("release");
    try {
      for (String line : Files.readAllLines(release)) {
        if (line.startsWith("JAVA_VERSION=")) {
          return line.substring("JAVA_VERSION=".length()).replace("\"", "").strip();
        }
      }
    } catch (IOException e) {
      // not a JDK home
    }
    return "";
  }

  private static int feature(String version) {
    int end = 0;
    while (end < version.length() && Character.isDigit(version.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Integer.parseInt(version.substring(0, end));
  }

  /**
   * {@code flags} with the class-data sharing archive replaced by an AOT cache beside it ({@code
   * torii-mcp.aot}); unchanged when they name no archive.
   */
  static List<String> flags(List<String> flags) {
    String archive = "-XX:SharedArchiveFile=";
    List<String> out = new ArrayList<>();
    for (String f : flags) {
      out.add(
          f.startsWith(archive)
              ? "-XX:AOTCache="
                  + Path.of(f.substring(archive.length())).resolveSibling("torii-mcp.aot")
              : f);
    }
    return out;
  }
}
