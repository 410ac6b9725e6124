package dev.toriimcp.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks {@code torii-spec/}: the OpenAPI description against Torii's published snapshot, and the
 * overlays against the vendor-extension contract the generator relies on.
 */
class ToriiSpecTest {

  private static final String SPEC = "torii-spec/torii-openapi.yaml";
  private static final String OVERLAYS = "torii-spec/overlays";
  private static final String SNAPSHOT = "../shared/reference/torii-openapi-2026-03.json";
  private static final int SNAPSHOT_OPERATIONS = 60;

  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
  private static final Pattern TOOL_NAME = Pattern.compile("^[a-z0-9_]{1,64}$");
  private static final Set<String> TOOL_TAGS =
      Set.of(
          "users",
          "apps",
          "contracts",
          "audit",
          "roles",
          "workflows",
          "files",
          "fields",
          "scim",
          "plugins",
          "org",
          "parsings",
          "integrations",
          "transactions",
          "anonymization",
          "access-requests");

  /** Tool names other parts of the project rely on, with the operation each must name. */
  private static final Map<String, Op> REQUIRED_NAMES =
      Map.ofEntries(
          Map.entry("list_all_torii_users", new Op("get", "/users")),
          Map.entry("list_all_torii_apps", new Op("get", "/apps")),
          Map.entry("list_all_torii_contracts", new Op("get", "/contracts")),
          Map.entry("get_single_torii_contract_by_id", new Op("get", "/contracts/{idContract}")),
          Map.entry("create_a_torii_app", new Op("post", "/apps/custom")),
          Map.entry("create_a_torii_contract", new Op("post", "/contracts")),
          Map.entry("update_a_torii_user_by_id", new Op("put", "/users/{idUser}")),
          Map.entry("list_all_torii_user_applications", new Op("get", "/users/{idUser}/apps")),
          Map.entry("list_all_torii_audit_logs", new Op("get", "/audit")),
          Map.entry("list_all_torii_roles", new Op("get", "/roles")),
          Map.entry(
              "list_all_torii_workflow_action_executions",
              new Op("get", "/workflows/actionExecutions")));

  /** Documented limits that must reach the generated tools. */
  private static final Map<Op, Integer> REQUIRED_RATE_LIMITS =
      Map.of(
          new Op("get", "/contracts/{idContract}"), 800,
          new Op("post", "/apps/custom"), 200,
          new Op("get", "/roles"), 100);

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Configuration PATHS =
      Configuration.builder()
          .jsonProvider(new JacksonJsonProvider())
          .mappingProvider(new JacksonMappingProvider())
          .options(Option.AS_PATH_LIST, Option.SUPPRESS_EXCEPTIONS)
          .build();
  private static final Configuration VALUES =
      Configuration.builder()
          .jsonProvider(new JacksonJsonProvider())
          .mappingProvider(new JacksonMappingProvider())
          .build();

  private static Path repoRoot;
  private static JsonNode spec;
  private static Map<Op, JsonNode> specOperations;

  /** The spec after applying every overlay, as JSON. */
  private static JsonNode merged;

  private static Map<Op, JsonNode> mergedOperations;

  /** Overlay actions whose target is invalid or matches nothing, one message per action. */
  private static final List<String> targetProblems = new ArrayList<>();

  /** Overlay files that are not well-formed overlay documents. */
  private static final List<String> overlayProblems = new ArrayList<>();

  /** For each operation, the overlay actions (file + index) that set {@code x-mcp-name} on it. */
  private static final Map<Op, List<String>> nameActions = new TreeMap<>();

  private static List<Path> overlayFiles;

  record Op(String method, String path) implements Comparable<Op> {
    @Override
    public int compareTo(Op other) {
      int byPath = path.compareTo(other.path);
      return byPath != 0 ? byPath : method.compareTo(other.method);
    }

    @Override
    public String toString() {
      return method.toUpperCase(Locale.ROOT) + " " + path;
    }
  }

  @BeforeAll
  static void load() throws IOException {
    repoRoot = findRepoRoot();
    spec = YAML.readTree(repoRoot.resolve(SPEC).toFile());
    specOperations = operations(spec);

    @SuppressWarnings("unchecked")
    Map<String, Object> document = YAML.readValue(repoRoot.resolve(SPEC).toFile(), Map.class);
    try (Stream<Path> files = Files.list(repoRoot.resolve(OVERLAYS))) {
      overlayFiles =
          files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
    }
    for (Path file : overlayFiles) {
      applyOverlay(file, document);
    }
    merged = JSON.valueToTree(document);
    mergedOperations = operations(merged);
  }

