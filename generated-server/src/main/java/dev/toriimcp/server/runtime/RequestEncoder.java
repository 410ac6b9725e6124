package dev.toriimcp.server.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toriimcp.runtime.UpstreamRequest;
import dev.toriimcp.runtime.UpstreamRequest.Location;
import dev.toriimcp.runtime.UpstreamRequest.Parameter;
import dev.toriimcp.runtime.UpstreamRequest.Style;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns an {@link UpstreamRequest} into an HTTP request: path template expansion with every value
 * percent-encoded as one segment (no way to climb out of the path), OpenAPI query styles, headers,
 * JSON, form and multipart bodies, and bearer authentication.
 */
public final class RequestEncoder {
  static final ObjectMapper MAPPER =
      new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Duration timeout;
  private final String userAgent;

  public RequestEncoder(Duration timeout, String userAgent) {
    this.timeout = timeout;
    this.userAgent = userAgent;
  }

  /** The HTTP request for one call. */
  public HttpRequest encode(UpstreamRequest request, Upstream upstream) {
    URI uri = uri(request, upstream.baseUrl());
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Authorization", "Bearer " + upstream.apiKey())
            .header("Accept", "application/json")
            .header("User-Agent", userAgent);
    for (Parameter p : request.parameters(Location.HEADER)) {
      String value = simple(p.value(), p.explode());
      if (!value.isEmpty() && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
        b.header(p.name(), value);
      }
    }
    List<String> cookies = new ArrayList<>();
    for (Parameter p : request.parameters(Location.COOKIE)) {
      cookies.add(p.name() + "=" + encode(scalarOrJson(tree(p.value()))));
    }
    if (!cookies.isEmpty()) {
      b.header("Cookie", String.join("; ", cookies));
    }
    HttpRequest.BodyPublisher body = body(request, b);
    b.method(request.method(), body);
    return b.build();
  }

  /** The full URI: base URL, expanded path, query string. */
  static URI uri(UpstreamRequest request, URI base) {
    String path = request.pathTemplate();
    for (Parameter p : request.parameters(Location.PATH)) {
      path = path.replace("{" + p.name() + "}", pathValue(p));
    }
    String basePath = base.getRawPath() == null ? "" : base.getRawPath();
    if (basePath.endsWith("/")) {
      basePath = basePath.substring(0, basePath.length() - 1);
    }
    List<String> pairs = new ArrayList<>();
    for (Parameter p : request.parameters(Location.QUERY)) {
      query(p, pairs);
    }
    for (Map.Entry<String, Object> e : request.queryFreeForm().entrySet()) {
      pairs.add(encode(e.getKey()) + "=" + encode(scalarOrJson(tree(e.getValue()))));
    }
    String query = pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    String authority = base.getRawAuthority();
    return URI.create(base.getScheme() + "://" + authority + basePath + path + query);
  }

  /**
   * A path value in its OpenAPI style. Every name and value is escaped on its own, so the style's
   * delimiters ({@code . , ; =}) stay delimiters and nothing inside a value can become one.
   */
  private static String pathValue(Parameter p) {
    JsonNode v = tree(p.value());
    String name = segment(p.name());
    return switch (p.style()) {
      case LABEL -> "." + String.join(p.explode() ? "." : ",", pathItems(v, p.explode()));
      case MATRIX -> {
        if (v.isArray() && p.explode()) {
          yield ";" + name + "=" + String.join(";" + name + "=", pathItems(v, true));
        }
        if (v.isObject() && p.explode()) {
          yield ";" + String.join(";", pathItems(v, true));
        }
        yield ";" + name + "=" + String.join(",", pathItems(v, false));
      }
      default -> String.join(",", pathItems(v, p.explode()));
    };
  }

