package dev.toriimcp.server.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toriimcp.runtime.ToolInfo;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rules of accounts and scoped servers, shared by the admin API and the command line: JSON in,
 * JSON out, with snake_case fields. Secrets go in but never come out, except a new server's URL
 * once.
 */
public final class AccessService {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A server must live at least this long. */
  public static final Duration MIN_LIFETIME = Duration.ofSeconds(60);

  /** A request the caller can fix; the message says how. */
  public static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;

    public BadRequest(String message) {
      super(message);
    }
  }

  /** Nothing by that id. */
  public static final class NotFound extends Exception {
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
      super(message);
    }
  }

  private final AccessStore store;
  private final List<ToolInfo> tools;
  private final Supplier<String> publicBase;
  private final UpstreamPolicy upstreams;

  /**
   * @param publicBase the server's base URL for MCP URLs, e.g. {@code http://127.0.0.1:8808}
   * @param upstreams the base URLs accounts may use
   */
  public AccessService(
      AccessStore store,
      List<ToolInfo> tools,
      Supplier<String> publicBase,
      UpstreamPolicy upstreams) {
    this.store = store;
    this.tools = List.copyOf(tools);
    this.publicBase = publicBase;
    this.upstreams = upstreams;
  }

  public AccessStore store() {
    return store;
  }

  // ---- accounts ---------------------------------------------------------------------------

  public ObjectNode createAccount(JsonNode body) throws BadRequest {
    String name = text(body, "name", true);
    String baseUrl = text(body, "base_url", false);
    String apiKey = text(body, "api_key", true);
    URI uri;
    try {
      uri = URI.create(baseUrl == null ? "https://api.toriihq.com/v1.0" : baseUrl);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("base_url is not a URL");
    }
    String refusal = upstreams.refusal(uri);
    if (refusal != null) {
      throw new BadRequest(refusal);
    }
    return account(store.createAccount(name, uri, apiKey));
  }

  public ArrayNode listAccounts() {
    ArrayNode out = MAPPER.createArrayNode();
    store.listAccounts().forEach(a -> out.add(account(a)));
    return out;
  }

  public ObjectNode getAccount(String id) throws NotFound {
    return account(
        store.account(id).orElseThrow(() -> new NotFound("no integrated account " + id)));
  }

  public void deleteAccount(String id) throws NotFound {
    if (!store.deleteAccount(id)) {
      throw new NotFound("no integrated account " + id);
    }
  }

  private static ObjectNode account(AccessStore.Account a) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", a.id());
    o.put("name", a.name());
    o.put("base_url", a.baseUrl());
    o.put("created_at", a.createdAt().toString());
    return o;
  }

  // ---- servers ----------------------------------------------------------------------------

  public ObjectNode createServer(String accountId, JsonNode body) throws BadRequest, NotFound {
    store.account(accountId).orElseThrow(() -> new NotFound("no integrated account " + accountId));
    String name = text(body, "name", true);
    ServerConfig config =
        config(body.path("config"), new ServerConfig(List.of(), List.of(), "all"));
    Instant expires = expiresAt(body, true).orElse(null);
    boolean second = body.path("require_api_token_auth").asBoolean(false);
    if (body.has("require_api_token_auth") && !body.get("require_api_token_auth").isBoolean()) {
      throw new BadRequest("require_api_token_auth must be true or false");
    }
    AccessStore.Created created = store.createServer(accountId, name, config, expires, second);
    ObjectNode o = server(created.server());
    o.put("url", publicBase.get() + "/mcp/" + created.token());
    return o;
  }

  public ArrayNode listServers(String accountId) throws NotFound {
    store.account(accountId).orElseThrow(() -> new NotFound("no integrated account " + accountId));
    ArrayNode out = MAPPER.createArrayNode();
    store.listServers(accountId).forEach(s -> out.add(server(s)));
    return out;
  }

  public ObjectNode getServer(String accountId, String id) throws NotFound {
    return server(
        store
            .server(accountId, id)
            .orElseThrow(() -> new NotFound("no MCP server " + id + " in account " + accountId)));
  }

  /** Changes name, config and expires_at (null clears it); other fields stay. */
  public ObjectNode updateServer(String accountId, String id, JsonNode body)
      throws BadRequest, NotFound {
    AccessStore.Server s =
        store
            .server(accountId, id)
            .orElseThrow(() -> new NotFound("no MCP server " + id + " in account " + accountId));
    String name = body.has("name") ? text(body, "name", true) : s.name();
    ServerConfig config = body.has("config") ? config(body.get("config"), s.config()) : s.config();
    Instant expires = body.has("expires_at") ? expiresAt(body, false).orElse(null) : s.expiresAt();
    AccessStore.Server updated =
        new AccessStore.Server(
            s.id(), s.accountId(), name, config, expires, s.requireApiTokenAuth(), s.createdAt());
    store.updateServer(updated);
    return server(updated);
  }

  public void deleteServer(String accountId, String id) throws NotFound {
    if (!store.deleteServer(accountId, id)) {
      throw new NotFound("no MCP server " + id + " in account " + accountId);
    }
  }

  private ServerConfig config(JsonNode c, ServerConfig current) throws BadRequest {
    if (!c.isMissingNode() && !c.isObject()) {
      throw new BadRequest(
          "config must be an object {methods, tags, tool_exposure, schema_profile}");
    }
    ServerConfig config =
        new ServerConfig(
            c.has("methods") ? words(c.get("methods"), "config.methods") : current.methods(),
            c.has("tags") ? words(c.get("tags"), "config.tags") : current.tags(),
            c.has("tool_exposure") ? c.get("tool_exposure").asText() : current.toolExposure(),
            c.has("schema_profile") ? c.get("schema_profile").asText() : current.schemaProfile());
    List<String> problems = config.problems(tools);
    if (!problems.isEmpty()) {
      throw new BadRequest(String.join("; ", problems));
    }
    return config;
  }

  private static List<String> words(JsonNode n, String field) throws BadRequest {
    List<String> out = new ArrayList<>();
    if (n.isTextual()) {
      out.add(n.asText());
      return out;
    }
    if (!n.isArray()) {
      throw new BadRequest(field + " must be a list of words");
    }
    for (JsonNode w : n) {
      if (!w.isTextual() || w.asText().isBlank() || w.asText().contains(",")) {
        throw new BadRequest(field + " must be a list of words");
      }
      out.add(w.asText());
    }
    return out;
  }

  private Optional<Instant> expiresAt(JsonNode body, boolean creating) throws BadRequest {
    JsonNode e = body.get("expires_at");
    if (e == null || e.isNull()) {
      return Optional.empty();
    }
    Instant at;
    try {
      at = Instant.parse(e.asText());
    } catch (DateTimeParseException ex) {
      throw new BadRequest(
          "expires_at must be an ISO 8601 instant such as 2026-12-01T09:00:00Z, or null");
    }
    Instant earliest = store.clock().instant().plus(MIN_LIFETIME);
    if (at.isBefore(earliest)) {
      throw new BadRequest(
          "expires_at must be at least 60 seconds in the future (" + earliest + " or later)");
    }
    return Optional.of(at);
  }

  private static ObjectNode server(AccessStore.Server s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", s.id());
    o.put("account_id", s.accountId());
    o.put("name", s.name());
    ObjectNode c = o.putObject("config");
    ArrayNode m = c.putArray("methods");
    s.config().methods().forEach(m::add);
    ArrayNode t = c.putArray("tags");
    s.config().tags().forEach(t::add);
    c.put("tool_exposure", s.config().toolExposure());
    c.put("schema_profile", s.config().schemaProfile());
    if (s.expiresAt() == null) {
      o.putNull("expires_at");
    } else {
      o.put("expires_at", s.expiresAt().toString());
    }
    o.put("require_api_token_auth", s.requireApiTokenAuth());
    o.put("created_at", s.createdAt().toString());
    return o;
  }

  private static String text(JsonNode body, String field, boolean required) throws BadRequest {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        throw new BadRequest(field + " is required");
      }
      return null;
    }
    if (!n.isTextual() || n.asText().isBlank()) {
      throw new BadRequest(field + " must be a non-empty string");
    }
    return n.asText().strip();
  }
}
