package dev.toriimcp.generator.diff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fetches the base side of a diff from a git revision: the same spec and overlay paths, as they
 * were at that revision, written into a scratch directory.
 */
public final class BaseSource {
  private BaseSource() {}

  /** A problem getting the base; the message is for the user. */
  public static final class BaseException extends Exception {
    private static final long serialVersionUID = 1L;

    public BaseException(String message) {
      super(message);
    }
  }

  /**
   * The files at {@code revision}, in the order given, copied under {@code scratch} with their
   * paths relative to the repository root.
   */
  public static List<Path> atRevision(String revision, List<Path> files, Path workDir, Path scratch)
      throws BaseException, IOException, InterruptedException {
    String top = git(workDir, "rev-parse", "--show-toplevel");
    if (top == null) {
      throw new BaseException(
          "[TORII-DIFF-001] "
              + workDir.getFileName()
              + " is not in a git repository (or git is not installed), so git:"
              + revision
              + " cannot be read");
    }
    Path root = Path.of(top.strip()).toRealPath();
    List<Path> out = new ArrayList<>();
    for (Path f : files) {
      Path abs = f.toAbsolutePath().normalize();
      Path real = Files.exists(abs) ? abs.toRealPath() : abs;
      String rel = root.relativize(real).toString().replace('\\', '/');
      String content = git(root, "show", revision + ":" + rel);
      if (content == null) {
        throw new BaseException(
            "[TORII-DIFF-002] " + rel + " does not exist at git revision " + revision);
      }
      Path target = scratch.resolve(rel);
      Files.createDirectories(target.getParent());
      Files.writeString(target, content, StandardCharsets.UTF_8);
      out.add(target);
    }
    return out;
  }

  private static String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("git"));
    cmd.addAll(List.of(args));
    Process p;
    try {
      p =
          new ProcessBuilder(cmd)
              .directory(dir.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      return null;
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      return null;
    }
    return output;
  }
}