  /** Escaped items of a path value: array items, object {@code k=v} or {@code k, v}, a scalar. */
  private static List<String> pathItems(JsonNode v, boolean explode) {
    List<String> items = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(i -> items.add(segment(scalarOrJson(i))));
    } else if (v.isObject()) {
      v.fields()
          .forEachRemaining(
              e -> {
                if (explode) {
                  items.add(segment(e.getKey()) + "=" + segment(scalarOrJson(e.getValue())));
                } else {
                  items.add(segment(e.getKey()));
                  items.add(segment(scalarOrJson(e.getValue())));
                }
              });
    } else {
      items.add(segment(scalarOrJson(v)));
    }
    return items;
  }

  /** One path segment: everything but unreserved characters is encoded, dots and commas too. */
  static String segment(String value) {
    StringBuilder sb = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
      }
    }
    return sb.toString();
  }

  private static void query(Parameter p, List<String> pairs) {
    JsonNode v = tree(p.value());
    String name = encode(p.name());
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      v.forEach(i -> items.add(scalarOrJson(i)));
      if (p.style() == Style.FORM && p.explode() || p.style() == Style.DEEP_OBJECT) {
        items.forEach(i -> pairs.add(name + "=" + encode(i)));
      } else {
        String sep =
            p.style() == Style.SPACE_DELIMITED
                ? " "
                : p.style() == Style.PIPE_DELIMITED ? "|" : ",";
        pairs.add(name + "=" + encode(String.join(sep, items)));
      }
    } else if (v.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = v.fields();
      List<String> flat = new ArrayList<>();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (p.style() == Style.DEEP_OBJECT) {
          pairs.add(
              encode(p.name() + "[" + e.getKey() + "]") + "=" + encode(scalarOrJson(e.getValue())));
        } else if (p.explode()) {
          pairs.add(encode(e.getKey()) + "=" + encode(scalarOrJson(e.getValue())));
        } else {
          flat.add(e.getKey());
          flat.add(scalarOrJson(e.getValue()));
        }
      }
      if (!flat.isEmpty()) {
        pairs.add(name + "=" + encode(String.join(",", flat)));
      }
    } else {
      pairs.add(name + "=" + encode(scalarOrJson(v)));
    }
  }

  private static String simple(Object value, boolean explode) {
    return join(tree(value), ",", explode);
  }

  /** Simple-style text of a value: scalars as text, arrays joined, objects as k,v or k=v. */
  private static String join(JsonNode v, String sep, boolean explode) {
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      v.forEach(i -> items.add(scalarOrJson(i)));
      return String.join(sep, items);
    }
    if (v.isObject()) {
      List<String> items = new ArrayList<>();
      v.fields()
          .forEachRemaining(
              e -> {
                if (explode) {
                  items.add(e.getKey() + "=" + scalarOrJson(e.getValue()));
                } else {
                  items.add(e.getKey());
                  items.add(scalarOrJson(e.getValue()));
                }
              });
      return String.join(sep, items);
    }
    return scalarOrJson(v);
  }

  private static String scalarOrJson(JsonNode v) {
    return v.isValueNode() ? v.asText() : v.toString();
  }

  static JsonNode tree(Object value) {
    return value instanceof JsonNode n ? n : MAPPER.valueToTree(value);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private HttpRequest.BodyPublisher body(UpstreamRequest request, HttpRequest.Builder b) {
    switch (request.bodyKind()) {
      case NONE -> {
        return HttpRequest.BodyPublishers.noBody();
      }
      case JSON -> {
        b.header("Content-Type", "application/json");
        Object value;
        if (request.body().isPresent()) {
          value = request.body().get();
        } else {
          ObjectNode obj = MAPPER.createObjectNode();
          request.bodyFields().forEach((k, v) -> obj.set(k, tree(v)));
          value = obj;
        }
        return HttpRequest.BodyPublishers.ofByteArray(json(value));
      }
      case FORM_URLENCODED -> {
        b.header("Content-Type", "application/x-www-form-urlencoded");
        List<String> pairs = new ArrayList<>();
        request
            .bodyFields()
            .forEach((k, v) -> pairs.add(encode(k) + "=" + encode(scalarOrJson(tree(v)))));
        return HttpRequest.BodyPublishers.ofString(String.join("&", pairs));
      }
      case MULTIPART -> {
        String boundary = "torii-mcp-" + HexFormat.of().formatHex(randomBytes());
        b.header("Content-Type", "multipart/form-data; boundary=" + boundary);
        return HttpRequest.BodyPublishers.ofByteArray(multipart(request.parts(), boundary));
      }
      case RAW -> {
        b.header("Content-Type", request.contentType());
        Object value = request.body().orElse("");
        byte[] bytes =
            value instanceof byte[] raw
                ? raw
                : (value instanceof String s ? s : scalarOrJson(tree(value)))
                    .getBytes(StandardCharsets.UTF_8);
        return HttpRequest.BodyPublishers.ofByteArray(bytes);
      }
      default -> throw new IllegalStateException("unknown body kind " + request.bodyKind());
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static byte[] json(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode the request body as JSON", e);
    }
  }

  static byte[] multipart(List<UpstreamRequest.Part> parts, String boundary) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (UpstreamRequest.Part part : parts) {
      write(out, "--" + boundary + "\r\n");
      String disposition = "Content-Disposition: form-data; name=\"" + quote(part.name()) + "\"";
      if (part.filename() != null) {
        disposition += "; filename=\"" + quote(part.filename()) + "\"";
      }
      write(out, disposition + "\r\n");
      byte[] content;
      if (part.value() instanceof byte[] bytes) {
        content = bytes;
        write(
            out,
            "Content-Type: "
                + (part.contentType() == null ? "application/octet-stream" : part.contentType())
                + "\r\n");
      } else {
        content = scalarOrJson(tree(part.value())).getBytes(StandardCharsets.UTF_8);
        if (part.contentType() != null) {
          write(out, "Content-Type: " + part.contentType() + "\r\n");
        }
      }
      write(out, "\r\n");
      out.writeBytes(content);
      write(out, "\r\n");
    }
    write(out, "--" + boundary + "--\r\n");
    return out.toByteArray();
  }

  private static String quote(String s) {
    return s.replace("\\", "\\\\").replace("\"", "%22").replace("\r", "").replace("\n", "");
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
