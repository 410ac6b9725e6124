package dev.toriimcp.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The HTTP front: strips the optional {@code /v1.0} prefix, authenticates, routes, rate-limits,
 * runs the operation under the state lock and writes Torii-shaped responses.
 */
final class SandboxHandler extends Handler.Abstract {
  static final String VERSION_PREFIX = "/v1.0";
  static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

  private static final System.Logger LOG = System.getLogger(SandboxHandler.class.getName());

  private final SandboxState state;
  private final Router router;
  private final Router storage;
  private final RateLimiter rateLimiter;
  private final SandboxOptions options;

  SandboxHandler(SandboxState state, Router router, Router storage, SandboxOptions options) {
    this.state = state;
    this.router = router;
    this.storage = storage;
    this.options = options;
    this.rateLimiter = new RateLimiter(options.rateLimits(), options.clock());
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    ApiResponse result;
    try {
      pause(options.latency());
      result = dispatch(request);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "sandbox request failed", e);
      result = ApiResponse.error(500, "An internal server error occurred");
    }
    write(response, result, callback);
    return true;
  }

  private ApiResponse dispatch(Request request) {
    String method = request.getMethod();
    String fullPath = Request.getPathInContext(request);
    String path = fullPath;
    if (path.equals(VERSION_PREFIX) || path.startsWith(VERSION_PREFIX + "/")) {
      path = path.substring(VERSION_PREFIX.length());
    }
    if (path.isEmpty()) {
      path = "/";
    }
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    try {
      if (fullPath.startsWith(FileHandlers.STORAGE_PREFIX + "/")) {
        Router.Match match = storage.match(method, fullPath);
        return run(match, request, fullPath);
      }
      if (!authorized(request)) {
        return ApiResponse.error(
            401, "Missing or invalid API key: send Authorization: Bearer <API key>");
      }
      Router.Match match = router.match(method, path);
      RateLimiter.Decision decision = rateLimiter.acquire(match.route().operationId());
      if (decision != null && !decision.allowed()) {
        ApiResponse limited =
            ApiResponse.error(
                429,
                "Rate limit of "
                    + decision.limit()
                    + " requests per minute exceeded for "
                    + match.route().operationId()
                    + "; retry after "
                    + decision.resetSeconds()
                    + " seconds");
        limited.header("Retry-After", String.valueOf(decision.resetSeconds()));
        return withRateLimitHeaders(limited, decision);
      }
      return withRateLimitHeaders(run(match, request, fullPath), decision);
    } catch (ApiException e) {
      return ApiResponse.error(e.status(), e.getMessage());
    } catch (Router.MethodNotAllowed e) {
      return ApiResponse.error(405, "Method " + method + " is not allowed on " + fullPath)
          .header("Allow", String.join(", ", e.allowed()));
    }
  }

  private ApiResponse run(Router.Match match, Request request, String fullPath) {
    byte[] body = readBody(request);
    ApiRequest apiRequest =
        new ApiRequest(
            request.getMethod(),
            fullPath,
            match.pathParams(),
            query(request),
            headers(request),
            body,
            Request.getRemoteAddr(request),
            rootUrl(request));
    Router.Operation operation = match.route().operation();
    if (request.getMethod().equals("GET")) {
      return state.read(() -> operation.handle(apiRequest));
    }
    return state.write(() -> operation.handle(apiRequest));
  }

  private boolean authorized(Request request) {
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (header == null) {
      return false;
    }
    String value = header.trim();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      value = value.substring(7).trim();
    }
    return value.equals(options.apiKey());
  }

  private ApiResponse withRateLimitHeaders(ApiResponse response, RateLimiter.Decision decision) {
    if (decision != null && options.rateLimitHeaders()) {
      response.header("ratelimit-limit", String.valueOf(decision.limit()));
      response.header("ratelimit-remaining", String.valueOf(decision.remaining()));
      response.header("ratelimit-reset", String.valueOf(decision.resetSeconds()));
    }
    return response;
  }

  private static byte[] readBody(Request request) {
    long declared = request.getLength();
    if (declared > MAX_BODY_BYTES) {
      throw new ApiException(413, "Payload content length greater than maximum allowed");
    }
    byte[] body;
    try (InputStream in = Content.Source.asInputStream(request)) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      throw new ApiException(400, "Request body could not be read");
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new ApiException(413, "Payload content length greater than maximum allowed");
    }
    return body;
  }

  private static Map<String, List<String>> query(Request request) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    Fields fields;
    try {
      fields = Request.extractQueryParameters(request);
    } catch (RuntimeException e) {
      throw ApiException.badRequest("Malformed query string");
    }
    for (Fields.Field field : fields) {
      query.put(field.getName(), field.getValues());
    }
    return query;
  }

  private static Map<String, String> headers(Request request) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers.putIfAbsent(field.getLowerCaseName(), field.getValue());
    }
    return headers;
  }

  private static String rootUrl(Request request) {
    return request.getHttpURI().getScheme()
        + "://"
        + Request.getServerName(request)
        + ":"
        + Request.getServerPort(request);
  }

  private static void pause(Duration latency) {
    if (latency.isZero()) {
      return;
    }
    try {
      Thread.sleep(latency.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void write(Response response, ApiResponse result, Callback callback) {
    response.setStatus(result.status());
    result.headers().forEach((name, value) -> response.getHeaders().put(name, value));
    if (result.contentType() != null) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, result.contentType());
    }
    response.write(true, ByteBuffer.wrap(result.body()), callback);
  }
}
