package dev.toriimcp.server.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toriimcp.runtime.Pagination;
import dev.toriimcp.runtime.Tool;
import dev.toriimcp.runtime.ToolInfo;
import dev.toriimcp.runtime.UpstreamRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one tool call, the same way for every tool: find (honouring the endpoint's filter),
 * validate, bind, encode, send, and map the answer to an MCP result. Upstream failures become tool
 * errors ({@code isError: true}) that say what happened; a 429 carries the rate-limit figures.
 * Nothing is retried.
 */
public final class ToolExecutor {
  private static final Logger LOG = Logger.getLogger(ToolExecutor.class.getName());
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The {@code _meta} key of rate-limit figures on a 429 result. */
  public static final String RATE_LIMIT_META = "dev.toriimcp/rateLimit";

  /** The {@code _meta} key of the truncation note on a cut result. */
  public static final String TRUNCATED_META = "dev.toriimcp/truncated";

  /** Thrown for a tool that does not exist for the endpoint (also when filtered out). */
  public static final class UnknownToolException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnknownToolException(String name) {
      super("Unknown tool: " + name);
    }
  }

  /**
   * Limits of one server.
   *
   * @param requestTimeout how long one upstream call may take, from sending to the whole answer
   * @param maxResultBytes the largest result text sent to the client
   * @param connectTimeout how long connecting to the upstream may take
   */
  public record Limits(Duration requestTimeout, int maxResultBytes, Duration connectTimeout) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(30), 100_000);

    /** Limits with the default connect timeout. */
    public Limits(Duration requestTimeout, int maxResultBytes) {
      this(requestTimeout, maxResultBytes, DEFAULT_CONNECT_TIMEOUT);
    }
  }

  private final ToolCatalog catalog;
  private final RequestEncoder encoder;
  private final UpstreamClient client;
  private final Limits limits;
  private final Map<String, ArgumentValidator> validators = new ConcurrentHashMap<>();

  public ToolExecutor(ToolCatalog catalog, UpstreamClient client, Limits limits) {
    this.catalog = catalog;
    this.client = client;
    this.limits = limits;
    this.encoder = new RequestEncoder(limits.requestTimeout(), "torii-mcp/0.1");
  }

  public ToolCatalog catalog() {
    return catalog;
  }

  /** The entries an endpoint may see. */
  public List<ToolCatalog.Entry> visible(EndpointContext endpoint) {
    return catalog.entries().stream().filter(e -> endpoint.tools().test(e.info())).toList();
  }

  /** The entry of a tool the endpoint may call. */
  public ToolCatalog.Entry entry(EndpointContext endpoint, String name)
      throws UnknownToolException {
    Optional<ToolCatalog.Entry> e = catalog.find(name);
    if (e.isEmpty() || !endpoint.tools().test(e.get().info())) {
      throw new UnknownToolException(name);
    }
    return e.get();
  }

  /** Calls a tool and returns the MCP {@code CallToolResult}. */
  public ObjectNode call(EndpointContext endpoint, String name, JsonNode arguments)
      throws UnknownToolException, InterruptedException {
    ToolCatalog.Entry entry = entry(endpoint, name);
    Prepared prepared = prepare(endpoint, entry, arguments);
    if (prepared.refusal() != null) {
      return prepared.refusal();
    }
    HttpRequest http = prepared.request();
    UpstreamClient.Response response;
    long started = System.nanoTime();
    try {
      response = client.send(http);
    } catch (HttpTimeoutException e) {
      return error(
          "Torii did not answer "
              + name
              + " within "
              + limits.requestTimeout().toSeconds()
              + " s. The call may or may not have taken effect; check before repeating a write.");
    } catch (ConnectException e) {
      // Without a message it was refused (the JDK's client says nothing more then).
      String why = e.getMessage() == null ? "" : e.getMessage().strip();
      if (why.toLowerCase(java.util.Locale.ROOT).contains("reset")) {
        return error(
            "The connection to Torii failed during "
                + name
                + ": "
                + e.getClass().getSimpleName()
                + ".");
      }
      return error(
          "Torii could not be reached for "
              + name
              + " ("
              + (why.isEmpty() ? "connection refused" : why)
              + ").");
    } catch (IOException e) {
      return error(
          "The connection to Torii failed during "
              + name
              + ": "
              + e.getClass().getSimpleName()
              + ".");
    }
    LOG.log(
        Level.FINE,
        () ->
            name
                + " -> "
                + response.status()
                + " in "
                + (System.nanoTime() - started) / 1_000_000
                + " ms");
    return result(entry.info(), response, endpoint.upstream().apiKey());
  }

  /**
   * What one call would send, or why nothing is sent.
   *
   * @param request the upstream request, when the arguments are good
   * @param refusal the tool error naming the bad arguments, otherwise
   */
  record Prepared(HttpRequest request, ObjectNode refusal) {}

  /** Validates, binds and encodes the arguments of one call; sends nothing. */
  Prepared prepare(EndpointContext endpoint, ToolCatalog.Entry entry, JsonNode arguments) {
    String name = entry.name();
    JsonNode args = arguments == null || arguments.isNull() ? MAPPER.createObjectNode() : arguments;
    List<String> problems =
        validators
            .computeIfAbsent(name, n -> new ArgumentValidator(entry.inputSchema()))
            .validate(args);
    if (!problems.isEmpty()) {
      return new Prepared(
          null,
          error(
              "The arguments of "
                  + name
                  + " are not valid; nothing was sent to Torii. Fix these and call again:\n- "
                  + String.join("\n- ", problems)));
    }
    UpstreamRequest request;
    try {
      request = bind(entry.tool(), args);
    } catch (IllegalArgumentException e) {
      return new Prepared(
          null,
          error("The arguments of " + name + " could not be used: " + firstLine(e.getMessage())));
    }
    return new Prepared(encoder.encode(request, endpoint.upstream()), null);
  }

  @SuppressWarnings("unchecked")
  private static <I extends Record> UpstreamRequest bind(Tool<I> tool, JsonNode args) {
    I input;
    try {
      input = MAPPER.treeToValue(args, tool.inputType());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(bindProblem(e), e);
    }
    return tool.toRequest(input);
  }

  /**
   * What was wrong with an argument that passed the schema but could not be bound, in the
   * arguments' own words: Jackson's message names Java classes, which are no business of a client.
   */
  static String bindProblem(JsonProcessingException e) {
    StringBuilder where = new StringBuilder();
    if (e instanceof JsonMappingException m) {
      for (JsonMappingException.Reference r : m.getPath()) {
        if (r.getFieldName() != null) {
          where.append(where.length() == 0 ? "" : ".").append(r.getFieldName());
        } else if (r.getIndex() >= 0) {
          where.append('[').append(r.getIndex()).append(']');
        }
      }
    }
    String at = where.length() == 0 ? "arguments" : where.toString();
    if (e instanceof UnrecognizedPropertyException) {
      return at + ": unknown argument";
    }
    return at + ": the value does not fit this argument's type";
  }

  private ObjectNode result(ToolInfo info, UpstreamClient.Response response, String apiKey) {
    int status = response.status();
    if (response.tooLarge()) {
      return error(
          "Torii's answer to "
              + info.name()
              + " is larger than this server accepts. Ask for less: pass a smaller limit or fewer"
              + " fields.");
    }
    if (status == 429) {
      return rateLimited(info, response.headers());
    }
    if (status < 200 || status >= 300) {
      String text = new String(response.body(), StandardCharsets.UTF_8);
      return error(
          "Torii answered "
              + info.name()
              + " with HTTP "
              + status
              + reason(status)
              + ": "
              + hide(upstreamMessage(text, status), apiKey));
    }
    JsonNode body;
    if (blank(response.body())) {
      body = MAPPER.createObjectNode();
    } else {
      try {
        // straight from the bytes: no intermediate String of the whole answer
        body = MAPPER.readTree(response.body());
      } catch (IOException e) {
        return error(
            "Torii answered "
                + info.name()
                + " with something that is not JSON (HTTP "
                + status
                + "); nothing could be read from it.");
      }
    }
    ObjectNode structured;
    if (body.isObject()) {
      structured = (ObjectNode) body;
    } else {
      structured = MAPPER.createObjectNode();
      structured.set("result", body);
    }
    info.pagination().ifPresent(p -> renameCursor(structured, p));
    return success(info, structured);
  }

  /** Whether a body is empty or only whitespace (as {@link String#isBlank()} sees UTF-8 text). */
  private static boolean blank(byte[] body) {
    for (byte b : body) {
      if (b < 0) {
        return new String(body, StandardCharsets.UTF_8).isBlank();
      }
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  /** Upstream text with the API key cut out, should the upstream echo the request's headers. */
  static String hide(String text, String apiKey) {
    return apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, "(hidden)");
  }

  /**
   * Torii's cursor field becomes {@code next_cursor}, its value untouched; absent on the last page.
   */
  static void renameCursor(ObjectNode structured, Pagination p) {
    if (!structured.has(p.nextCursorField())) {
      return;
    }
    JsonNode cursor = structured.remove(p.nextCursorField());
    if (cursor != null && !cursor.isNull() && !(cursor.isTextual() && cursor.asText().isEmpty())) {
      structured.set(Pagination.CURSOR_ARGUMENT, cursor);
    }
  }

  private ObjectNode success(ToolInfo info, ObjectNode structured) {
    String json = structured.toString();
    if (json.length() <= limits.maxResultBytes()) {
      ObjectNode r = MAPPER.createObjectNode();
      r.putArray("content").addObject().put("type", "text").put("text", json);
      r.set("structuredContent", structured);
      return r;
    }
    return truncated(info, structured, json);
  }

  /**
   * A result too large to send. A page of items is cut to the items that fit, and the cursor is
   * left out so that nothing is skipped: the agent is told to ask again with that page size.
   * Anything else is cut as text.
   */
  private ObjectNode truncated(ToolInfo info, ObjectNode structured, String json) {
    String field = info.pagination().map(Pagination::itemsField).orElse(null);
    if (field == null || !structured.path(field).isArray()) {
      field = firstArrayField(structured);
    }
    ObjectNode r = MAPPER.createObjectNode();
    if (field != null) {
      ArrayNode items = (ArrayNode) structured.get(field);
      int total = items.size();
      ObjectNode cut = structured.deepCopy();
      cut.remove(Pagination.CURSOR_ARGUMENT);
      ArrayNode kept = cut.putArray(field);
      int budget = limits.maxResultBytes() - (cut.toString().length() + 400);
      int used = 0;
      for (JsonNode item : items) {
        int size = item.toString().length() + 1;
        if (used + size > budget) {
          break;
        }
        kept.add(item);
        used += size;
      }
      String note =
          "Result truncated: "
              + kept.size()
              + " of "
              + total
              + " items in `"
              + field
              + "` are shown and the rest of this page was left out (next_cursor was removed so"
              + " nothing is skipped). Ask for fewer `fields`, or call again with limit="
              + Math.max(1, kept.size())
              + " and page with next_cursor.";
      r.putArray("content")
          .add(MAPPER.createObjectNode().put("type", "text").put("text", cut.toString()))
          .add(MAPPER.createObjectNode().put("type", "text").put("text", note));
      r.set("structuredContent", cut);
      r.putObject("_meta").put(TRUNCATED_META, note);
      return r;
    }
    String note =
        "Result truncated to "
            + limits.maxResultBytes()
            + " of "
            + json.length()
            + " characters. Ask for fewer `fields` or use `limit` to get a complete answer.";
    r.putArray("content")
        .add(
            MAPPER
                .createObjectNode()
                .put("type", "text")
                .put("text", json.substring(0, limits.maxResultBytes())))
        .add(MAPPER.createObjectNode().put("type", "text").put("text", note));
    r.putObject("_meta").put(TRUNCATED_META, note);
    return r;
  }

  private static String firstArrayField(ObjectNode o) {
    var it = o.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (e.getValue().isArray()) {
        return e.getKey();
      }
    }
    return null;
  }

  /**
   * A 429: the tool error carries {@code ratelimit-limit}, {@code ratelimit-remaining}, {@code
   * ratelimit-reset} (IETF draft) and {@code Retry-After}, in the text and in {@code _meta}.
   */
  private ObjectNode rateLimited(ToolInfo info, HttpHeaders headers) {
    OptionalLong retryAfter = number(headers, "retry-after");
    OptionalLong limit = number(headers, "ratelimit-limit");
    if (limit.isEmpty()) {
      limit = number(headers, "x-ratelimit-limit");
    }
    if (limit.isEmpty() && info.rateLimit().isPresent()) {
      limit = OptionalLong.of(info.rateLimit().get().requestsPerMinute());
    }
    OptionalLong remaining = number(headers, "ratelimit-remaining");
    OptionalLong reset = number(headers, "ratelimit-reset");
    if (reset.isEmpty()) {
      reset = retryAfter.isPresent() ? retryAfter : OptionalLong.of(60);
    }
    long retry = retryAfter.orElse(reset.getAsLong());
    ObjectNode figures = MAPPER.createObjectNode();
    if (limit.isPresent()) {
      figures.put("ratelimit-limit", limit.getAsLong());
    }
    figures.put("ratelimit-remaining", remaining.orElse(0));
    figures.put("ratelimit-reset", reset.getAsLong());
    figures.put("Retry-After", retry);
    String text =
        "Torii's rate limit for "
            + info.name()
            + " is reached"
            + info.rateLimit()
                .map(r -> " (" + r.requestsPerMinute() + " requests per minute)")
                .orElse("")
            + ". This call was not sent again. Wait "
            + retry
            + " seconds before calling it again. ratelimit-limit: "
            + (limit.isPresent() ? limit.getAsLong() : "unknown")
            + ", ratelimit-remaining: "
            + remaining.orElse(0)
            + ", ratelimit-reset: "
            + reset.getAsLong()
            + ", Retry-After: "
            + retry
            + (retryAfter.isEmpty()
                ? " (Torii sent no Retry-After; this is the limit's window)"
                : "");
    ObjectNode r = error(text);
    r.putObject("_meta").set(RATE_LIMIT_META, figures);
    return r;
  }

  private static OptionalLong number(HttpHeaders headers, String name) {
    Optional<String> v = headers.firstValue(name);
    if (v.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Math.max(0, Long.parseLong(v.get().trim())));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** Torii's own words: {@code message}, else {@code error}, else the status text. */
  static String upstreamMessage(String body, int status) {
    String message = null;
    try {
      JsonNode n = MAPPER.readTree(body);
      if (n != null && n.isObject()) {
        message = n.path("message").asText(null);
        if (message == null || message.isBlank()) {
          message = n.path("error").asText(null);
        }
      }
    } catch (JsonProcessingException e) {
      message = body.isBlank() ? null : body;
    }
    if (message == null || message.isBlank()) {
      message = "no details";
    }
    message = message.replaceAll("[\\p{Cntrl}&&[^\n]]", " ").strip();
    return message.length() > 600 ? message.substring(0, 600) + "..." : message;
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> " (Bad Request)";
      case 401 -> " (Unauthorized: the API key is missing, wrong or expired)";
      case 403 -> " (Forbidden: the API key lacks permission)";
      case 404 -> " (Not Found)";
      case 409 -> " (Conflict)";
      case 422 -> " (Unprocessable)";
      case 500 -> " (Internal Server Error)";
      case 502 -> " (Bad Gateway)";
      case 503 -> " (Service Unavailable)";
      case 504 -> " (Gateway Timeout)";
      default -> "";
    };
  }

  static ObjectNode error(String text) {
    ObjectNode r = MAPPER.createObjectNode();
    r.putArray("content").addObject().put("type", "text").put("text", text);
    r.put("isError", true);
    return r;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
