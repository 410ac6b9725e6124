package dev.toriimcp.server.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upstream client's connection handling against raw loopback sockets: keep-alive reuse, body
 * framings, {@code Connection: close}, stale pooled connections, no retry once a request may have
 * been sent, time bounds, and TLS with host name verification.
 */
class UpstreamConnectionsTest {

  /** What one connection of a {@link Scripted} upstream does. */
  interface Script {
    void run(int connection, Conn c) throws Exception;
  }

  /** One accepted connection, with the requests read on it. */
  static final class Conn {
    final Socket socket;
    final InputStream in;
    final OutputStream out;
    final List<String> heads;

    Conn(Socket socket, List<String> heads) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
      this.heads = heads;
    }

    /** Reads one request head and its Content-Length body; null when the client closed. */
    String request() throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
      while (matched < 4) {
        int c = in.read();
        if (c < 0) {
          return null;
        }
        head.write(c);
        matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
      }
      String h = head.toString(StandardCharsets.ISO_8859_1);
      int length = 0;
      for (String line : h.split("\r\n")) {
        if (line.toLowerCase().startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      heads.add(h + body);
      return h + body;
    }

    void write(String s) throws IOException {
      out.write(s.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
  }

  /** Accepts connections and runs the script on each, counting connections and requests. */
  static final class Scripted implements AutoCloseable {
    final ServerSocket socket;
    final AtomicInteger connections = new AtomicInteger();
    final List<String> requests = new CopyOnWriteArrayList<>();

    Scripted(Script script) throws IOException {
      this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), script);
    }

    Scripted(ServerSocket socket, Script script) {
      this.socket = socket;
      Thread t =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try {
                    Socket s = socket.accept();
                    int n = connections.incrementAndGet();
                    Thread one =
                        new Thread(
                            () -> {
                              try (s) {
                                script.run(n, new Conn(s, requests));
                              } catch (Exception e) {
                                // the client went away
                              }
                            },
                            "scripted-connection");
                    one.setDaemon(true);
                    one.start();
                  } catch (IOException e) {
                    // closed
                  }
                }
              },
              "scripted-upstream");
      t.setDaemon(true);
      t.start();
    }

    URI base(String scheme, String host) {
      return URI.create(scheme + "://" + host + ":" + socket.getLocalPort() + "/v1.0");
    }

    URI base() {
      return base("http", "127.0.0.1");
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static final String JSON_OK =
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}";

  private static HttpRequest get(URI base, String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(5))
        .header("Authorization", "Bearer k")
        .GET()
        .build();
  }

  private static UpstreamClient client() {
    return new UpstreamClient(Duration.ofSeconds(2), 1024);
  }

  private static String text(UpstreamClient.Response r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** Answers every request on a connection with {@code answer}, until the client closes. */
  private static Script answering(String answer) {
    return (n, c) -> {
      while (c.request() != null) {
        c.write(answer);
      }
    };
  }

  @Test
  void sequentialCallsShareOneKeptAliveConnection() throws Exception {
    try (Scripted up = new Scripted(answering(JSON_OK))) {
      UpstreamClient client = client();
      for (int i = 0; i < 5; i++) {
        UpstreamClient.Response r = client.send(get(up.base(), "/users/" + i));
        assertEquals(200, r.status());
        assertEquals("{\"ok\":true}", text(r));
      }
      assertEquals(1, up.connections.get());
      assertEquals(5, up.requests.size());
      assertEquals(1, client.idleConnections(up.base()));
      String first = up.requests.get(0);
      assertTrue(first.startsWith("GET /v1.0/users/0 HTTP/1.1\r\n"), first);
      assertTrue(first.contains("\r\nHost: 127.0.0.1:" + up.socket.getLocalPort() + "\r\n"), first);
      assertTrue(first.contains("\r\nAuthorization: Bearer k\r\n"), first);
      assertFalse(first.toLowerCase().contains("content-length"), first);
    }
  }

  @Test
  void concurrentCallsUseTheirOwnConnections() throws Exception {
    CompletableFuture<Void> release = new CompletableFuture<>();
    AtomicInteger waiting = new AtomicInteger();
    Script slowFirst =
        (n, c) -> {
          while (c.request() != null) {
            if (waiting.incrementAndGet() <= 2) {
              release.get(5, TimeUnit.SECONDS);
            }
            c.write(JSON_OK);
          }
        };
    try (Scripted up = new Scripted(slowFirst)) {
      UpstreamClient client = client();
      CompletableFuture<UpstreamClient.Response> a =
          CompletableFuture.supplyAsync(() -> sendUnchecked(client, get(up.base(), "/a")));
      CompletableFuture<UpstreamClient.Response> b =
          CompletableFuture.supplyAsync(() -> sendUnchecked(client, get(up.base(), "/b")));
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (waiting.get() < 2 && System.nanoTime() < until) {
        Thread.sleep(5);
      }
      release.complete(null);
      assertEquals(200, a.get(5, TimeUnit.SECONDS).status());
      assertEquals(200, b.get(5, TimeUnit.SECONDS).status());
      assertEquals(2, up.connections.get());
      assertEquals(2, client.idleConnections(up.base()));
      // both are reused afterwards
      client.send(get(up.base(), "/c"));
      client.send(get(up.base(), "/d"));
      assertEquals(2, up.connections.get());
    }
  }

  private static UpstreamClient.Response sendUnchecked(UpstreamClient client, HttpRequest r) {
    try {
      return client.send(r);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void idleConnectionsAreClosedAfterTheIdleLimitAlsoForOriginsNoLongerCalled() throws Exception {
    try (Scripted a = new Scripted(answering(JSON_OK));
        Scripted b = new Scripted(answering(JSON_OK))) {
      UpstreamClient client =
          new UpstreamClient(Duration.ofSeconds(2), 1024, null, Duration.ofMillis(300));
      client.send(get(a.base(), "/1"));
      client.send(get(b.base(), "/1"));
      assertEquals(1, client.idleConnections(a.base()));
      assertEquals(1, client.idleConnections(b.base()));
      Thread.sleep(400);
      // a call to b, after the limit, closes b's old connection and a's idle one
      client.send(get(b.base(), "/2"));
      assertEquals(2, b.connections.get());
      assertEquals(0, client.idleConnections(a.base()));
      assertEquals(1, client.idleConnections(b.base()));
      // and a opens a new one when called again
      client.send(get(a.base(), "/2"));
      assertEquals(2, a.connections.get());
    }
  }

  @Test
  void closingTheClientClosesItsIdleConnections() throws Exception {
    CompletableFuture<Void> clientClosed = new CompletableFuture<>();
    Script waitsForClose =
        (n, c) -> {
          while (c.request() != null) {
            c.write(JSON_OK);
          }
          clientClosed.complete(null);
        };
    try (Scripted up = new Scripted(waitsForClose)) {
      UpstreamClient client = client();
      client.send(get(up.base(), "/1"));
      assertEquals(1, client.idleConnections(up.base()));
      assertFalse(clientClosed.isDone());
      client.close();
      clientClosed.get(5, TimeUnit.SECONDS);
      assertEquals(0, client.idleConnections(up.base()));
      // calls after close still work, on connections that are not kept
      assertEquals(200, client.send(get(up.base(), "/2")).status());
      assertEquals(0, client.idleConnections(up.base()));
    }
  }

  @Test
  void chunkedBodiesAreReadAndTheConnectionReused() throws Exception {
    String chunked =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;ext=1\r\n{\"a\":\r\n"
            + "A\r\n[1,2,3,4]}\r\n"
            + "0\r\nX-Trailer: t\r\n\r\n";
    try (Scripted up = new Scripted(answering(chunked))) {
      UpstreamClient client = client();
      assertEquals("{\"a\":[1,2,3,4]}", text(client.send(get(up.base(), "/x"))));
      assertEquals("{\"a\":[1,2,3,4]}", text(client.send(get(up.base(), "/y"))));
      assertEquals(1, up.connections.get());
    }
  }

  @Test
  void aChunkedBodyOverTheLimitIsNotReadFurther() throws Exception {
    String big = "x".repeat(600);
    String chunked =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "258\r\n"
            + big
            + "\r\n258\r\n"
            + big
            + "\r\n"; // then stalls: the client must not wait for the rest
    try (Scripted up =
        new Scripted(
            (n, c) -> {
              c.request();
              c.write(chunked);
              Thread.sleep(10_000);
            })) {
      UpstreamClient client = client();
      long started = System.nanoTime();
      UpstreamClient.Response r = client.send(get(up.base(), "/x"));
      assertTrue((System.nanoTime() - started) / 1_000_000 < 4_000, "did not wait for the rest");
      assertTrue(r.tooLarge());
      assertEquals(0, r.body().length);
      assertEquals(0, client.idleConnections(up.base()));
    }
  }

  @Test
  void connectionCloseAndBodiesEndedByCloseAreNotPooled() throws Exception {
    Script closing =
        (n, c) -> {
          c.request();
          if (n % 2 == 1) {
            c.write(
                "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 11\r\n\r\n{\"ok\":true}");
          } else {
            c.write(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"until\":\"close\"}");
            c.socket.shutdownOutput();
          }
          c.request(); // a client that kept the connection would have to wait here
        };
    try (Scripted up = new Scripted(closing)) {
      UpstreamClient client = client();
      assertEquals("{\"ok\":true}", text(client.send(get(up.base(), "/1"))));
      assertEquals(0, client.idleConnections(up.base()));
      assertEquals("{\"until\":\"close\"}", text(client.send(get(up.base(), "/2"))));
      assertEquals(0, client.idleConnections(up.base()));
      assertEquals("{\"ok\":true}", text(client.send(get(up.base(), "/3"))));
      assertEquals(3, up.connections.get());
      assertEquals(3, up.requests.size());
    }
  }

  @Test
  void http10AnswersEndTheirConnection() throws Exception {
    try (Scripted up = new Scripted(answering("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}"))) {
      UpstreamClient client = client();
      assertEquals("{}", text(client.send(get(up.base(), "/1"))));
      assertEquals(0, client.idleConnections(up.base()));
    }
  }

  @Test
  void aPooledConnectionTheUpstreamClosedIsReplacedBeforeAnythingIsSent() throws Exception {
    // Each connection answers one request and is then closed by the upstream, as an idle timeout
    // does, without saying so in the answer.
    Script oneShot =
        (n, c) -> {
          c.request();
          c.write(JSON_OK);
          c.socket.close();
        };
    try (Scripted up = new Scripted(oneShot)) {
      UpstreamClient client = client();
      assertEquals(200, client.send(get(up.base(), "/1")).status());
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (client.idleConnections(up.base()) == 0 && System.nanoTime() < until) {
        Thread.sleep(1);
      }
      Thread.sleep(100); // the upstream's close reaches the client
      assertEquals(200, client.send(get(up.base(), "/2")).status());
      assertEquals(2, up.connections.get());
      assertEquals(2, up.requests.size());
    }
  }

  @Test
  void aRequestThatMayHaveReachedTheUpstreamIsNeverSentAgain() throws Exception {
    // The first connection answers once; the second request on it is read, then the connection is
    // dropped without an answer. That request may have had its effect: it must not be repeated.
    Script dropsSecond =
        (n, c) -> {
          c.request();
          c.write(JSON_OK);
          c.request();
          c.socket.setSoLinger(true, 0);
          c.socket.close();
        };
    try (Scripted up = new Scripted(dropsSecond)) {
      UpstreamClient client = client();
      assertEquals(200, client.send(get(up.base(), "/1")).status());
      HttpRequest write =
          HttpRequest.newBuilder(URI.create(up.base() + "/contracts"))
              .timeout(Duration.ofSeconds(5))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"n\"}"))
              .build();
      assertThrows(IOException.class, () -> client.send(write));
      Thread.sleep(300);
      assertEquals(2, up.requests.size(), String.join("\n---\n", up.requests));
      assertEquals(1, up.connections.get());
      String sent = up.requests.get(1);
      assertTrue(sent.startsWith("POST /v1.0/contracts HTTP/1.1\r\n"), sent);
      assertTrue(sent.contains("\r\nContent-Length: 12\r\n"), sent);
      assertTrue(sent.endsWith("\r\n\r\n{\"name\":\"n\"}"), sent);
      assertEquals(0, client.idleConnections(up.base()));
    }
  }

  @Test
  void theTimeoutBoundsTheWholeAnswerNotEachRead() throws Exception {
    // A byte every 100 ms: every read succeeds quickly, the answer never ends.
    Script trickle =
        (n, c) -> {
          c.request();
          c.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
          for (int i = 0; i < 100; i++) {
            c.write("x");
            Thread.sleep(100);
          }
        };
    try (Scripted up = new Scripted(trickle)) {
      UpstreamClient client = new UpstreamClient(Duration.ofSeconds(2), 10_000);
      HttpRequest r =
          HttpRequest.newBuilder(URI.create(up.base() + "/x"))
              .timeout(Duration.ofMillis(700))
              .build();
      long started = System.nanoTime();
      assertThrows(HttpTimeoutException.class, () -> client.send(r));
      long ms = (System.nanoTime() - started) / 1_000_000;
      assertTrue(ms >= 600 && ms < 3_000, "gave up after " + ms + " ms");
    }
  }

  @Test
  void rateLimitHeadersArePassedThrough() throws Exception {
    String limited =
        "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 17\r\nRateLimit-Limit: 100\r\n"
            + "ratelimit-remaining: 0\r\nRateLimit-Reset: 17\r\nContent-Length: 2\r\n\r\n{}";
    try (Scripted up = new Scripted(answering(limited))) {
      UpstreamClient.Response r = client().send(get(up.base(), "/x"));
      assertEquals(429, r.status());
      assertEquals("17", r.headers().firstValue("retry-after").orElseThrow());
      assertEquals("100", r.headers().firstValue("ratelimit-limit").orElseThrow());
      assertEquals("0", r.headers().firstValue("RateLimit-Remaining").orElseThrow());
      assertEquals("17", r.headers().firstValue("ratelimit-reset").orElseThrow());
    }
  }

  @Test
  void interimAnswersAreSkipped() throws Exception {
    try (Scripted up = new Scripted(answering("HTTP/1.1 100 Continue\r\n\r\n" + JSON_OK))) {
      UpstreamClient.Response r = client().send(get(up.base(), "/x"));
      assertEquals(200, r.status());
      assertEquals("{\"ok\":true}", text(r));
    }
  }

  @Test
  void brokenAnswersAreErrorsNotGuesses() throws Exception {
    String[] broken = {
      "SMTP ready\r\n\r\n",
      "HTTP/1.1 2x0 OK\r\nContent-Length: 2\r\n\r\n{}",
      "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
      "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n{}",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      "HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(70_000) + "\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n{}",
    };
    for (String answer : broken) {
      String label = answer.substring(0, Math.min(40, answer.length()));
      try (Scripted up =
          new Scripted(
              (n, c) -> {
                c.request();
                c.write(answer);
                c.socket.shutdownOutput();
                Thread.sleep(2_000);
              })) {
        UpstreamClient client = client();
        IOException e =
            assertThrows(IOException.class, () -> client.send(get(up.base(), "/x")), label);
        assertFalse(e instanceof HttpTimeoutException, label);
        assertEquals(0, client.idleConnections(up.base()));
      }
    }
  }

  @Test
  void anInterruptedCallEndsAtOnceAndDropsItsConnection() throws Exception {
    try (Scripted up =
        new Scripted(
            (n, c) -> {
              c.request();
              Thread.sleep(10_000);
            })) {
      UpstreamClient client = client();
      Thread caller = Thread.currentThread();
      Thread interrupter =
          new Thread(
              () -> {
                try {
                  Thread.sleep(300);
                } catch (InterruptedException e) {
                  return;
                }
                caller.interrupt();
              });
      interrupter.start();
      long started = System.nanoTime();
      assertThrows(InterruptedException.class, () -> client.send(get(up.base(), "/x")));
      long ms = (System.nanoTime() - started) / 1_000_000;
      assertTrue(ms < 3_000, "took " + ms + " ms");
      assertFalse(Thread.currentThread().isInterrupted());
      assertEquals(0, client.idleConnections(up.base()));
    }
  }

  @Test
  void connectingIsBoundedByTheConnectTimeout() throws Exception {
    // A listening socket that never accepts, with its backlog filled: further SYNs go unanswered.
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> fillers = new ArrayList<>();
      try {
        for (int i = 0; i < 8; i++) {
          Socket s = new Socket();
          try {
            s.connect(full.getLocalSocketAddress(), 200);
            fillers.add(s);
          } catch (IOException e) {
            s.close();
            break; // the backlog is full
          }
        }
        UpstreamClient client = new UpstreamClient(Duration.ofMillis(500), 1024);
        URI base = URI.create("http://127.0.0.1:" + full.getLocalPort() + "/v1.0");
        long started = System.nanoTime();
        assertThrows(HttpConnectTimeoutException.class, () -> client.send(get(base, "/x")));
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertTrue(ms >= 400 && ms < 3_000, "gave up after " + ms + " ms");
      } finally {
        for (Socket s : fillers) {
          s.close();
        }
      }
    }
  }

  // ---- TLS ------------------------------------------------------------------------------

  /** A key store with one self-signed certificate for {@code san}, made by the JDK's keytool. */
  private static KeyStore keyStore(Path dir, String san) throws Exception {
    Path file = dir.resolve("upstream-" + san.replaceAll("[^a-z0-9]", "_") + ".p12");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "upstream",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=upstream",
                "-ext",
                "SAN=" + san,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, "changeit".toCharArray());
    }
    return ks;
  }

  private static SSLContext server(KeyStore ks) throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }

  private static SSLContext trusting(KeyStore ks) throws Exception {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  private static Scripted tlsUpstream(SSLContext ctx, Script script) throws IOException {
    SSLServerSocket s =
        (SSLServerSocket)
            ctx.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    return new Scripted(s, script);
  }

  @Test
  void httpsIsSpokenWithTheHostNameVerified(@TempDir Path dir) throws Exception {
    KeyStore good = keyStore(dir, "dns:localhost,ip:127.0.0.1");
    try (Scripted up = tlsUpstream(server(good), answering(JSON_OK))) {
      UpstreamClient client = new UpstreamClient(Duration.ofSeconds(5), 1024, trusting(good));
      for (String host : List.of("localhost", "127.0.0.1")) {
        UpstreamClient.Response r = client.send(get(up.base("https", host), "/x"));
        assertEquals("{\"ok\":true}", text(r));
        client.send(get(up.base("https", host), "/y")); // over the kept connection
      }
      assertEquals(2, up.connections.get());
      assertEquals(4, up.requests.size());
      assertTrue(
          up.requests.get(0).contains("\r\nHost: localhost:" + up.socket.getLocalPort() + "\r\n"));
    }
  }

  @Test
  void aCertificateForAnotherHostIsRefused(@TempDir Path dir) throws Exception {
    KeyStore other = keyStore(dir, "dns:api.example.com");
    try (Scripted up = tlsUpstream(server(other), answering(JSON_OK))) {
      // Trusted, but not issued for the name connected to.
      UpstreamClient client = new UpstreamClient(Duration.ofSeconds(5), 1024, trusting(other));
      IOException e =
          assertThrows(
              IOException.class, () -> client.send(get(up.base("https", "localhost"), "/x")));
      assertInstanceOf(SSLException.class, e);
      assertEquals(Collections.emptyList(), up.requests);
    }
  }

  @Test
  void anUntrustedCertificateIsRefused(@TempDir Path dir) throws Exception {
    KeyStore self = keyStore(dir, "dns:localhost");
    try (Scripted up = tlsUpstream(server(self), answering(JSON_OK))) {
      UpstreamClient client = new UpstreamClient(Duration.ofSeconds(5), 1024);
      assertThrows(SSLException.class, () -> client.send(get(up.base("https", "localhost"), "/x")));
      assertEquals(Collections.emptyList(), up.requests);
    }
  }

  @Test
  void requestBodiesAndHeadersAreSentOnce() throws Exception {
    try (Scripted up = new Scripted(answering(JSON_OK))) {
      byte[] payload = new byte[200_000]; // larger than a socket buffer: written under a watchdog
      for (int i = 0; i < payload.length; i++) {
        payload[i] = (byte) ('a' + i % 26);
      }
      HttpRequest put =
          HttpRequest.newBuilder(URI.create(up.base() + "/apps/1?fields=a%2Cb&x=1"))
              .timeout(Duration.ofSeconds(5))
              .header("Content-Type", "application/octet-stream")
              .header("X-Api-Version", "2")
              .PUT(HttpRequest.BodyPublishers.ofByteArray(payload))
              .build();
      assertEquals(200, client().send(put).status());
      String sent = up.requests.get(0);
      assertTrue(sent.startsWith("PUT /v1.0/apps/1?fields=a%2Cb&x=1 HTTP/1.1\r\n"), sent);
      assertTrue(sent.contains("\r\nContent-Length: 200000\r\n"));
      assertTrue(sent.contains("\r\nX-Api-Version: 2\r\n"));
      assertArrayEquals(
          payload, sent.substring(sent.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.UTF_8));
      HttpRequest emptyPost =
          HttpRequest.newBuilder(URI.create(up.base() + "/ping"))
              .timeout(Duration.ofSeconds(5))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
      assertEquals(200, client().send(emptyPost).status());
      assertTrue(up.requests.get(1).contains("\r\nContent-Length: 0\r\n"), up.requests.get(1));
    }
  }
}