  // ---------------------------------------------------------------- the API description itself

  @Test
  void everyOperationOfTheSnapshotIsDescribedWithTheSameOperationId() throws IOException {
    Path snapshot = repoRoot.resolve(SNAPSHOT).normalize();
    Assumptions.assumeTrue(
        Files.isRegularFile(snapshot), "Torii's published snapshot is not available: " + snapshot);

    Map<Op, JsonNode> published = operations(JSON.readTree(snapshot.toFile()));
    assertEquals(
        SNAPSHOT_OPERATIONS,
        published.size(),
        "the snapshot " + snapshot + " should hold " + SNAPSHOT_OPERATIONS + " operations");

    List<String> problems = new ArrayList<>();
    for (Map.Entry<Op, JsonNode> entry : published.entrySet()) {
      String expectedId = entry.getValue().path("operationId").asText();
      JsonNode ours = specOperations.get(entry.getKey());
      if (ours == null) {
        problems.add(entry.getKey() + " (" + expectedId + ") is missing");
      } else if (!expectedId.equals(ours.path("operationId").asText())) {
        problems.add(
            entry.getKey()
                + " has operationId '"
                + ours.path("operationId").asText()
                + "', Torii uses '"
                + expectedId
                + "'");
      }
    }
    for (Map.Entry<Op, JsonNode> entry : specOperations.entrySet()) {
      if (!published.containsKey(entry.getKey())
          && !entry.getValue().path("x-unverified").asBoolean(false)) {
        problems.add(
            entry.getKey() + " is not in Torii's published document and lacks x-unverified: true");
      }
    }
    assertTrue(problems.isEmpty(), "operations differ from Torii's snapshot:\n" + lines(problems));
  }

  @Test
  void descriptionIsStructurallySound() {
    List<String> problems = new ArrayList<>();
    if (!"3.1.0".equals(spec.path("openapi").asText())) {
      problems.add("openapi must be 3.1.0, is '" + spec.path("openapi").asText() + "'");
    }
    if (!"https://api.toriihq.com/v1.0".equals(spec.at("/servers/0/url").asText())) {
      problems.add("servers[0].url must be https://api.toriihq.com/v1.0");
    }
    JsonNode bearer = spec.at("/components/securitySchemes/bearerAuth");
    if (!"http".equals(bearer.path("type").asText())
        || !"bearer".equals(bearer.path("scheme").asText())) {
      problems.add("components.securitySchemes.bearerAuth must be {type: http, scheme: bearer}");
    }
    if (!spec.at("/security/0").has("bearerAuth")) {
      problems.add("global security must require bearerAuth");
    }

    List<String> refs = new ArrayList<>();
    collectRefs(spec, refs);
    for (String ref : refs) {
      if (!ref.startsWith("#/") || spec.at(ref.substring(1)).isMissingNode()) {
        problems.add("$ref does not resolve: " + ref);
      }
    }

    Set<String> declaredTags = new HashSet<>();
    spec.path("tags").forEach(t -> declaredTags.add(t.path("name").asText()));
    Map<String, Op> operationIds = new TreeMap<>();
    for (Map.Entry<Op, JsonNode> entry : specOperations.entrySet()) {
      Op op = entry.getKey();
      JsonNode operation = entry.getValue();
      String operationId = operation.path("operationId").asText();
      if (operationId.isEmpty()) {
        problems.add(op + " has no operationId");
      } else if (operationIds.put(operationId, op) != null) {
        problems.add(
            "operationId " + operationId + " is used by " + operationIds.get(operationId) + " too");
      }
      for (String field : List.of("summary", "description")) {
        if (operation.path(field).asText().isBlank()) {
          problems.add(op + " has no " + field);
        }
      }
      if (!operation.path("tags").isArray() || operation.path("tags").isEmpty()) {
        problems.add(op + " has no tags");
      }
      operation
          .path("tags")
          .forEach(
              tag -> {
                if (!declaredTags.contains(tag.asText())) {
                  problems.add(op + " uses tag '" + tag.asText() + "' not declared at top level");
                }
              });
      JsonNode tooMany = operation.at("/responses/429/$ref");
      if (!"#/components/responses/TooManyRequests".equals(tooMany.asText())) {
        problems.add(op + " lacks a 429 response referencing components.responses.TooManyRequests");
      }
    }
    JsonNode retryAfter = spec.at("/components/responses/TooManyRequests/headers/Retry-After");
    if (retryAfter.isMissingNode()) {
      problems.add("components.responses.TooManyRequests has no Retry-After header");
    }
    assertTrue(problems.isEmpty(), "the API description is not sound:\n" + lines(problems));
  }

