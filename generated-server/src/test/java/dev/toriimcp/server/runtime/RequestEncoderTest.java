package dev.toriimcp.server.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toriimcp.runtime.UpstreamRequest;
import dev.toriimcp.runtime.UpstreamRequest.Style;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Path escaping and the OpenAPI parameter styles, byte for byte. */
class RequestEncoderTest {
  private static final URI BASE = URI.create("https://api.example.com/v1.0");

  private static String uri(UpstreamRequest r) {
    return RequestEncoder.uri(r, BASE).toString();
  }

  @Test
  void pathValuesAreOneEscapedSegment() {
    assertEquals(
        "https://api.example.com/v1.0/users/%2E%2E%2F%2E%2E%2Fadmin%3Fx%3D1/apps/42",
        uri(
            UpstreamRequest.builder("GET", "/users/{idUser}/apps/{idApp}")
                .path("idUser", "../../admin?x=1")
                .path("idApp", 42L)
                .build()));
    assertEquals(
        "https://api.example.com/v1.0/files/%C3%A9t%C3%A9%20%2B%20%23",
        uri(UpstreamRequest.builder("GET", "/files/{id}").path("id", "été + #").build()));
  }

  @Test
  void dotsInPathValuesCannotClimb() {
    String u = uri(UpstreamRequest.builder("GET", "/files/{id}").path("id", "..").build());
    assertEquals("https://api.example.com/v1.0/files/%2E%2E", u);
    assertEquals("/v1.0/files/%2E%2E", URI.create(u).normalize().getRawPath());
  }

  @Test
  void pathStylesKeepTheirDelimitersAndEscapeValues() {
    List<String> ids = List.of("a,b", "c.d");
    Map<String, Object> point = new LinkedHashMap<>();
    point.put("x", "1;2");
    point.put("y", 3);
    String t = "/p/{v}";
    assertEquals(
        "https://api.example.com/v1.0/p/a%2Cb,c%2Ed",
        uri(
            UpstreamRequest.builder("GET", t)
                .parameter(UpstreamRequest.Location.PATH, "v", ids, Style.SIMPLE, false)
                .build()));
    assertEquals(
        "https://api.example.com/v1.0/p/x=1%3B2,y=3",
        uri(
            UpstreamRequest.builder("GET", t)
                .parameter(UpstreamRequest.Location.PATH, "v", point, Style.SIMPLE, true)
                .build()));
    assertEquals(
        "https://api.example.com/v1.0/p/.a%2Cb.c%2Ed",
        uri(
            UpstreamRequest.builder("GET", t)
                .parameter(UpstreamRequest.Location.PATH, "v", ids, Style.LABEL, true)
                .build()));
    assertEquals(
        "https://api.example.com/v1.0/p/.a%2Cb,c%2Ed",
        uri(
            UpstreamRequest.builder("GET", t)
                .parameter(UpstreamRequest.Location.PATH, "v", ids, Style.LABEL, false)
                .build()));
    assertEquals(
        "https://api.example.com/v1.0/p/;v=a%2Cb;v=c%2Ed",
        uri(
            UpstreamRequest.builder("GET", t)
                .parameter(UpstreamRequest.Location.PATH, "v", ids, Style.MATRIX, true)
                .build()));
    assertEquals(
        "https://api.example.com/v1.0/p/;x=1%3B2;y=3",
        uri(
            UpstreamRequest.builder("GET", t)
                .parameter(UpstreamRequest.Location.PATH, "v", point, Style.MATRIX, true)
                .build()));
    assertEquals(
        "https://api.example.com/v1.0/p/;v=x,1%3B2,y,3",
        uri(
            UpstreamRequest.builder("GET", t)
                .parameter(UpstreamRequest.Location.PATH, "v", point, Style.MATRIX, false)
                .build()));
  }

  @Test
  void queryStyles() {
    List<Long> ids = List.of(1L, 2L, 3L);
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put("color", "red");
    filter.put("size", 2);
    assertEquals(
        "https://api.example.com/v1.0/x?ids=1&ids=2&ids=3",
        uri(UpstreamRequest.builder("GET", "/x").query("ids", ids, Style.FORM, true).build()));
    assertEquals(
        "https://api.example.com/v1.0/x?ids=1%2C2%2C3",
        uri(UpstreamRequest.builder("GET", "/x").query("ids", ids, Style.FORM, false).build()));
    assertEquals(
        "https://api.example.com/v1.0/x?ids=1%202%203",
        uri(
            UpstreamRequest.builder("GET", "/x")
                .query("ids", ids, Style.SPACE_DELIMITED, false)
                .build()));
    assertEquals(
        "https://api.example.com/v1.0/x?ids=1%7C2%7C3",
        uri(
            UpstreamRequest.builder("GET", "/x")
                .query("ids", ids, Style.PIPE_DELIMITED, false)
                .build()));
    assertEquals(
        "https://api.example.com/v1.0/x?filter%5Bcolor%5D=red&filter%5Bsize%5D=2",
        uri(
            UpstreamRequest.builder("GET", "/x")
                .query("filter", filter, Style.DEEP_OBJECT, true)
                .build()));
    assertEquals(
        "https://api.example.com/v1.0/x?color=red&size=2",
        uri(
            UpstreamRequest.builder("GET", "/x")
                .query("filter", filter, Style.FORM, true)
                .build()));
    assertEquals(
        "https://api.example.com/v1.0/x?filter=color%2Cred%2Csize%2C2",
        uri(
            UpstreamRequest.builder("GET", "/x")
                .query("filter", filter, Style.FORM, false)
                .build()));
    assertEquals(
        "https://api.example.com/v1.0/x?q=a%26b%3Dc%20d&flag=true",
        uri(
            UpstreamRequest.builder("GET", "/x")
                .query("q", "a&b=c d", Style.FORM, true)
                .query("flag", true, Style.FORM, true)
                .query("none", null, Style.FORM, true)
                .build()));
  }

