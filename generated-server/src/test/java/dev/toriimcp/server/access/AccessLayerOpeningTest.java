package dev.toriimcp.server.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.toriimcp.runtime.ToolInfo;
import dev.toriimcp.server.runtime.EndpointContext;
import dev.toriimcp.server.runtime.Upstream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A layer whose store is still opening: the process's own endpoint answers at once, a scoped
 * server's token waits for the store, and a store that fails to open says why.
 */
class AccessLayerOpeningTest {
  @TempDir Path dir;

  private static final List<ToolInfo> NO_TOOLS = List.of();

  private static AccessLayer opening(
      StoreOpening store, StaticEndpoints first, AtomicInteger prepared) {
    return AccessLayer.opening(
        store,
        s -> prepared.incrementAndGet(),
        () -> NO_TOOLS,
        first,
        () -> "http://127.0.0.1:1",
        new UpstreamPolicy(Set.of()));
  }

  @Test
  void theFirstEndpointsAnswerWhileTheStoreOpensAndStoredOnesWaitForIt() throws Exception {
    StaticEndpoints first = new StaticEndpoints();
    EndpointContext own =
        EndpointContext.all(
            "default", new Upstream(URI.create("https://api.toriihq.com/v1.0"), "k"));
    String ownToken = first.add(own);
    CompletableFuture<AccessStore> store = new CompletableFuture<>();
    AtomicInteger opened = new AtomicInteger();
    AtomicInteger prepared = new AtomicInteger();
    AccessLayer layer =
        opening(
            StoreOpening.of(
                () -> {
                  opened.incrementAndGet();
                  return store.get();
                }),
            first,
            prepared);
    EndpointResolver resolver = layer.resolver();

    EndpointResolver.Resolution r = resolver.resolve(ownToken, null);
    assertSame(own, assertInstanceOf(EndpointResolver.Found.class, r).endpoint());
    assertInstanceOf(EndpointResolver.NotFound.class, resolver.resolve("not-a-token", null));
    assertEquals(0, opened.get(), "the process's own endpoint does not open the store");

    CompletableFuture<EndpointResolver.Resolution> other =
        CompletableFuture.supplyAsync(() -> resolver.resolve(Tokens.newToken(), null));
    Thread.sleep(200);
    assertFalse(other.isDone(), "a token that may be in the store waits for it");
    assertEquals(1, opened.get(), "a token that may be in the store has it opened");
    assertEquals(0, prepared.get());

    AccessStore open =
        new AccessStore(AccessStore.Location.h2(dir), SecretBox.open(null, dir), Clock.systemUTC());
    store.complete(open);
    assertInstanceOf(EndpointResolver.NotFound.class, other.get(30, TimeUnit.SECONDS));
    layer.awaitOpen();
    assertEquals(1, prepared.get(), "prepared once, before use");
    assertSame(open, layer.store());

    AccessStore.Created created =
        open.createServer(
            open.createAccount("acme", URI.create("https://api.toriihq.com/v1.0"), "k2").id(),
            "auditor",
            new ServerConfig(List.of("read"), List.of(), "all"),
            null,
            false);
    assertInstanceOf(EndpointResolver.Found.class, resolver.resolve(created.token(), null));
    assertInstanceOf(EndpointResolver.Found.class, resolver.resolve(ownToken, null));
    layer.close();
  }

  @Test
  void aStoreThatFailsToOpenIsReportedWithItsOwnError() {
    AtomicInteger prepared = new AtomicInteger();
    StoreOpening store =
        StoreOpening.of(
            () -> {
              throw new AccessStore.StoreException(
                  "the access database cannot be read (90030)", null);
            });
    AccessLayer layer = opening(store, new StaticEndpoints(), prepared);
    store.after(Duration.ZERO);
    AccessStore.StoreException e = assertThrows(AccessStore.StoreException.class, layer::awaitOpen);
    assertEquals("the access database cannot be read (90030)", e.getMessage());
    assertTrue(
        assertThrows(
                IllegalStateException.class,
                () -> layer.resolver().resolve(Tokens.newToken(), null))
            .getMessage()
            .contains("could not be opened"));
    assertEquals(0, prepared.get());
  }

  @Test
  void closingBeforeTheStoreWasNeededOpensNothing() throws Exception {
    AtomicInteger opened = new AtomicInteger();
    StoreOpening store =
        StoreOpening.of(
            () -> {
              opened.incrementAndGet();
              return null;
            });
    AccessLayer layer = opening(store, new StaticEndpoints(), new AtomicInteger());
    store.after(Duration.ofMillis(300));
    CompletableFuture<Void> waiting =
        CompletableFuture.runAsync(
            () -> {
              try {
                layer.awaitOpen();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    layer.close();
    waiting.get(5, TimeUnit.SECONDS); // returns: closed, not failed
    Thread.sleep(500);
    assertEquals(0, opened.get());
    assertTrue(store.result().isCancelled());
  }
}