  // ---------------------------------------------------------------- overlays

  @Test
  void overlaysAreWellFormed() {
    assertFalse(overlayFiles.isEmpty(), "no overlay files in " + OVERLAYS);
    assertTrue(overlayProblems.isEmpty(), "malformed overlays:\n" + lines(overlayProblems));
  }

  @Test
  void everyOverlayActionTargetMatchesAtLeastOneNode() {
    assertTrue(
        targetProblems.isEmpty(),
        "overlay actions whose target matches no node:\n" + lines(targetProblems));
  }

  @Test
  void everyOperationGetsExactlyOneValidUniqueToolName() {
    List<String> problems = new ArrayList<>();
    Map<String, Op> owners = new TreeMap<>();
    for (Map.Entry<Op, JsonNode> entry : mergedOperations.entrySet()) {
      Op op = entry.getKey();
      if (specOperations.get(op).has("x-mcp-name")) {
        problems.add(
            op + " carries x-mcp-name in the description itself; it belongs in names.yaml");
      }
      List<String> setters = nameActions.getOrDefault(op, List.of());
      if (setters.size() != 1) {
        problems.add(op + " gets x-mcp-name from " + setters.size() + " actions " + setters);
      }
      JsonNode name = entry.getValue().path("x-mcp-name");
      if (name.isMissingNode()) {
        problems.add(op + " has no x-mcp-name");
        continue;
      }
      if (!name.isTextual() || !TOOL_NAME.matcher(name.asText()).matches()) {
        problems.add(op + " has tool name " + name + ", which does not match " + TOOL_NAME);
        continue;
      }
      Op previous = owners.put(name.asText(), op);
      if (previous != null) {
        problems.add("tool name " + name.asText() + " names both " + previous + " and " + op);
      }
    }
    assertTrue(problems.isEmpty(), "tool names are wrong:\n" + lines(problems));
  }

  @Test
  void requiredToolNamesNameTheRightOperations() {
    Map<String, Op> byName = new TreeMap<>();
    mergedOperations.forEach(
        (op, operation) -> {
          if (operation.path("x-mcp-name").isTextual()) {
            byName.put(operation.path("x-mcp-name").asText(), op);
          }
        });
    List<String> problems = new ArrayList<>();
    REQUIRED_NAMES.forEach(
        (name, op) -> {
          Op actual = byName.get(name);
          if (!op.equals(actual)) {
            problems.add(
                name + " must name " + op + " but names " + (actual == null ? "nothing" : actual));
          }
        });
    Op addCatalogApp = new Op("post", "/apps");
    if ("create_a_torii_app"
        .equals(mergedOperations.get(addCatalogApp).path("x-mcp-name").asText())) {
      problems.add(addCatalogApp + " must not be called create_a_torii_app");
    }
    assertTrue(problems.isEmpty(), "required tool names are wrong:\n" + lines(problems));
  }

  @Test
  void everyOperationHasToolTagsAndDescription() {
    List<String> problems = new ArrayList<>();
    mergedOperations.forEach(
        (op, operation) -> {
          JsonNode tags = operation.path("x-mcp-tags");
          if (!tags.isArray() || tags.isEmpty()) {
            problems.add(op + " has no x-mcp-tags");
          } else {
            tags.forEach(
                tag -> {
                  if (!TOOL_TAGS.contains(tag.asText())) {
                    problems.add(op + " has unknown x-mcp-tags entry '" + tag.asText() + "'");
                  }
                });
          }
          JsonNode description = operation.path("x-mcp-description");
          if (!description.isTextual() || description.asText().isBlank()) {
            problems.add(op + " has no x-mcp-description");
          }
          JsonNode title = operation.path("x-mcp-title");
          if (!title.isMissingNode() && (!title.isTextual() || title.asText().isBlank())) {
            problems.add(op + " has an empty x-mcp-title");
          }
        });
    assertTrue(problems.isEmpty(), "tool tags or descriptions are missing:\n" + lines(problems));
  }

