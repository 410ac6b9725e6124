package dev.toriimcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every test {@code docs/SECURITY.md} names as covering a threat exists. */
class SecurityDocTest {
  private static final Pattern REFERENCE =
      Pattern.compile("`([A-Z][A-Za-z0-9]*(?:Test|IT))\\.([a-z][A-Za-z0-9]*)`");

  @Test
  void everyNamedTestExists() throws Exception {
    String doc = Files.readString(Path.of("../docs/SECURITY.md"), StandardCharsets.UTF_8);
    Map<String, Path> sources;
    try (Stream<Path> s = Files.walk(Path.of("src/test/java"))) {
      sources =
          s.filter(p -> p.toString().endsWith(".java"))
              .collect(
                  Collectors.toMap(
                      p -> p.getFileName().toString().replace(".java", ""), p -> p, (a, b) -> a));
    }
    Matcher m = REFERENCE.matcher(doc);
    List<String> missing = new ArrayList<>();
    int named = 0;
    while (m.find()) {
      named++;
      Path source = sources.get(m.group(1));
      if (source == null
          || !Files.readString(source, StandardCharsets.UTF_8).contains(" " + m.group(2) + "(")) {
        missing.add(m.group(1) + "." + m.group(2));
      }
    }
    assertTrue(named >= 20, "tests named in SECURITY.md: " + named);
    assertEquals(List.of(), missing, "tests named in docs/SECURITY.md that do not exist");
  }
}
