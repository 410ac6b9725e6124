package dev.toriimcp.server.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toriimcp.server.JsonRpcChecks;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes argument validation and request binding for the real Torii tools: arbitrary arguments
 * either give a tool error naming the bad arguments, or a request that stays on Torii's host and
 * base path, whose path segments hold no unescaped {@code / ? #} from argument values, and whose
 * headers carry no line breaks and are only those the tool declares (arguments and pinned ones).
 * Nothing is sent.
 *
 * <p>An input's first line names the tool, the rest is the arguments as JSON. When the rest is not
 * JSON, it becomes the value of every string argument, which puts raw text into path, query and
 * header parameters. Seeds are in {@code
 * src/test/resources/dev/toriimcp/server/runtime/ToolArgumentsFuzzTestInputs/}.
 */
class ToolArgumentsFuzzTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final URI BASE = URI.create("https://api.toriihq.com/v1.0");
  private static final String KEY = "fuzz-key-not-a-secret";
  private static final Set<String> OWN_HEADERS =
      Set.of("authorization", "accept", "user-agent", "content-type", "cookie");
  private static final Pattern QUERY_PAIR = Pattern.compile("[^=&#?]+=[^=&#?]*");

  private static ToolCatalog catalog;
  private static ToolExecutor executor;
  private static EndpointContext endpoint;
  private static final Map<String, String> PATHS = new java.util.HashMap<>();
  private static final Map<String, Set<String>> PINNED_HEADERS = new java.util.HashMap<>();

  @BeforeAll
  static void load() throws Exception {
    // the checked-in catalog has each tool's path template
    MAPPER
        .readTree(java.nio.file.Path.of("tools.json").toFile())
        .path("tools")
        .forEach(
            t -> {
              PATHS.put(t.path("name").asText(), t.path("path").asText());
              Set<String> pinned = new TreeSet<>();
              t.path("pinned")
                  .forEach(
                      p -> {
                        if (p.path("in").asText().equals("header")) {
                          pinned.add(p.path("name").asText().toLowerCase(Locale.ROOT));
                        }
                      });
              PINNED_HEADERS.put(t.path("name").asText(), pinned);
            });
    catalog = ToolCatalog.load();
    executor =
        new ToolExecutor(catalog, null, new ToolExecutor.Limits(Duration.ofSeconds(5), 100_000));
    endpoint = EndpointContext.all("fuzz", new Upstream(BASE, KEY));
  }

  @FuzzTest(maxDuration = "10s")
  void arguments(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    int nl = text.indexOf('\n');
    String toolName = nl < 0 ? text : text.substring(0, nl);
    String rest = nl < 0 ? "" : text.substring(nl + 1);
    List<ToolCatalog.Entry> entries = catalog.entries();
    ToolCatalog.Entry entry =
        catalog
            .find(toolName.strip())
            .orElse(entries.get(Math.floorMod(toolName.hashCode(), entries.size())));
    JsonNode args = arguments(entry, rest);
    ToolExecutor.Prepared prepared = executor.prepare(endpoint, entry, args);
    if (prepared.refusal() != null) {
      assertNull(prepared.request());
      ObjectNode r = prepared.refusal();
      assertTrue(r.path("isError").asBoolean(), r.toString());
      String message = r.at("/content/0/text").asText();
      assertTrue(message.startsWith("The arguments of " + entry.name() + " "), message);
      assertEquals(List.of(), JsonRpcChecks.internals(message, text), message);
      return;
    }
    check(entry, prepared.request());
  }

  /** The arguments: the JSON text, or the text as the value of every string argument. */
  static JsonNode arguments(ToolCatalog.Entry entry, String rest) {
    try {
      JsonNode n = MAPPER.readTree(rest);
      if (n != null && !n.isMissingNode()) {
        return n;
      }
    } catch (Exception e) {
      // not JSON: below
    }
    ObjectNode args = MAPPER.createObjectNode();
    entry
        .inputSchema()
        .path("properties")
        .fields()
        .forEachRemaining(
            p -> {
              JsonNode type = p.getValue().path("type");
              boolean string =
                  type.asText().equals("string")
                      || (type.isArray() && type.toString().contains("\"string\""));
              if (string && !p.getValue().has("enum") && !p.getValue().has("format")) {
                args.put(p.getKey(), rest);
              }
            });
    return args;
  }

  private static void check(ToolCatalog.Entry entry, HttpRequest request) {
    URI uri = request.uri();
    String where = uri.toString();
    assertEquals(BASE.getScheme(), uri.getScheme(), where);
    assertEquals(BASE.getRawAuthority(), uri.getRawAuthority(), "the host never changes: " + where);
    assertNull(uri.getRawFragment(), where);
    assertNull(uri.getRawUserInfo(), where);
    assertFalse(where.contains("\r") || where.contains("\n") || where.contains(" "), where);
    String path = uri.getRawPath();
    String template = PATHS.get(entry.name());
    assertTrue(
        pathPattern(BASE.getRawPath() + template).matcher(path).matches(),
        "path " + path + " fits " + template);
    String query = uri.getRawQuery();
    if (query != null) {
      for (String pair : query.split("&", -1)) {
        assertTrue(QUERY_PAIR.matcher(pair).matches(), "query pair " + pair + " in " + where);
      }
    }
    Set<String> allowed = new TreeSet<>(OWN_HEADERS);
    allowed.addAll(PINNED_HEADERS.get(entry.name()));
    entry
        .inputSchema()
        .path("properties")
        .fieldNames()
        .forEachRemaining(n -> allowed.add(n.toLowerCase(Locale.ROOT)));
    for (Map.Entry<String, List<String>> h : request.headers().map().entrySet()) {
      assertTrue(allowed.contains(h.getKey().toLowerCase(Locale.ROOT)), "header " + h.getKey());
      for (String v : h.getValue()) {
        assertFalse(v.contains("\r") || v.contains("\n"), h.getKey() + ": " + v);
      }
    }
    assertEquals(
        List.of("Bearer " + KEY),
        request.headers().allValues("Authorization"),
        "only the configured credentials");
    assertEquals(entry.info().access().httpMethod(), request.method());
  }

  /** The template with each {@code {name}} as one path segment's worth of escaped text. */
  static Pattern pathPattern(String template) {
    StringBuilder re = new StringBuilder();
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        parts.add(Pattern.quote(template.substring(i)));
        break;
      }
      parts.add(Pattern.quote(template.substring(i, open)));
      parts.add("[A-Za-z0-9%._~,;=-]*");
      i = template.indexOf('}', open) + 1;
    }
    parts.forEach(re::append);
    return Pattern.compile(re.toString());
  }
}
