package dev.toriimcp.server;

import dev.toriimcp.server.access.AccessStore;
import dev.toriimcp.server.access.SecretBox;
import dev.toriimcp.server.access.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Writes scoped servers in a loop, printing each one's id and token once it is stored; the crash
 * test kills it with SIGKILL mid-write. Arguments: JDBC URL, user, data directory (for the key).
 */
public final class CrashWriter {
  private CrashWriter() {}

  public static void main(String[] args) throws Exception {
    AccessStore store =
        new AccessStore(
            new AccessStore.Location(args[0], args[1], ""),
            SecretBox.open(null, Path.of(args[2])),
            Clock.systemUTC());
    String account =
        store.upsertAccount("crash", URI.create("http://127.0.0.1:9/v1.0"), "crash-test-key").id();
    ServerConfig config = new ServerConfig(List.of("read"), List.of("users"), "all");
    for (int i = 0; ; i++) {
      AccessStore.Created c = store.createServer(account, "server " + i, config, null, i % 2 == 0);
      System.out.println(c.server().id() + " " + c.token());
      System.out.flush();
    }
  }
}
