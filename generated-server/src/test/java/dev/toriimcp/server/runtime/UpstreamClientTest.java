package dev.toriimcp.server.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Upstream time and size bounds, against raw loopback sockets that misbehave on purpose. */
class UpstreamClientTest {

  /** A one-trick upstream: reads the request, writes {@code answer}, then holds the line. */
  private static UpstreamConnectionsTest.Scripted raw(byte[] answer) throws IOException {
    return new UpstreamConnectionsTest.Scripted(
        (n, c) -> {
          if (c.request() != null) {
            c.out.write(answer);
            c.out.flush();
            Thread.sleep(10_000);
          }
        });
  }

  private static byte[] head(int status, long contentLength) {
    return ("HTTP/1.1 "
            + status
            + " X\r\nContent-Type: application/json\r\nContent-Length: "
            + contentLength
            + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = new byte[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private static HttpRequest get(URI base, Duration timeout) {
    return HttpRequest.newBuilder(URI.create(base + "/roles")).timeout(timeout).GET().build();
  }

  @Test
  void aBodyThatStallsAfterTheHeadersTimesOut() throws Exception {
    // Headers promise 100 bytes, 12 arrive, then nothing.
    byte[] partial = concat(head(200, 100), "{\"roles\":[1,".getBytes(StandardCharsets.UTF_8));
    try (UpstreamConnectionsTest.Scripted up = raw(partial)) {
      UpstreamClient client = new UpstreamClient(Duration.ofSeconds(2), 1024);
      long started = System.nanoTime();
      assertThrows(
          HttpTimeoutException.class, () -> client.send(get(up.base(), Duration.ofMillis(800))));
      long elapsedMs = (System.nanoTime() - started) / 1_000_000;
      assertTrue(elapsedMs >= 700 && elapsedMs < 5_000, "gave up after " + elapsedMs + " ms");

      ToolExecutor executor =
          new ToolExecutor(
              ToolCatalog.load(), client, new ToolExecutor.Limits(Duration.ofSeconds(1), 100_000));
      JsonNode r =
          executor.call(
              EndpointContext.all("raw", new Upstream(up.base(), "k")),
              "list_all_torii_roles",
              null);
      assertEquals(
          "Torii did not answer list_all_torii_roles within 1 s. The call may or may not have taken"
              + " effect; check before repeating a write.",
          r.at("/content/0/text").asText());
      assertTrue(r.get("isError").asBoolean());
    }
  }

  @Test
  void bodiesAreReadUpToTheLimitAndNoFurther() throws Exception {
    byte[] exactly = "{\"roles\":[]}".getBytes(StandardCharsets.UTF_8); // 12 bytes
    try (UpstreamConnectionsTest.Scripted up = raw(concat(head(200, exactly.length), exactly))) {
      UpstreamClient.Response r =
          new UpstreamClient(Duration.ofSeconds(2), exactly.length)
              .send(get(up.base(), Duration.ofSeconds(5)));
      assertEquals(200, r.status());
      assertFalse(r.tooLarge());
      assertArrayEquals(exactly, r.body());
    }
    // One byte over the limit; the upstream then stalls, which must not matter.
    byte[] big = "{\"roles\":[1]}".getBytes(StandardCharsets.UTF_8); // 13 bytes
    try (UpstreamConnectionsTest.Scripted up = raw(concat(head(200, 1_000_000), big))) {
      long started = System.nanoTime();
      UpstreamClient.Response r =
          new UpstreamClient(Duration.ofSeconds(2), 12).send(get(up.base(), Duration.ofSeconds(5)));
      assertTrue((System.nanoTime() - started) / 1_000_000 < 4_000, "did not wait for the rest");
      assertTrue(r.tooLarge());
      assertEquals(0, r.body().length);
    }
  }

  @Test
  void refusedConnectionsSaySo() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ToolExecutor executor =
        new ToolExecutor(
            ToolCatalog.load(),
            new UpstreamClient(Duration.ofSeconds(2), 1024),
            new ToolExecutor.Limits(Duration.ofSeconds(2), 100_000));
    JsonNode r =
        executor.call(
            EndpointContext.all(
                "closed", new Upstream(URI.create("http://127.0.0.1:" + port + "/v1.0"), "k")),
            "list_all_torii_roles",
            null);
    assertEquals(
        "Torii could not be reached for list_all_torii_roles (connection refused).",
        r.at("/content/0/text").asText());
  }
}
