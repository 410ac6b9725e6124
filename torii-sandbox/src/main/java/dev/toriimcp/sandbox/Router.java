package dev.toriimcp.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps method + path templates such as {@code /users/{idUser}/apps} to operations. */
final class Router {

  /** One API operation. */
  @FunctionalInterface
  interface Operation {
    ApiResponse handle(ApiRequest request);
  }

  /**
   * A registered route.
   *
   * @param method HTTP method
   * @param template path template
   * @param operationId Torii's operationId (rate limits are keyed by it)
   * @param operation the handler
   */
  record Route(String method, String template, String operationId, Operation operation) {
    String[] segments() {
      return template.substring(1).split("/");
    }
  }

  /**
   * A matched route and its path parameters.
   *
   * @param route the route
   * @param pathParams values of the template's {@code {name}} segments
   */
  record Match(Route route, Map<String, String> pathParams) {}

  private final List<Route> routes = new ArrayList<>();

  void add(String method, String template, String operationId, Operation operation) {
    routes.add(new Route(method, template, operationId, operation));
  }

  List<Route> routes() {
    return List.copyOf(routes);
  }

  /** The best route for a request: 404 if no path matches, 405 if only other methods do. */
  Match match(String method, String path) {
    String[] parts = path.equals("/") ? new String[] {""} : path.substring(1).split("/", -1);
    Match best = null;
    int bestLiterals = -1;
    Set<String> allowed = new LinkedHashSet<>();
    for (Route route : routes) {
      String[] segments = route.segments();
      if (segments.length != parts.length) {
        continue;
      }
      Map<String, String> params = new LinkedHashMap<>();
      int literals = 0;
      boolean ok = true;
      for (int i = 0; i < segments.length && ok; i++) {
        String segment = segments[i];
        if (segment.startsWith("{")) {
          if (parts[i].isEmpty()) {
            ok = false;
          }
          params.put(segment.substring(1, segment.length() - 1), parts[i]);
        } else if (segment.equals(parts[i])) {
          literals++;
        } else {
          ok = false;
        }
      }
      if (!ok) {
        continue;
      }
      if (!route.method().equals(method)) {
        allowed.add(route.method());
        continue;
      }
      if (literals > bestLiterals) {
        best = new Match(route, params);
        bestLiterals = literals;
      }
    }
    if (best != null) {
      return best;
    }
    if (!allowed.isEmpty()) {
      throw new MethodNotAllowed(allowed);
    }
    throw ApiException.notFound("Not Found");
  }

  /** 405 with the methods that would have matched. */
  static final class MethodNotAllowed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Set<String> allowed;

    MethodNotAllowed(Set<String> allowed) {
      super("Method Not Allowed", null, false, false);
      this.allowed = allowed;
    }

    Set<String> allowed() {
      return allowed;
    }
  }
}
