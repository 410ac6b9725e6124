package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small real-HTTP client for the sandbox tests. */
final class Http {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String apiKey;

  Http(ToriiSandbox sandbox) {
    this(sandbox.baseUrl(), sandbox.apiKey());
  }

  Http(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  /**
   * A response.
   *
   * @param status HTTP status
   * @param raw the raw response
   * @param json the body parsed as JSON (null when empty)
   */
  record Reply(int status, HttpResponse<byte[]> raw, JsonNode json) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String message() {
      return json == null ? null : json.path("message").asText(null);
    }
  }

  Reply get(String pathAndQuery) {
    return send(request(pathAndQuery).GET());
  }

  Reply delete(String path) {
    return send(request(path).DELETE());
  }

  Reply put(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<byte[]> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      byte[] body = response.body();
      boolean isJson =
          response.headers().firstValue("content-type").orElse("").startsWith("application/json");
      JsonNode json = body.length > 0 && isJson ? MAPPER.readTree(body) : null;
      return new Reply(response.statusCode(), response, json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder request(String pathAndQuery) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(10));
    if (apiKey != null) {
      builder.header("Authorization", "Bearer " + apiKey);
    }
    return builder;
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
