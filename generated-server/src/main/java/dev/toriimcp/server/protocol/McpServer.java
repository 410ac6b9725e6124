package dev.toriimcp.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toriimcp.runtime.search.ToolSearch;
import dev.toriimcp.server.runtime.EndpointContext;
import dev.toriimcp.server.runtime.ToolCatalog;
import dev.toriimcp.server.runtime.ToolExecutor;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The MCP tools surface, for both protocol eras, chosen per request: the stateful revisions
 * (2025-06-18, 2025-11-25: initialize, sessions, ping, logging/setLevel) and the stateless
 * 2026-07-28 revision (server/discover, per-request {@code _meta}, routing headers matched against
 * the body, {@code resultType} and cache hints on results). Transports hand it parsed messages and
 * send back what it returns; it never sees sockets.
 */
public final class McpServer implements McpHandler {
  private static final Logger LOG = Logger.getLogger(McpServer.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_SESSIONS = 10_000;

  /** Tool names of discovery exposure. */
  public static final String SEARCH_TOOLS = "search_tools";

  public static final String GET_TOOL_SCHEMA = "get_tool_schema";
  public static final String CALL_TOOL = "call_tool";

  private final ToolExecutor executor;
  private final String serverName;
  private final String serverVersion;
  private final String instructions;
  private final Map<String, Session> sessions =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
              return size() > MAX_SESSIONS;
            }
          });
  private final Map<String, Thread> inFlight = new ConcurrentHashMap<>();

  /** A stateful-era session: its version, endpoint and log level. */
  private record Session(String version, String endpoint) {}

  public McpServer(
      ToolExecutor executor, String serverName, String serverVersion, String instructions) {
    this.executor = executor;
    this.serverName = serverName;
    this.serverVersion = serverVersion;
    this.instructions = instructions;
  }

  /** Handles one message for one endpoint. */
  @Override
  public Outgoing handle(Incoming in, EndpointContext endpoint) {
    JsonNode msg = in.message();
    if (msg == null || !msg.isObject()) {
      return new Outgoing(
          400,
          JsonRpc.error(
              null, JsonRpc.INVALID_REQUEST, "Invalid request: expected one JSON-RPC object", null),
          null);
    }
    JsonNode id = msg.get("id");
    if (id != null && !(id.isNull() || id.isTextual() || id.isNumber())) {
      // Echoing an object or array back as the id would make an invalid response.
      return new Outgoing(
          400,
          JsonRpc.error(
              null,
              JsonRpc.INVALID_REQUEST,
              "Invalid request: id must be a string or a number",
              null),
          null);
    }
    JsonNode methodNode = msg.get("method");
    if (methodNode != null && !methodNode.isTextual()) {
      return new Outgoing(
          400,
          JsonRpc.error(
              id, JsonRpc.INVALID_REQUEST, "Invalid request: method must be a string", null),
          null);
    }
    String method = methodNode == null ? null : methodNode.asText();
    if (!"2.0".equals(msg.path("jsonrpc").asText())) {
      return new Outgoing(
          400,
          JsonRpc.error(
              id, JsonRpc.INVALID_REQUEST, "Invalid request: jsonrpc must be \"2.0\"", null),
          null);
    }
    if (method == null) {
      // A response from the client (we send no requests) or garbage: accept responses quietly.
      return msg.has("result") || msg.has("error")
          ? Outgoing.accepted()
          : new Outgoing(
              400,
              JsonRpc.error(id, JsonRpc.INVALID_REQUEST, "Invalid request: no method", null),
              null);
    }
    JsonNode params = msg.path("params");
    boolean notification = id == null;
    if (isStateless(in, params)) {
      return stateless(in, endpoint, id, method, params, notification);
    }
    return stateful(in, endpoint, id, method, params, notification);
  }

  private static boolean isStateless(Incoming in, JsonNode params) {
    String header = in.header("MCP-Protocol-Version");
    if (header != null && Versions.stateless(header)) {
      return true;
    }
    return params.path("_meta").has(Versions.META_VERSION)
        || (header == null && params.path("_meta").has(Versions.META_CAPABILITIES));
  }

  // ---- 2026-07-28 -------------------------------------------------------------------------

  private Outgoing stateless(
      Incoming in,
      EndpointContext endpoint,
      JsonNode id,
      String method,
      JsonNode params,
      boolean notification) {
    JsonNode meta = params.path("_meta");
    String header = in.header("MCP-Protocol-Version");
    if (in.overHttp() && header == null) {
      return reject(id, 400, JsonRpc.HEADER_MISMATCH, "Missing MCP-Protocol-Version header", null);
    }
    if (notification) {
      return Outgoing.accepted();
    }
    List<String> missing = new ArrayList<>();
    for (String key : List.of(Versions.META_VERSION, Versions.META_CAPABILITIES)) {
      if (!meta.has(key)) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      return reject(
          id,
          400,
          JsonRpc.INVALID_PARAMS,
          "Invalid params: missing _meta keys: " + String.join(", ", missing),
          null);
    }
    String version = meta.path(Versions.META_VERSION).asText("");
    if (in.overHttp() && !version.equals(header)) {
      return reject(
          id,
          400,
          JsonRpc.HEADER_MISMATCH,
          "MCP-Protocol-Version header does not match _meta protocolVersion",
          null);
    }
    if (!Versions.stateless(version)) {
      ObjectNode data = JsonRpc.MAPPER.createObjectNode();
      ArrayNode supported = data.putArray("supported");
      Versions.ALL.forEach(supported::add);
      data.put("requested", version);
      return reject(id, 400, JsonRpc.UNSUPPORTED_VERSION, "Unsupported protocol version", data);
    }
    if (in.overHttp()) {
      String mcpMethod = in.header("Mcp-Method");
      if (mcpMethod == null) {
        return reject(id, 400, JsonRpc.HEADER_MISMATCH, "Missing Mcp-Method header", null);
      }
      if (!mcpMethod.equals(method)) {
        return reject(
            id,
            400,
            JsonRpc.HEADER_MISMATCH,
            "Mcp-Method header does not match the body's method",
            null);
      }
      if (method.equals("tools/call")) {
        String name = params.path("name").asText(null);
        String mcpName = in.header("Mcp-Name");
        if (name != null && mcpName == null) {
          return reject(id, 400, JsonRpc.HEADER_MISMATCH, "Missing Mcp-Name header", null);
        }
        if (name != null && !name.equals(mcpName)) {
          return reject(
              id,
              400,
              JsonRpc.HEADER_MISMATCH,
              "Mcp-Name header does not match the body's params.name",
              null);
        }
      }
    }
    ObjectNode result;
    switch (method) {
      case "server/discover" -> result = discover();
      case "tools/list" -> {
        result = toolsList(endpoint);
        result.put("ttlMs", 0);
        result.put("cacheScope", "private");
      }
      case "tools/call" -> {
        Outgoing call = toolsCall(id, params, endpoint, in, 400);
        if (call.body().has("error")) {
          return call;
        }
        result = (ObjectNode) call.body().get("result");
      }
      default -> {
        return reject(id, 404, JsonRpc.METHOD_NOT_FOUND, "Method not found: " + method, null);
      }
    }
    result.put("resultType", "complete");
    return Outgoing.ok(JsonRpc.result(id, result));
  }

  private ObjectNode discover() {
    ObjectNode r = JsonRpc.MAPPER.createObjectNode();
    ArrayNode versions = r.putArray("supportedVersions");
    Versions.ALL.forEach(versions::add);
    r.set("capabilities", capabilities());
    r.set("serverInfo", serverInfo());
    r.put("instructions", instructions);
    r.putObject("_meta").set(Versions.META_SERVER_INFO, serverInfo());
    r.put("ttlMs", 0);
    r.put("cacheScope", "private");
    return r;
  }

  // ---- 2025-06-18 and 2025-11-25 -----------------------------------------------------------

  private Outgoing stateful(
      Incoming in,
      EndpointContext endpoint,
      JsonNode id,
      String method,
      JsonNode params,
      boolean notification) {
    String header = in.header("MCP-Protocol-Version");
    if (method.equals("initialize")) {
      if (notification) {
        return Outgoing.accepted();
      }
      String requested = params.path("protocolVersion").asText("");
      String version = Versions.STATEFUL.contains(requested) ? requested : Versions.STATEFUL.get(0);
      ObjectNode result = JsonRpc.MAPPER.createObjectNode();
      result.put("protocolVersion", version);
      result.set("capabilities", capabilities());
      result.set("serverInfo", serverInfo());
      result.put("instructions", instructions);
      String sessionId = null;
      if (in.overHttp()) {
        sessionId = newSessionId();
        sessions.put(sessionId, new Session(version, endpoint.name()));
      }
      return new Outgoing(200, JsonRpc.result(id, result), sessionId);
    }
    Session session = null;
    if (in.overHttp()) {
      if (header != null && !Versions.ALL.contains(header) && !header.equals("2025-03-26")) {
        return reject(
            id,
            400,
            JsonRpc.INVALID_REQUEST,
            "Unsupported MCP-Protocol-Version: "
                + header
                + "; supported: "
                + String.join(", ", Versions.ALL),
            null);
      }
      if (in.sessionId() == null) {
        return reject(
            id,
            400,
            JsonRpc.INVALID_REQUEST,
            "Missing Mcp-Session-Id header: send initialize first",
            null);
      }
      session = sessions.get(in.sessionId());
      if (session == null || !session.endpoint().equals(endpoint.name())) {
        return reject(
            id, 404, JsonRpc.INVALID_REQUEST, "Unknown or expired session: initialize again", null);
      }
    }
    if (notification) {
      if (method.equals("notifications/cancelled")) {
        cancel(in, params);
      }
      return Outgoing.accepted();
    }
    return switch (method) {
      case "ping" -> Outgoing.ok(JsonRpc.result(id, JsonRpc.MAPPER.createObjectNode()));
      case "logging/setLevel" -> {
        String level = params.path("level").asText("");
        if (!List.of(
                "debug", "info", "notice", "warning", "error", "critical", "alert", "emergency")
            .contains(level)) {
          yield Outgoing.ok(
              JsonRpc.error(
                  id,
                  JsonRpc.INVALID_PARAMS,
                  "Invalid params: unknown log level '" + level + "'",
                  null));
        }
        yield Outgoing.ok(JsonRpc.result(id, JsonRpc.MAPPER.createObjectNode()));
      }
      case "tools/list" -> Outgoing.ok(JsonRpc.result(id, toolsList(endpoint)));
      case "tools/call" -> toolsCall(id, params, endpoint, in, 200);
      default ->
          Outgoing.ok(
              JsonRpc.error(id, JsonRpc.METHOD_NOT_FOUND, "Method not found: " + method, null));
    };
  }

  /** Ends a stateful session (HTTP DELETE); false when there was none. */
  @Override
  public boolean endSession(String sessionId, EndpointContext endpoint) {
    Session s = sessionId == null ? null : sessions.get(sessionId);
    if (s == null || !s.endpoint().equals(endpoint.name())) {
      return false;
    }
    sessions.remove(sessionId);
    return true;
  }

  private void cancel(Incoming in, JsonNode params) {
    Thread t = inFlight.get(flightKey(in, params.path("requestId")));
    if (t != null) {
      t.interrupt();
    }
  }

  private static String flightKey(Incoming in, JsonNode requestId) {
    return (in.sessionId() == null ? "" : in.sessionId()) + "/" + requestId;
  }

  // ---- tools -------------------------------------------------------------------------------

  private ObjectNode toolsList(EndpointContext endpoint) {
    ObjectNode r = JsonRpc.MAPPER.createObjectNode();
    ArrayNode tools = r.putArray("tools");
    if (endpoint.discovery()) {
      DiscoveryTools.listings().forEach(tools::add);
    } else {
      executor.visible(endpoint).forEach(e -> tools.add(e.listing(endpoint.portable())));
    }
    return r;
  }

  private Outgoing toolsCall(
      JsonNode id, JsonNode params, EndpointContext endpoint, Incoming in, int errorStatus) {
    String name = params.path("name").asText(null);
    if (name == null) {
      return new Outgoing(
          errorStatus == 200 ? 200 : 400,
          JsonRpc.error(
              id, JsonRpc.INVALID_PARAMS, "Invalid params: tools/call needs a tool name", null),
          null);
    }
    JsonNode arguments = params.get("arguments");
    if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
      return new Outgoing(
          errorStatus == 200 ? 200 : 400,
          JsonRpc.error(
              id, JsonRpc.INVALID_PARAMS, "Invalid params: arguments must be an object", null),
          null);
    }
    String key = flightKey(in, id);
    inFlight.put(key, Thread.currentThread());
    try {
      ObjectNode result =
          endpoint.discovery()
              ? DiscoveryTools.call(executor, endpoint, name, arguments)
              : executor.call(endpoint, name, arguments);
      return Outgoing.ok(JsonRpc.result(id, result));
    } catch (ToolExecutor.UnknownToolException e) {
      return new Outgoing(
          errorStatus == 200 ? 200 : 400,
          JsonRpc.error(id, JsonRpc.INVALID_PARAMS, e.getMessage(), null),
          null);
    } catch (InterruptedException e) {
      Thread.interrupted();
      return Outgoing.ok(JsonRpc.error(id, JsonRpc.INTERNAL_ERROR, "The call was cancelled", null));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "tool " + name + " failed: " + e.getClass().getName());
      return Outgoing.ok(
          JsonRpc.error(id, JsonRpc.INTERNAL_ERROR, "Internal error while running " + name, null));
    } finally {
      inFlight.remove(key);
    }
  }

  private static ObjectNode capabilities() {
    ObjectNode c = JsonRpc.MAPPER.createObjectNode();
    c.putObject("tools").put("listChanged", false);
    c.putObject("logging");
    return c;
  }

  private ObjectNode serverInfo() {
    ObjectNode s = JsonRpc.MAPPER.createObjectNode();
    s.put("name", serverName);
    s.put("title", "Torii MCP");
    s.put("version", serverVersion);
    return s;
  }

  private static String newSessionId() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static Outgoing reject(JsonNode id, int status, int code, String message, JsonNode data) {
    return new Outgoing(status, JsonRpc.error(id, code, message, data), null);
  }

  /** A searchable index of the tools an endpoint may see. */
  static ToolSearch search(List<ToolCatalog.Entry> visible) {
    List<ToolSearch.Document> docs = new ArrayList<>();
    for (ToolCatalog.Entry e : visible) {
      docs.add(
          new ToolSearch.Document(
              e.name(),
              e.info().operationId(),
              e.info().title(),
              e.info().description(),
              e.info().tags(),
              ToolCatalog.argumentNames(e),
              e.info().access().verb().word()));
    }
    return new ToolSearch(docs);
  }
}