  @Test
  void rateLimitsAreWellFormedAndTheRequiredOnesArePresent() {
    List<String> problems = new ArrayList<>();
    mergedOperations.forEach(
        (op, operation) -> {
          JsonNode limit = operation.path("x-mcp-rate-limit");
          if (limit.isMissingNode()) {
            return;
          }
          JsonNode perMinute = limit.path("requestsPerMinute");
          if (!perMinute.isIntegralNumber() || perMinute.asInt() <= 0 || limit.size() != 1) {
            problems.add(
                op
                    + " has x-mcp-rate-limit "
                    + limit
                    + ", expected {requestsPerMinute: <int > 0>}");
          }
        });
    REQUIRED_RATE_LIMITS.forEach(
        (op, expected) -> {
          JsonNode actual = mergedOperations.get(op).at("/x-mcp-rate-limit/requestsPerMinute");
          if (actual.asInt(-1) != expected) {
            problems.add(op + " must allow " + expected + " requests per minute, has " + actual);
          }
        });
    assertTrue(problems.isEmpty(), "rate limits are wrong:\n" + lines(problems));
  }

  @Test
  void paginationExtensionsAgreeWithTheOperations() {
    List<String> problems = new ArrayList<>();
    mergedOperations.forEach(
        (op, operation) -> {
          Set<String> parameters = new HashSet<>();
          operation
              .path("parameters")
              .forEach(p -> parameters.add(resolve(p).path("name").asText()));
          boolean cursorPaged = parameters.contains("size") && parameters.contains("cursor");
          JsonNode pagination = operation.path("x-mcp-pagination");
          if (pagination.isMissingNode()) {
            if (cursorPaged) {
              problems.add(op + " takes size and cursor but has no x-mcp-pagination");
            }
            return;
          }
          if (!cursorPaged) {
            problems.add(op + " has x-mcp-pagination but does not take both size and cursor");
          }
          expect(problems, op, pagination, "limitParameter", "size");
          expect(problems, op, pagination, "cursorParameter", "cursor");
          expect(problems, op, pagination, "nextCursorField", "nextCursor");
          JsonNode properties =
              resolve(operation.at("/responses/200/content/application~1json/schema"))
                  .path("properties");
          String items = pagination.path("itemsField").asText();
          if (!properties.path(items).path("type").asText().equals("array")) {
            problems.add(op + " itemsField '" + items + "' is not an array in the 200 response");
          }
          if (!properties.has("nextCursor")) {
            problems.add(op + " 200 response has no nextCursor");
          }
        });
    assertTrue(problems.isEmpty(), "pagination extensions are wrong:\n" + lines(problems));
  }

  // ---------------------------------------------------------------- helpers

  private static Path findRepoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
      if (Files.isRegularFile(candidate.resolve(SPEC))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no " + SPEC + " in " + dir + " or its parents");
  }