  @Test
  void bodiesAndAuthentication() throws Exception {
    RequestEncoder encoder = new RequestEncoder(Duration.ofSeconds(5), "t");
    HttpRequest r =
        encoder.encode(
            UpstreamRequest.builder("POST", "/contracts")
                .jsonField("name", "Zoom")
                .jsonField("owner", null)
                .jsonFields(Map.of("c_x", 1))
                .header("X-API-Version", "1.1")
                .header("X-Evil", "a\r\nInjected: 1")
                .build(),
            new Upstream(BASE, "secret-key"));
    assertEquals("Bearer secret-key", r.headers().firstValue("Authorization").orElseThrow());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("1.1", r.headers().firstValue("X-API-Version").orElseThrow());
    assertTrue(
        r.headers().firstValue("X-Evil").isEmpty(), "header values with line breaks are dropped");
    byte[] multipart =
        RequestEncoder.multipart(
            List.of(
                new UpstreamRequest.Part(
                    "file", "a,b\n".getBytes(StandardCharsets.UTF_8), "x.csv", "text/csv"),
                new UpstreamRequest.Part("type", "expenses", null, null)),
            "B");
    assertEquals(
        "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\nContent-Type: text/csv\r\n\r\na,b\n\r\n"
            + "--B\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nexpenses\r\n--B--\r\n",
        new String(multipart, StandardCharsets.UTF_8));
    assertEquals(
        "Upstream[https://api.example.com/v1.0, apiKey=(hidden)]",
        new Upstream(BASE, "secret-key").toString());
  }

  /** A nested body object with an optional field left out. */
  record Amount(Long value, String currency) {}

  @Test
  void freeFormQueryPairsFollowTheDeclaredParameters() {
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("Cost Center", "R&D");
    custom.put("count", 3);
    custom.put("dropped", null);
    assertEquals(
        "https://api.example.com/v1.0/users?fields=id%2Cemail&Cost%20Center=R%26D&count=3",
        uri(
            UpstreamRequest.builder("GET", "/users")
                .query("fields", List.of("id", "email"), Style.FORM, false)
                .queryFreeForm(custom)
                .build()));
  }

  @Test
  void jsonBodiesOmitNullsAndFormBodiesAreEncoded() throws Exception {
    RequestEncoder encoder = new RequestEncoder(Duration.ofSeconds(5), "t");
    Upstream upstream = new Upstream(BASE, "secret-key");
    HttpRequest json =
        encoder.encode(
            UpstreamRequest.builder("POST", "/contracts")
                .jsonField("name", "Zoom")
                .jsonField("amount", new Amount(1200L, null))
                .jsonField("owner", null)
                .build(),
            upstream);
    assertEquals("POST", json.method());
    assertEquals("{\"name\":\"Zoom\",\"amount\":{\"value\":1200}}", body(json));
    HttpRequest form =
        encoder.encode(
            UpstreamRequest.builder("POST", "/tokens")
                .formField("grant type", "a b&c")
                .formField("n", 2)
                .formField("skipped", null)
                .build(),
            upstream);
    assertEquals(
        "application/x-www-form-urlencoded",
        form.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("grant%20type=a%20b%26c&n=2", body(form));
    HttpRequest upload =
        encoder.encode(
            UpstreamRequest.builder("POST", "/files")
                .part("file", new byte[] {1, 2}, "a.bin", null)
                .build(),
            upstream);
    String type = upload.headers().firstValue("Content-Type").orElseThrow();
    assertTrue(type.matches("multipart/form-data; boundary=torii-mcp-[0-9a-f]{24}"), type);
    String boundary = type.substring(type.indexOf('=') + 1);
    assertEquals(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n\u0001\u0002\r\n--"
            + boundary
            + "--\r\n",
        body(upload));
  }

  private static String body(HttpRequest r) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompletableFuture<Void> done = new CompletableFuture<>();
    r.bodyPublisher()
        .orElseThrow()
        .subscribe(
            new Flow.Subscriber<ByteBuffer>() {
              @Override
              public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
              }

              @Override
              public void onNext(ByteBuffer b) {
                byte[] a = new byte[b.remaining()];
                b.get(a);
                out.writeBytes(a);
              }

              @Override
              public void onError(Throwable t) {
                done.completeExceptionally(t);
              }

              @Override
              public void onComplete() {
                done.complete(null);
              }
            });
    done.get(5, TimeUnit.SECONDS);
    return out.toString(StandardCharsets.UTF_8);
  }
}
