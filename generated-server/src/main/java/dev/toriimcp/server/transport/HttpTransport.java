package dev.toriimcp.server.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toriimcp.server.access.EndpointResolver;
import dev.toriimcp.server.protocol.Incoming;
import dev.toriimcp.server.protocol.JsonRpc;
import dev.toriimcp.server.protocol.McpHandler;
import dev.toriimcp.server.protocol.Outgoing;
import dev.toriimcp.server.runtime.EndpointContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Streamable HTTP on Jetty: {@code POST /mcp/<token>} carries one JSON-RPC message and gets JSON
 * (or one SSE event, for clients that accept only event streams); notifications get 202; {@code
 * DELETE} ends a stateful session; {@code GET} is 405 (this server starts no streams). Host and
 * Origin are checked first (403), then the body size (413) and the token (404/401).
 */
public final class HttpTransport implements AutoCloseable {
  private static final String PREFIX = "/mcp/";

  private final Server server;
  private final ServerConnector connector;

  /**
   * @param host the address to bind (127.0.0.1)
   * @param port the port, 0 for a free one
   * @param maxBodyBytes the largest request body accepted
   * @param extraHandler handles paths outside {@code /mcp/} (admin API), or null
   */
  public HttpTransport(
      String host,
      int port,
      McpHandler mcp,
      EndpointResolver endpoints,
      HostGuard guard,
      long maxBodyBytes,
      Handler extraHandler) {
    QueuedThreadPool pool = new QueuedThreadPool(200, 8);
    pool.setName("mcp-http");
    pool.setDaemon(true);
    server = new Server(pool);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendDateHeader(false);
    connector = new ServerConnector(server, new HttpConnectionFactory(config));
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new StreamableHttpHandler(mcp, endpoints, guard, maxBodyBytes, extraHandler));
  }

  public HttpTransport start() throws Exception {
    server.start();
    return this;
  }

  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  /**
   * One POSTed body, already within the size limit, to what is sent back: JSON-RPC parse errors and
   * batches are answered here, everything else by the handler. Never throws.
   *
   * @param headers HTTP header lookup by case-insensitive name
   * @param sessionId the {@code Mcp-Session-Id} sent, or null
   */
  static Outgoing exchange(
      McpHandler mcp,
      EndpointContext endpoint,
      byte[] body,
      Function<String, String> headers,
      String sessionId) {
    JsonNode message;
    try {
      message = JsonRpc.MAPPER.readTree(body);
    } catch (IOException e) {
      return new Outgoing(
          400,
          JsonRpc.error(null, JsonRpc.PARSE_ERROR, "Parse error: the body is not JSON", null),
          null);
    }
    if (message != null && message.isArray()) {
      return new Outgoing(
          400,
          JsonRpc.error(
              null, JsonRpc.INVALID_REQUEST, "Invalid request: batches are not supported", null),
          null);
    }
    return mcp.handle(new Incoming(message, headers, sessionId), endpoint);
  }

  private static final class StreamableHttpHandler extends Handler.Abstract {
    private final McpHandler mcp;
    private final EndpointResolver endpoints;
    private final HostGuard guard;
    private final long maxBodyBytes;
    private final Handler extra;

    StreamableHttpHandler(
        McpHandler mcp,
        EndpointResolver endpoints,
        HostGuard guard,
        long maxBodyBytes,
        Handler extra) {
      this.mcp = mcp;
      this.endpoints = endpoints;
      this.guard = guard;
      this.maxBodyBytes = maxBodyBytes;
      this.extra = extra;
      if (extra != null) {
        installBean(extra);
      }
    }

    @Override
    public void setServer(Server server) {
      super.setServer(server);
      if (extra != null) {
        extra.setServer(server);
      }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      var headers = request.getHeaders();
      if (!guard.hostAllowed(headers.get(HttpHeader.HOST))
          || !guard.originAllowed(headers.get(HttpHeader.ORIGIN))) {
        return refuse(
            response,
            callback,
            403,
            error(null, JsonRpc.INVALID_REQUEST, "Forbidden: Host or Origin is not allowed"));
      }
      String path = Request.getPathInContext(request);
      if (!path.startsWith(PREFIX)) {
        if (extra != null) {
          return extra.handle(request, response, callback);
        }
        return refuse(response, callback, 404, error(null, JsonRpc.INVALID_REQUEST, "Not found"));
      }
      String method = request.getMethod();
      if (method.equals("GET") || !(method.equals("POST") || method.equals("DELETE"))) {
        response.getHeaders().put(HttpHeader.ALLOW, "POST, DELETE");
        return refuse(
            response,
            callback,
            405,
            error(null, JsonRpc.INVALID_REQUEST, "Method not allowed: use POST"));
      }
      String token = path.substring(PREFIX.length());
      EndpointResolver.Resolution found =
          endpoints.resolve(token, headers.get(HttpHeader.AUTHORIZATION));
      if (found instanceof EndpointResolver.Unauthorized) {
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"torii-mcp\"");
        return refuse(
            response,
            callback,
            401,
            error(
                null,
                JsonRpc.INVALID_REQUEST,
                "Unauthorized: this endpoint also needs an API token in Authorization: Bearer"));
      }
      if (!(found instanceof EndpointResolver.Found ok)) {
        return refuse(response, callback, 404, error(null, JsonRpc.INVALID_REQUEST, "Not found"));
      }
      EndpointContext endpoint = ok.endpoint();
      String sessionId = headers.get("Mcp-Session-Id");
      if (method.equals("DELETE")) {
        boolean ended = mcp.endSession(sessionId, endpoint);
        response.setStatus(ended ? 204 : 404);
        callback.succeeded();
        return true;
      }
      long declared = request.getLength();
      if (declared > maxBodyBytes) {
        if (declared <= drainLimit()) {
          try (InputStream in = Content.Source.asInputStream(request)) {
            discard(in, declared);
          }
        }
        return refuse(
            response,
            callback,
            413,
            error(
                null,
                JsonRpc.INVALID_REQUEST,
                "Request too large: at most " + maxBodyBytes + " bytes"));
      }
      String contentType = headers.get(HttpHeader.CONTENT_TYPE);
      if (contentType == null
          || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
        return refuse(
            response,
            callback,
            415,
            error(null, JsonRpc.INVALID_REQUEST, "Unsupported Media Type: send application/json"));
      }
      String accept = headers.get(HttpHeader.ACCEPT);
      boolean sse =
          accept != null
              && accept.contains("text/event-stream")
              && !accept.contains("application/json")
              && !accept.contains("*/*");
      if (accept != null
          && !sse
          && !accept.contains("application/json")
          && !accept.contains("*/*")) {
        return refuse(
            response,
            callback,
            406,
            error(
                null,
                JsonRpc.INVALID_REQUEST,
                "Not Acceptable: accept application/json or text/event-stream"));
      }
      byte[] body = readBody(request, declared);
      if (body.length > maxBodyBytes) {
        return refuse(
            response,
            callback,
            413,
            error(
                null,
                JsonRpc.INVALID_REQUEST,
                "Request too large: at most " + maxBodyBytes + " bytes"));
      }
      Outgoing out = exchange(mcp, endpoint, body, headers::get, sessionId);
      if (out.sessionId() != null) {
        response.getHeaders().put("Mcp-Session-Id", out.sessionId());
      }
      if (out.body() == null) {
        response.setStatus(out.status());
        callback.succeeded();
        return true;
      }
      if (sse && out.status() == 200) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        String event = "event: message\ndata: " + out.body().toString() + "\n\n";
        response.write(true, ByteBuffer.wrap(event.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
      }
      return send(response, callback, out.status(), out.body());
    }

    /**
     * The body, at most one byte over the limit (which the caller refuses). With a declared length
     * (already within the limit) it is read straight into an array of that size: the general path
     * reads through 8 KiB buffers and copies, which was a third of the bytes a call allocated.
     */
    private byte[] readBody(Request request, long declared) throws IOException {
      try (InputStream in = Content.Source.asInputStream(request)) {
        if (declared < 0) {
          byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
          if (body.length > maxBodyBytes) {
            discard(in, drainLimit() - body.length);
          }
          return body;
        }
        byte[] body = new byte[(int) declared];
        int n = in.readNBytes(body, 0, body.length);
        // A body shorter than declared is passed on as it is: it fails as JSON, with a 400.
        return n < body.length ? Arrays.copyOf(body, n) : body;
      }
    }

    /**
     * How much of a body over the limit is still read (and thrown away) before the refusal. A
     * server that answers and closes while the client is still sending makes the client's system
     * reset the connection, and the client then often loses the answer too ("header parser received
     * no bytes" instead of 413); a body up to four times the limit (at most 64 MiB) is read to its
     * end first, anything larger is refused at once.
     */
    private long drainLimit() {
      return Math.min(4 * maxBodyBytes, 64L << 20);
    }

    /** Reads and drops up to {@code budget} more bytes of the body, stopping at its end. */
    private static void discard(InputStream in, long budget) throws IOException {
      byte[] buffer = new byte[64 * 1024];
      long left = budget;
      int n;
      while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        left -= n;
      }
    }

    private static ObjectNode error(JsonNode id, int code, String message) {
      return JsonRpc.error(id, code, message, null);
    }

    /**
     * An error answered before the request's body is read (or read to its end): the connection is
     * closed after it, and says so, because the unread rest of the body would otherwise be taken
     * for the client's next request, or make Jetty drop the connection without telling a client
     * that is about to reuse it.
     */
    private static boolean refuse(Response response, Callback callback, int status, ObjectNode body)
        throws IOException {
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      return send(response, callback, status, body);
    }

    private static boolean send(Response response, Callback callback, int status, ObjectNode body)
        throws IOException {
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.write(true, ByteBuffer.wrap(JsonRpc.MAPPER.writeValueAsBytes(body)), callback);
      return true;
    }
  }
}