  /** Applies one overlay to {@code document}, recording malformed parts and unmatched targets. */
  @SuppressWarnings("unchecked")
  private static void applyOverlay(Path file, Map<String, Object> document) {
    String name = file.getFileName().toString();
    Map<String, Object> overlay;
    try {
      overlay = YAML.readValue(file.toFile(), Map.class);
    } catch (IOException e) {
      overlayProblems.add(name + " cannot be read: " + e.getMessage());
      return;
    }
    if (!"1.0.0".equals(String.valueOf(overlay.get("overlay")))) {
      overlayProblems.add(name + " must declare overlay: 1.0.0");
    }
    Object info = overlay.get("info");
    if (!(info instanceof Map<?, ?> infoMap)
        || !(infoMap.get("title") instanceof String)
        || infoMap.get("version") == null) {
      overlayProblems.add(name + " must have info.title and info.version");
    }
    if (!(overlay.get("actions") instanceof List<?> actions) || actions.isEmpty()) {
      overlayProblems.add(name + " has no actions");
      return;
    }

    Map<Object, Op> operationNodes = operationNodes(document);
    for (int index = 0; index < actions.size(); index++) {
      String where = name + " action #" + index;
      if (!(actions.get(index) instanceof Map<?, ?> action)) {
        overlayProblems.add(where + " is not a mapping");
        continue;
      }
      Object target = action.get("target");
      Object update = action.get("update");
      boolean remove = Boolean.TRUE.equals(action.get("remove"));
      if (!(target instanceof String targetPath)) {
        overlayProblems.add(where + " has no target");
        continue;
      }
      if (!(update instanceof Map<?, ?>) && !remove) {
        overlayProblems.add(
            where + " (" + targetPath + ") has neither an update mapping nor remove");
      }
      List<String> matches;
      try {
        matches = JsonPath.using(PATHS).parse(document).read(targetPath);
      } catch (RuntimeException e) {
        targetProblems.add(where + " target " + targetPath + " is not valid JSONPath: " + e);
        continue;
      }
      if (matches == null || matches.isEmpty()) {
        targetProblems.add(where + " target " + targetPath + " matches no node");
        continue;
      }
      if (remove) {
        continue; // none of our overlays removes; removal would change nothing these tests check
      }
      for (String match : matches) {
        Object node = JsonPath.using(VALUES).parse(document).read(match);
        if (!(node instanceof Map<?, ?>)) {
          overlayProblems.add(where + " target " + targetPath + " matches a non-object: " + match);
          continue;
        }
        Map<String, Object> updateMap = (Map<String, Object>) update;
        Op op = operationNodes.get(node);
        if (op != null && updateMap.containsKey("x-mcp-name")) {
          nameActions.computeIfAbsent(op, k -> new ArrayList<>()).add(where);
        }
        mergeInto((Map<String, Object>) node, updateMap);
      }
    }
  }

  /** Overlay update semantics: objects merge recursively, arrays append, other values replace. */
  @SuppressWarnings("unchecked")
  private static void mergeInto(Map<String, Object> target, Map<String, Object> update) {
    update.forEach(
        (key, value) -> {
          Object existing = target.get(key);
          if (existing instanceof Map<?, ?> && value instanceof Map<?, ?>) {
            mergeInto((Map<String, Object>) existing, (Map<String, Object>) value);
          } else if (existing instanceof List<?> && value instanceof List<?>) {
            List<Object> combined = new ArrayList<>((List<Object>) existing);
            combined.addAll((List<Object>) value);
            target.put(key, combined);
          } else {
            target.put(key, deepCopy(value));
          }
        });
  }

  private static Object deepCopy(Object value) {
    return value == null ? null : JSON.convertValue(value, Object.class);
  }

  /** Identity map from each operation object of a parsed document to its method and path. */
  private static Map<Object, Op> operationNodes(Map<String, Object> document) {
    Map<Object, Op> nodes = new IdentityHashMap<>();
    if (document.get("paths") instanceof Map<?, ?> paths) {
      paths.forEach(
          (path, item) -> {
            if (item instanceof Map<?, ?> pathItem) {
              pathItem.forEach(
                  (method, operation) -> {
                    if (HTTP_METHODS.contains(String.valueOf(method))) {
                      nodes.put(operation, new Op(String.valueOf(method), String.valueOf(path)));
                    }
                  });
            }
          });
    }
    return nodes;
  }

  private static Map<Op, JsonNode> operations(JsonNode document) {
    Map<Op, JsonNode> operations = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue()
          .fields()
          .forEachRemaining(
              method -> {
                if (HTTP_METHODS.contains(method.getKey())) {
                  operations.put(new Op(method.getKey(), path.getKey()), method.getValue());
                }
              });
    }
    return operations;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              field -> {
                if ("$ref".equals(field.getKey()) && field.getValue().isTextual()) {
                  refs.add(field.getValue().asText());
                } else {
                  collectRefs(field.getValue(), refs);
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }

  /** Follows a local {@code $ref} (repeatedly) within the description. */
  private static JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
      current = spec.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }

  private static void expect(
      List<String> problems, Op op, JsonNode pagination, String key, String expected) {
    if (!expected.equals(pagination.path(key).asText())) {
      problems.add(
          op
              + " x-mcp-pagination."
              + key
              + " is "
              + pagination.path(key)
              + ", expected "
              + expected);
    }
  }

  private static String lines(List<String> problems) {
    return String.join("\n", problems.stream().map(p -> "  - " + p).toList());
  }
}
