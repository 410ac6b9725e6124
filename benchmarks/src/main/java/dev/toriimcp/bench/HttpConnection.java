package dev.toriimcp.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket: the least a load generator can add to a
 * measured call (no thread hand-offs, no client pool). Reads Content-Length and chunked bodies and
 * reconnects when the server closes.
 */
final class HttpConnection implements Closeable {
  /** One answer; header names are lower case. */
  record Reply(int status, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The JSON-RPC message: the body, or the last {@code data:} line of an SSE body. */
    String json() {
      String t = text();
      String type = headers.getOrDefault("content-type", "");
      if (!type.startsWith("text/event-stream")) {
        return t;
      }
      String last = null;
      for (String line : t.split("\n")) {
        if (line.startsWith("data:")) {
          last = line.substring(5).strip();
        }
      }
      return last == null ? "" : last;
    }
  }

  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  HttpConnection(URI uri) {
    this.host = uri.getHost();
    this.port = uri.getPort();
  }

  Reply post(String path, Map<String, String> headers, byte[] body) throws IOException {
    StringBuilder head = new StringBuilder(256);
    head.append("POST ").append(path).append(" HTTP/1.1\r\nHost: ");
    head.append(host).append(':').append(port).append("\r\nContent-Length: ");
    head.append(body.length).append("\r\n");
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[h.length + body.length];
    System.arraycopy(h, 0, request, 0, h.length);
    System.arraycopy(body, 0, request, h.length, body.length);
    return exchange(request);
  }

  Reply get(String path) throws IOException {
    String head = "GET " + path + " HTTP/1.1\r\nHost: " + host + ':' + port + "\r\n\r\n";
    return exchange(head.getBytes(StandardCharsets.US_ASCII));
  }

  private Reply exchange(byte[] request) throws IOException {
    boolean fresh = socket == null;
    if (fresh) {
      open();
    }
    try {
      out.write(request);
      out.flush();
      return read();
    } catch (IOException e) {
      close();
      if (fresh) {
        throw e;
      }
      open(); // the server closed an idle connection: retry once on a new one
      out.write(request);
      out.flush();
      return read();
    }
  }

  private void open() throws IOException {
    socket = new Socket(host, port);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(30_000); // a lost answer fails the run instead of hanging it
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    out = socket.getOutputStream();
  }

  private Reply read() throws IOException {
    String status = line();
    int code = Integer.parseInt(status.substring(9, 12));
    Map<String, String> headers = new HashMap<>();
    for (String l = line(); !l.isEmpty(); l = line()) {
      int colon = l.indexOf(':');
      headers.put(
          l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
    }
    byte[] body;
    String length = headers.get("content-length");
    if (length != null) {
      body = in.readNBytes(Integer.parseInt(length));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      for (int n = Integer.parseInt(line().split(";")[0].trim(), 16);
          n > 0;
          n = Integer.parseInt(line().split(";")[0].trim(), 16)) {
        b.write(in.readNBytes(n));
        line();
      }
      while (!line().isEmpty()) {
        // trailers
      }
      body = b.toByteArray();
    } else if (code == 204 || code == 202 || code == 304) {
      body = new byte[0];
    } else {
      body = in.readAllBytes();
      close();
    }
    if ("close".equalsIgnoreCase(headers.get("connection"))) {
      close();
    }
    return new Reply(code, headers, body);
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection closed");
      }
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
      socket = null;
    }
  }
}
