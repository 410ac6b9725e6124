package dev.toriimcp.server.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The admin REST API under {@code /integrated-account}, authenticated with an API token as {@code
 * Authorization: Bearer}. Errors are {@code {"error": …, "message": …}}; secrets never appear in
 * answers except a new server's URL, once.
 */
public final class AdminApi extends Handler.Abstract {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ROOT = "/integrated-account";
  private static final int MAX_BODY = 64 * 1024;

  private final Supplier<AccessService> service;
  private final Set<String> extraTokenHashes = ConcurrentHashMap.newKeySet();

  public AdminApi(AccessService service) {
    this(() -> service);
  }

  /**
   * @param service the service, asked for at every request (it may wait for the store to open)
   */
  public AdminApi(Supplier<AccessService> service) {
    this.service = service;
  }

  /** Accepts a token that is not in the store (the sandbox's admin token of this process). */
  public void allow(String token) {
    extraTokenHashes.add(Tokens.hash(token));
  }

  private boolean authorized(String authorization) {
    String token = StoredEndpoints.bearer(authorization);
    if (!Tokens.wellFormed(token)) {
      return false;
    }
    boolean extra = extraTokenHashes.stream().anyMatch(h -> Tokens.matches(h, token));
    return extra || service.get().store().apiTokenValid(token);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    if (!(path.equals(ROOT) || path.startsWith(ROOT + "/"))) {
      return send(response, callback, 404, error("not_found", "Not found"));
    }
    if (!authorized(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"torii-mcp-admin\"");
      return send(
          response,
          callback,
          401,
          error("unauthorized", "send a valid API token as Authorization: Bearer <token>"));
    }
    String[] parts = path.substring(1).split("/");
    String method = request.getMethod();
    try {
      JsonNode body = MAPPER.createObjectNode();
      if (method.equals("POST") || method.equals("PATCH")) {
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
          bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
          return send(
              response,
              callback,
              413,
              error("too_large", "the body is larger than " + MAX_BODY + " bytes"));
        }
        try {
          body = MAPPER.readTree(bytes);
        } catch (Exception e) {
          return send(response, callback, 400, error("bad_request", "the body is not JSON"));
        }
        if (body == null || !body.isObject()) {
          return send(
              response, callback, 400, error("bad_request", "the body must be a JSON object"));
        }
      }
      return route(parts, method, body, response, callback);
    } catch (AccessService.BadRequest e) {
      return send(response, callback, 400, error("bad_request", e.getMessage()));
    } catch (AccessService.NotFound e) {
      return send(response, callback, 404, error("not_found", e.getMessage()));
    } catch (AccessStore.StoreException e) {
      return send(response, callback, 503, error("unavailable", e.getMessage()));
    }
  }

  private boolean route(
      String[] p, String method, JsonNode body, Response response, Callback callback)
      throws Exception {
    int n = p.length;
    if (n == 1) {
      return switch (method) {
        case "POST" -> send(response, callback, 201, service.get().createAccount(body));
        case "GET" -> send(response, callback, 200, service.get().listAccounts());
        default -> notAllowed(response, callback, "GET, POST");
      };
    }
    String account = p[1];
    if (n == 2) {
      return switch (method) {
        case "GET" -> send(response, callback, 200, service.get().getAccount(account));
        case "DELETE" -> {
          service.get().deleteAccount(account);
          yield empty(response, callback);
        }
        default -> notAllowed(response, callback, "GET, DELETE");
      };
    }
    if (!p[2].equals("mcp") || n > 4) {
      return send(response, callback, 404, error("not_found", "Not found"));
    }
    if (n == 3) {
      return switch (method) {
        case "POST" -> send(response, callback, 201, service.get().createServer(account, body));
        case "GET" -> send(response, callback, 200, service.get().listServers(account));
        default -> notAllowed(response, callback, "GET, POST");
      };
    }
    String server = p[3];
    return switch (method) {
      case "GET" -> send(response, callback, 200, service.get().getServer(account, server));
      case "PATCH" ->
          send(response, callback, 200, service.get().updateServer(account, server, body));
      case "DELETE" -> {
        service.get().deleteServer(account, server);
        yield empty(response, callback);
      }
      default -> notAllowed(response, callback, "GET, PATCH, DELETE");
    };
  }

  private static boolean notAllowed(Response response, Callback callback, String allow)
      throws Exception {
    response.getHeaders().put(HttpHeader.ALLOW, allow);
    return send(response, callback, 405, error("method_not_allowed", "use " + allow));
  }

  private static boolean empty(Response response, Callback callback) {
    response.setStatus(204);
    callback.succeeded();
    return true;
  }

  private static ObjectNode error(String code, String message) {
    ObjectNode e = MAPPER.createObjectNode();
    e.put("error", code);
    e.put("message", message);
    return e;
  }

  private static boolean send(Response response, Callback callback, int status, JsonNode body)
      throws Exception {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(MAPPER.writeValueAsBytes(body)), callback);
    return true;
  }
}
