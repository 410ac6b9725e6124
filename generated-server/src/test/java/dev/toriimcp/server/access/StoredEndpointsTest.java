package dev.toriimcp.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolver keeps an embedded database open for as long as it serves, and no longer. */
class StoredEndpointsTest {
  @TempDir Path dir;

  @Test
  void anEmbeddedDatabaseStaysOpenWhileTheResolverServes() throws Exception {
    AccessStore store =
        new AccessStore(AccessStore.Location.h2(dir), SecretBox.open(null, dir), Clock.systemUTC());
    assertEquals(1, store.openSessions(), "only the counting query's own session");
    StoredEndpoints endpoints =
        new StoredEndpoints(store, (token, auth) -> new EndpointResolver.NotFound(), 3600);
    assertEquals(2, store.openSessions(), "the resolver's held session and the query's");
    endpoints.close();
    assertEquals(1, store.openSessions());
  }
}
