package dev.toriimcp.bench;

import java.io.IOException;
import java.net.URI;

/** The physical limit: the same upstream call, made directly, on one keep-alive connection. */
final class DirectClient implements Load.Client {
  private final HttpConnection connection;
  private final String path;

  DirectClient(URI upstream) {
    connection = new HttpConnection(upstream);
    path = upstream.getRawPath() + "/users/42";
  }

  @Override
  public boolean call() throws IOException {
    HttpConnection.Reply r = connection.get(path);
    return r.status() == 200 && r.body().length == FixedUpstream.BODY.length;
  }

  @Override
  public void close() {
    connection.close();
  }
}
