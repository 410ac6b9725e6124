package dev.toriimcp.server.runtime;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends upstream requests with bounded time and bounded response size. Never retries a request that
 * may have reached the upstream.
 *
 * <p>A small blocking HTTP/1.1 client: the calling thread writes the request and reads the answer
 * itself, over a keep-alive connection taken from a pool per origin (scheme, host, port), so a call
 * costs no thread hand-off. {@code https} origins get TLS with host name verification.
 *
 * <ul>
 *   <li>The request's own timeout ({@link HttpRequest#timeout()}, else {@link #DEFAULT_TIMEOUT})
 *       bounds the whole exchange, body included: an upstream that sends its headers and then
 *       stalls is given up on like one that never answers. Connecting is bounded by the connect
 *       timeout too.
 *   <li>A body larger than the limit is not read further (and its connection is dropped).
 *   <li>Bodies with {@code Content-Length}, {@code chunked} bodies and bodies ended by the
 *       connection's close are read; a connection goes back to the pool only after a complete
 *       answer that does not end it ({@code Connection: close}, HTTP/1.0).
 *   <li>A pooled connection is checked before use; one the upstream has closed is dropped and
 *       another one taken or opened, since nothing was sent on it. Once request bytes have been
 *       written, a failure is reported as it is: the request may have reached the upstream.
 * </ul>
 */
public final class UpstreamClient implements AutoCloseable {

  /**
   * One upstream answer.
   *
   * @param status HTTP status
   * @param headers response headers
   * @param body the body, at most the size limit
   * @param tooLarge whether the body exceeded the limit (and was not read further)
   */
  public record Response(int status, HttpHeaders headers, byte[] body, boolean tooLarge) {}

  /** Used when a request carries no timeout of its own. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** Idle connections kept per origin; more are closed when they come back. */
  static final int MAX_IDLE_PER_ORIGIN = 64;

  /**
   * How long an idle connection is kept. Below the idle timeouts of common servers and load
   * balancers (30 to 75 s), so that the upstream rarely closes a connection as it is reused.
   */
  static final Duration MAX_IDLE = Duration.ofSeconds(20);

  /** The largest status line plus headers read. */
  static final int MAX_HEAD_BYTES = 64 * 1024;

  /** Requests up to this size fit in a socket's send buffer and cannot block on writing. */
  private static final int WATCHED_WRITE_BYTES = 64 * 1024;

  /** Headers the client writes itself; the same names from the request are not sent twice. */
  private static final Set<String> OWN_HEADERS =
      Set.of("host", "content-length", "connection", "transfer-encoding", "expect", "upgrade");

  /** Closes connections whose large request is still being written when its time is up. */
  private static final ScheduledExecutorService DEADLINES = deadlines();

