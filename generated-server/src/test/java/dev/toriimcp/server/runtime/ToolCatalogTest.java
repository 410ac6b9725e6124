package dev.toriimcp.server.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toriimcp.runtime.Access;
import dev.toriimcp.runtime.Annotations;
import dev.toriimcp.runtime.Tool;
import dev.toriimcp.runtime.ToolInfo;
import dev.toriimcp.runtime.ToolRegistry;
import dev.toriimcp.runtime.UpstreamRequest;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog loaded on a thread of its own is the same catalog, and fails the same way. */
class ToolCatalogTest {
  @TempDir Path dir;

  @Test
  void loadingInTheBackgroundGivesTheSameCatalog() {
    ToolCatalog now = ToolCatalog.load();
    ToolCatalog later = ToolCatalog.loadInBackground();
    assertEquals(65, later.size());
    assertEquals(
        now.entries().stream().map(ToolCatalog.Entry::listing).toList(),
        later.entries().stream().map(ToolCatalog.Entry::listing).toList());
  }

  @Test
  void whatLoadingThrewReachesWhoeverAsksFirst() throws Exception {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(
        services.resolve(ToolRegistry.class.getName()),
        Broken.class.getName() + "\n",
        StandardCharsets.UTF_8);
    Thread self = Thread.currentThread();
    ClassLoader before = self.getContextClassLoader();
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {dir.toUri().toURL()}, ToolCatalogTest.class.getClassLoader())) {
      self.setContextClassLoader(loader); // the loading thread finds its registries here
      ToolCatalog catalog = ToolCatalog.loadInBackground();
      IllegalStateException e = assertThrows(IllegalStateException.class, catalog::size);
      assertTrue(e.getMessage().contains("broken/missing.input.json is missing"), e.getMessage());
      assertThrows(IllegalStateException.class, () -> catalog.find("anything"));
    } finally {
      self.setContextClassLoader(before);
    }
  }

  /** A registry whose one tool names a schema resource that does not exist. */
  public static final class Broken implements ToolRegistry {
    @Override
    public List<Tool<?>> tools() {
      return List.of(new Missing());
    }
  }

  record NoInput() {}

  static final class Missing implements Tool<NoInput> {
    @Override
    public ToolInfo info() {
      return new ToolInfo(
          "missing",
          "Missing",
          "A tool whose schema is not there.",
          "missing",
          List.of(),
          new Access(Access.Verb.GET, "GET"),
          new Annotations(true, false, true, true),
          Optional.empty(),
          Optional.empty(),
          "broken/missing.input.json",
          Optional.empty());
    }

    @Override
    public Class<NoInput> inputType() {
      return NoInput.class;
    }

    @Override
    public UpstreamRequest toRequest(NoInput input) {
      return UpstreamRequest.builder("GET", "/missing").build();
    }
  }
}
