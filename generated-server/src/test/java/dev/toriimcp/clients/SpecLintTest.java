package dev.toriimcp.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Redocly CLI lints torii-spec with the project's rules: zero errors. */
class SpecLintTest {
  @Test
  void redoclyFindsNoErrors() throws Exception {
    Path node = NodeTools.node();
    Path repo = Path.of("..").toAbsolutePath().normalize();
    NodeTools.Result r =
        NodeTools.run(
            repo,
            Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true"),
            120,
            List.of(
                node.toString(),
                NodeTools.module("@redocly/cli/bin/cli.js").toString(),
                "lint",
                "--config",
                "torii-spec/redocly.yaml",
                "--format",
                "stylish",
                "torii-spec/torii-openapi.yaml"));
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("torii-openapi.yaml"), r.output());
  }
}