  private static ScheduledExecutorService deadlines() {
    ScheduledThreadPoolExecutor e =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "upstream-deadlines");
              t.setDaemon(true);
              return t;
            });
    e.setRemoveOnCancelPolicy(true);
    return e;
  }

  private final long connectTimeoutMillis;
  private final long maxBodyBytes;
  private final SSLContext tls;
  private final Map<String, Pool> pools = new ConcurrentHashMap<>();
  private final long maxIdleNanos;
  private final AtomicLong nextSweep;
  private volatile boolean closed;

  /**
   * @param connectTimeout how long connecting may take
   * @param maxBodyBytes the largest response body read
   */
  public UpstreamClient(Duration connectTimeout, long maxBodyBytes) {
    this(connectTimeout, maxBodyBytes, null);
  }

  /**
   * @param tls the TLS context of {@code https} origins; null for the JVM's default (its trust
   *     store)
   */
  UpstreamClient(Duration connectTimeout, long maxBodyBytes, SSLContext tls) {
    this(connectTimeout, maxBodyBytes, tls, MAX_IDLE);
  }

  /**
   * @param maxIdle how long an idle connection is kept
   */
  UpstreamClient(Duration connectTimeout, long maxBodyBytes, SSLContext tls, Duration maxIdle) {
    this.connectTimeoutMillis = Math.max(1, connectTimeout.toMillis());
    this.maxBodyBytes = maxBodyBytes;
    this.tls = tls;
    this.maxIdleNanos = maxIdle.toNanos();
    this.nextSweep = new AtomicLong(System.nanoTime() + maxIdleNanos);
  }

  /**
   * Sends a request and reads its answer within the request's timeout.
   *
   * @throws HttpTimeoutException when the whole answer did not arrive in time ({@link
   *     HttpConnectTimeoutException} when no connection could be opened in time)
   * @throws ConnectException when the upstream refused the connection
   * @throws IOException on other connection problems
   * @throws InterruptedException when the calling thread is interrupted (the call is abandoned and
   *     its connection closed)
   */
  public Response send(HttpRequest request) throws IOException, InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    long timeoutNanos = request.timeout().orElse(DEFAULT_TIMEOUT).toNanos();
    long deadline = System.nanoTime() + timeoutNanos;
    URI uri = request.uri();
    Origin origin = Origin.of(uri);
    byte[] wire = encode(request, origin, deadline);
    Connection c = pool(origin).take();
    if (c == null) {
      try {
        c = open(origin, deadline);
      } catch (ClosedByInterruptException e) {
        Thread.interrupted();
        throw new InterruptedException("the upstream call was cancelled");
      }
    }
    boolean done = false;
    try {
      write(c, wire, deadline);
      Response r = c.readResponse(request.method(), deadline, maxBodyBytes);
      done = true;
      if (c.reusable && !closed) {
        Pool p = pool(origin);
        p.give(c);
        if (closed) {
          p.closeExpired(Long.MAX_VALUE); // close() ran meanwhile
        }
      } else {
        c.close();
      }
      sweepNowAndThen();
      return r;
    } catch (SocketTimeoutException e) {
      throw new HttpTimeoutException("request timed out");
    } catch (ClosedByInterruptException e) {
      Thread.interrupted();
      throw new InterruptedException("the upstream call was cancelled");
    } catch (IOException e) {
      if (Thread.interrupted()) {
        throw new InterruptedException("the upstream call was cancelled");
      }
      if (c.expired) {
        throw new HttpTimeoutException("request timed out");
      }
      throw e;
    } finally {
      if (!done) {
        c.close();
      }
    }
  }

  /**
   * Closes the expired idle connections of every origin, at most once per idle period: an origin
   * that is no longer called (a deleted account's, say) does not keep its connections open.
   */
  private void sweepNowAndThen() {
    long now = System.nanoTime();
    long next = nextSweep.get();
    if (now - next >= 0 && nextSweep.compareAndSet(next, now + maxIdleNanos)) {
      pools.values().forEach(p -> p.closeExpired(now));
    }
  }

  /**
   * Closes the idle connections; connections of calls still running are closed when they end.
   * Upstreams that stop gracefully wait for their clients to close kept-alive connections.
   */
  @Override
  public void close() {
    closed = true;
    pools.values().forEach(p -> p.closeExpired(Long.MAX_VALUE));
  }

  /** Idle connections currently kept for an origin (for tests). */
  int idleConnections(URI uri) {
    Pool p = pools.get(Origin.of(uri).key());
    return p == null ? 0 : p.size();
  }

  private Pool pool(Origin origin) {
    Pool p = pools.get(origin.key());
    return p != null ? p : pools.computeIfAbsent(origin.key(), k -> new Pool(maxIdleNanos));
  }

  private static void write(Connection c, byte[] wire, long deadline) throws IOException {
    if (wire.length <= WATCHED_WRITE_BYTES) {
      c.out.write(wire);
      c.out.flush();
      return;
    }
    // A large request can fill the socket's buffers and block while the upstream does not read;
    // closing the connection at the deadline ends that write.
    ScheduledFuture<?> watchdog =
        DEADLINES.schedule(
            c::expire, Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    try {
      c.out.write(wire);
      c.out.flush();
    } finally {
      watchdog.cancel(false);
    }
  }

  // ---- the request -------------------------------------------------------------------------

  /** Request line, headers and body, as sent. */
  private static byte[] encode(HttpRequest request, Origin origin, long deadline)
      throws IOException, InterruptedException {
    byte[] body = body(request, deadline);
    String method = request.method();
    URI uri = request.uri();
    String path = uri.getRawPath();
    StringBuilder head = new StringBuilder(256);
    head.append(method).append(' ').append(path == null || path.isEmpty() ? "/" : path);
    if (uri.getRawQuery() != null) {
      head.append('?').append(uri.getRawQuery());
    }
    head.append(" HTTP/1.1\r\nHost: ").append(origin.hostHeader()).append("\r\n");
    for (Map.Entry<String, List<String>> h : request.headers().map().entrySet()) {
      if (OWN_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        continue;
      }
      for (String v : h.getValue()) {
        head.append(h.getKey()).append(": ").append(v).append("\r\n");
      }
    }
    if (body.length > 0
        || method.equals("POST")
        || method.equals("PUT")
        || method.equals("PATCH")) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    // Header values were checked by HttpRequest's builder: no line breaks, 8-bit characters only.
    byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    if (body.length == 0) {
      return h;
    }
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  /** The bytes of a request's body publisher (the encoder's publishers deliver them at once). */
  private static byte[] body(HttpRequest request, long deadline)
      throws IOException, InterruptedException {
    if (request.bodyPublisher().isEmpty() || request.bodyPublisher().get().contentLength() == 0) {
      return new byte[0];
    }
    CompletableFuture<byte[]> done = new CompletableFuture<>();
    request
        .bodyPublisher()
        .get()
        .subscribe(
            new Flow.Subscriber<ByteBuffer>() {
              private final ByteArrayOutputStream out = new ByteArrayOutputStream();

              @Override
              public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
              }

              @Override
              public void onNext(ByteBuffer item) {
                byte[] b = new byte[item.remaining()];
                item.get(b);
                out.writeBytes(b);
              }

              @Override
              public void onError(Throwable t) {
                done.completeExceptionally(t);
              }

              @Override
              public void onComplete() {
                done.complete(out.toByteArray());
              }
            });
    try {
      return done.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new HttpTimeoutException("request timed out");
    } catch (ExecutionException e) {
      throw new IOException("the request body could not be read", e.getCause());
    }
  }

  // ---- connections -------------------------------------------------------------------------

  private Connection open(Origin origin, long deadline) throws IOException {
    long remainingMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    int connectMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeoutMillis);
    boolean byConnectTimeout = connectMillis <= remainingMillis;
    SocketChannel channel = SocketChannel.open();
    boolean ok = false;
    try {
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
      Socket raw = channel.socket();
      InetSocketAddress address = new InetSocketAddress(origin.host(), origin.port());
      if (address.isUnresolved()) {
        throw new ConnectException("unknown host " + origin.host());
      }
      try {
        raw.connect(address, (int) Math.min(connectMillis, remainingMillis));
      } catch (SocketTimeoutException e) {
        if (byConnectTimeout) {
          throw new HttpConnectTimeoutException("connect timed out");
        }
        throw new HttpTimeoutException("request timed out");
      } catch (ConnectException e) {
        String why = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        throw new ConnectException(why.contains("refused") ? null : e.getMessage());
      }
      Connection c;
      if (origin.tls()) {
        SSLSocket ssl = tlsSocket(raw, origin);
        setTimeout(ssl, deadline);
        try {
          ssl.startHandshake();
        } catch (SocketTimeoutException e) {
          throw new HttpTimeoutException("request timed out");
        }
        c = new Connection(channel, ssl, ssl.getInputStream(), ssl.getOutputStream());
      } else {
        c = new Connection(channel, raw, raw.getInputStream(), raw.getOutputStream());
      }
      ok = true;
      return c;
    } finally {
      if (!ok) {
        channel.close();
      }
    }
  }

  private SSLSocket tlsSocket(Socket raw, Origin origin) throws IOException {
    SSLSocketFactory factory;
    try {
      factory = (tls == null ? SSLContext.getDefault() : tls).getSocketFactory();
    } catch (NoSuchAlgorithmException e) {
      throw new IOException("TLS is not available", e);
    }
    SSLSocket ssl = (SSLSocket) factory.createSocket(raw, origin.host(), origin.port(), true);
    SSLParameters p = ssl.getSSLParameters();
    p.setEndpointIdentificationAlgorithm("HTTPS");
    ssl.setSSLParameters(p);
    return ssl;
  }

  private static void setTimeout(Socket s, long deadline) throws IOException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new SocketTimeoutException("request timed out");
    }
    s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, (left + 999_999) / 1_000_000)));
  }

  /** Scheme, host and port: what a pooled connection can be reused for. */
  record Origin(boolean tls, String host, int port, String hostHeader) {
    static Origin of(URI uri) {
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("only http and https are supported: " + scheme);
      }
      String host = uri.getHost();
      if (host == null || host.isEmpty()) {
        throw new IllegalArgumentException("the URL has no host");
      }
      boolean tls = scheme.equals("https");
      int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
      String header = uri.getPort() == -1 ? host : host + ":" + port;
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      return new Origin(tls, host, port, header);
    }

    String key() {
      return (tls ? "https://" : "http://") + hostHeader + "#" + port;
    }
  }

  /** Idle connections of one origin, most recently used last. */
  static final class Pool {
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final long maxIdleNanos;

    Pool(long maxIdleNanos) {
      this.maxIdleNanos = maxIdleNanos;
    }

    /** A connection the upstream has not closed, or null. */
    Connection take() {
      while (true) {
        Connection c;
        synchronized (this) {
          c = idle.pollLast();
        }
        if (c == null) {
          return null;
        }
        if (System.nanoTime() - c.idleSince < maxIdleNanos && c.stillOpen()) {
          return c;
        }
        c.close();
      }
    }

    void give(Connection c) {
      c.idleSince = System.nanoTime();
      List<Connection> stale = null;
      synchronized (this) {
        while (!idle.isEmpty()
            && (idle.size() >= MAX_IDLE_PER_ORIGIN
                || c.idleSince - idle.peekFirst().idleSince >= maxIdleNanos)) {
          if (stale == null) {
            stale = new ArrayList<>();
          }
          stale.add(idle.pollFirst());
        }
        idle.addLast(c);
      }
      if (stale != null) {
        stale.forEach(Connection::close);
      }
    }

    /** Closes the connections idle for the whole limit by {@code now} (all for Long.MAX_VALUE). */
    void closeExpired(long now) {
      List<Connection> stale = new ArrayList<>();
      synchronized (this) {
        while (!idle.isEmpty()
            && (now == Long.MAX_VALUE || now - idle.peekFirst().idleSince >= maxIdleNanos)) {
          stale.add(idle.pollFirst());
        }
      }
      stale.forEach(Connection::close);
    }

    synchronized int size() {
      return idle.size();
    }
  }

  /** One connection and its read buffer. Used by one call at a time. */
  static final class Connection {
    final SocketChannel channel;
    final Socket socket;
    final InputStream in;
    final OutputStream out;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int lim;
    private int headBytes;
    private boolean keepAlive;
    private boolean http10;
    long idleSince;
    boolean reusable;
    volatile boolean expired;

    Connection(SocketChannel channel, Socket socket, InputStream in, OutputStream out) {
      this.channel = channel;
      this.socket = socket;
      this.in = in;
      this.out = out;
    }

    /**
     * Whether an idle connection can carry a request: the upstream has neither closed it nor sent
     * anything unasked (either makes it unusable). Reads without waiting.
     */
    boolean stillOpen() {
      if (pos < lim) {
        return false;
      }
      try {
        channel.configureBlocking(false);
        int n;
        try {
          n = channel.read(ByteBuffer.allocate(1));
        } finally {
          channel.configureBlocking(true);
        }
        return n == 0;
      } catch (IOException e) {
        return false;
      }
    }

    void expire() {
      expired = true;
      close();
    }

    void close() {
      // No TLS close_notify: the connection is dropped as is, which HTTP/1.1 allows.
      try {
        channel.close();
      } catch (IOException e) {
        // already gone
      }
    }

    Response readResponse(String method, long deadline, long maxBody) throws IOException {
      reusable = false;
      while (true) {
        int status = statusLine(deadline);
        Map<String, List<String>> headers = headers(deadline);
        if (status >= 100 && status < 200) {
          if (status == 101) {
            throw new IOException("the upstream switched protocols");
          }
          continue; // an interim answer; the final one follows
        }
        boolean keepAlive = this.keepAlive;
        for (String v : headers.getOrDefault("connection", List.of())) {
          for (String token : v.split(",")) {
            String t = token.trim().toLowerCase(Locale.ROOT);
            if (t.equals("close")) {
              keepAlive = false;
            } else if (t.equals("keep-alive") && http10) {
              keepAlive = true;
            }
          }
        }
        HttpHeaders h = HttpHeaders.of(headers, (n, v) -> true);
        if (method.equals("HEAD") || status == 204 || status == 304) {
          reusable = keepAlive;
          return new Response(status, h, new byte[0], false);
        }
        List<String> te = headers.get("transfer-encoding");
        List<String> cl = headers.get("content-length");
        if (te != null) {
          String last = te.get(te.size() - 1);
          int comma = last.lastIndexOf(',');
          String coding = last.substring(comma + 1).trim().toLowerCase(Locale.ROOT);
          if (coding.equals("chunked")) {
            Response r = chunked(status, h, deadline, maxBody);
            // A message with both framings must not be followed by another (RFC 9112, 6.3).
            reusable = keepAlive && cl == null && !r.tooLarge();
            return r;
          }
          return untilClose(status, h, deadline, maxBody);
        }
        if (cl != null) {
          long length = contentLength(cl);
          if (length > maxBody) {
            return new Response(status, h, new byte[0], true);
          }
          byte[] body = new byte[(int) length];
          readFully(body, deadline);
          reusable = keepAlive;
          return new Response(status, h, body, false);
        }
        return untilClose(status, h, deadline, maxBody);
      }
    }

    private int statusLine(long deadline) throws IOException {
      String line = line(deadline, MAX_HEAD_BYTES, true);
      // HTTP/1.1 200 OK
      if (line.length() < 12
          || !line.startsWith("HTTP/1.")
          || line.charAt(8) != ' '
          || (line.length() > 12 && line.charAt(12) != ' ')) {
        throw new IOException("the upstream did not answer in HTTP/1.1");
      }
      http10 = line.charAt(7) == '0';
      keepAlive = !http10;
      int status = 0;
      for (int i = 9; i < 12; i++) {
        char d = line.charAt(i);
        if (d < '0' || d > '9') {
          throw new IOException("the upstream sent an invalid status line");
        }
        status = status * 10 + (d - '0');
      }
      headBytes = line.length();
      return status;
    }

    private Map<String, List<String>> headers(long deadline) throws IOException {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      while (true) {
        String line = line(deadline, MAX_HEAD_BYTES - headBytes, false);
        headBytes += line.length() + 2;
        if (line.isEmpty()) {
          return headers;
        }
        int colon = line.indexOf(':');
        if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
          throw new IOException("the upstream sent an invalid header line");
        }
        String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = line.substring(colon + 1).trim();
        headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
      }
    }

    private static long contentLength(List<String> values) throws IOException {
      long length = -1;
      for (String v : values) {
        for (String part : v.split(",")) {
          long n;
          try {
            n = Long.parseLong(part.trim());
          } catch (NumberFormatException e) {
            throw new IOException("the upstream sent an invalid Content-Length");
          }
          if (n < 0 || (length >= 0 && n != length)) {
            throw new IOException("the upstream sent an invalid Content-Length");
          }
          length = n;
        }
      }
      return length;
    }

    private Response chunked(int status, HttpHeaders h, long deadline, long maxBody)
        throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String sizeLine = line(deadline, 1024, false);
        int semi = sizeLine.indexOf(';');
        String hex = (semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim();
        long size;
        try {
          size = hex.isEmpty() || hex.length() > 15 ? -1 : Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
          size = -1;
        }
        if (size < 0) {
          throw new IOException("the upstream sent an invalid chunk size");
        }
        if (size == 0) {
          break;
        }
        if (body.size() + size > maxBody) {
          return new Response(status, h, new byte[0], true);
        }
        byte[] chunk = new byte[(int) size];
        readFully(chunk, deadline);
        body.writeBytes(chunk);
        if (!line(deadline, 2, false).isEmpty()) {
          throw new IOException("the upstream sent an invalid chunk");
        }
      }
      // trailers, ignored
      int trailerBytes = 0;
      while (true) {
        String line = line(deadline, MAX_HEAD_BYTES - trailerBytes, false);
        trailerBytes += line.length() + 2;
        if (line.isEmpty()) {
          break;
        }
      }
      return new Response(status, h, body.toByteArray(), false);
    }

    private Response untilClose(int status, HttpHeaders h, long deadline, long maxBody)
        throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        if (pos == lim && !fill(deadline)) {
          return new Response(status, h, body.toByteArray(), false);
        }
        if (body.size() + (long) (lim - pos) > maxBody) {
          return new Response(status, h, new byte[0], true);
        }
        body.write(buf, pos, lim - pos);
        pos = lim;
      }
    }

    private void readFully(byte[] into, long deadline) throws IOException {
      int off = 0;
      int buffered = Math.min(lim - pos, into.length);
      System.arraycopy(buf, pos, into, 0, buffered);
      pos += buffered;
      off += buffered;
      while (off < into.length) {
        setTimeout(socket, deadline);
        int n = in.read(into, off, into.length - off);
        if (n < 0) {
          throw new EOFException("the upstream closed the connection before the whole answer");
        }
        off += n;
      }
    }

    /** One CRLF- (or LF-) terminated line of at most {@code max} bytes, without its end. */
    private String line(long deadline, int max, boolean first) throws IOException {
      StringBuilder sb = null;
      int start = pos;
      while (true) {
        for (int i = pos; i < lim; i++) {
          if (buf[i] == '\n') {
            int end = i > start && buf[i - 1] == '\r' ? i - 1 : i;
            if ((sb == null ? 0 : sb.length()) + (end - start) > max) {
              throw new IOException("the upstream's answer head is too large");
            }
            String part = new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
            pos = i + 1;
            if (sb == null) {
              return part;
            }
            sb.append(part);
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r') {
              sb.setLength(sb.length() - 1);
            }
            return sb.toString();
          }
        }
        int pending = lim - start;
        if ((sb == null ? 0 : sb.length()) + pending > max) {
          throw new IOException("the upstream's answer head is too large");
        }
        if (pending > 0) {
          if (sb == null) {
            sb = new StringBuilder();
          }
          sb.append(new String(buf, start, pending, StandardCharsets.ISO_8859_1));
        }
        pos = lim;
        if (!fill(deadline)) {
          throw new EOFException(
              first && sb == null
                  ? "the upstream closed the connection without answering"
                  : "the upstream closed the connection before the whole answer");
        }
        start = pos;
      }
    }

    /** Reads more into the empty buffer; false at the end of the stream. */
    private boolean fill(long deadline) throws IOException {
      setTimeout(socket, deadline);
      int n;
      try {
        n = in.read(buf, 0, buf.length);
      } catch (InterruptedIOException e) {
        if (e instanceof SocketTimeoutException) {
          throw e;
        }
        throw new ClosedByInterruptException();
      }
      pos = 0;
      lim = Math.max(0, n);
      return n > 0;
    }
  }
}
