package dev.toriimcp.server.access;

import dev.toriimcp.runtime.ToolInfo;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The access store and everything built on it: resolver, service, admin API.
 *
 * <p>The store may still be opening when the layer is made ({@link #opening}): the endpoints that
 * do not live in the store (this process's own full-access endpoint) answer at once, and whatever
 * needs the store (a scoped server's token, the admin API) waits until it is open.
 */
public final class AccessLayer implements AutoCloseable {
  private final StoreOpening store;
  private final CompletableFuture<Opened> opened;
  private final EndpointResolver first;
  private final AdminApi admin;

  /** What exists once the store is open. */
  private record Opened(AccessStore store, AccessService service, StoredEndpoints endpoints) {}

  /**
   * @param first endpoints checked before the store (this process's own full-access endpoint)
   * @param publicBase base URL of this server, for the URLs of new servers
   * @param upstreams the base URLs accounts may use
   */
  public AccessLayer(
      AccessStore store,
      List<ToolInfo> tools,
      EndpointResolver first,
      Supplier<String> publicBase,
      UpstreamPolicy upstreams) {
    this(StoreOpening.opened(store), s -> {}, () -> tools, first, publicBase, upstreams);
  }

  private AccessLayer(
      StoreOpening store,
      Consumer<AccessStore> prepare,
      Supplier<List<ToolInfo>> tools,
      EndpointResolver first,
      Supplier<String> publicBase,
      UpstreamPolicy upstreams) {
    this.store = store;
    this.first = first;
    this.opened =
        store
            .result()
            .thenApply(
                s -> {
                  prepare.accept(s);
                  return new Opened(
                      s,
                      new AccessService(s, tools.get(), publicBase, upstreams),
                      new StoredEndpoints(s, first, 30));
                });
    this.admin = new AdminApi(this::service);
  }

  /**
   * A layer on a store that may not be open yet: whatever needs it asks for it to be opened at
   * once.
   *
   * @param store the store's opening
   * @param prepare run on the open store before anything else uses it
   * @param tools the tools scoped servers choose from, asked for once the store is open
   */
  public static AccessLayer opening(
      StoreOpening store,
      Consumer<AccessStore> prepare,
      Supplier<List<ToolInfo>> tools,
      EndpointResolver first,
      Supplier<String> publicBase,
      UpstreamPolicy upstreams) {
    return new AccessLayer(store, prepare, tools, first, publicBase, upstreams);
  }

  /**
   * Waits until the store is open (without hastening it), or returns when the layer was closed
   * before the store was opened.
   *
   * @throws Exception what opening the store threw
   */
  public void awaitOpen() throws Exception {
    try {
      opened.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CancellationException) {
        return; // closed before the store was needed: nothing was opened
      }
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw (Error) e.getCause();
    }
  }

  private Opened opened() {
    store.now();
    try {
      return opened.join();
    } catch (CompletionException e) {
      throw new IllegalStateException("the access store could not be opened", e.getCause());
    }
  }

  public AccessStore store() {
    return opened().store();
  }

  public AccessService service() {
    return opened().service();
  }

  /** The store's resolver (waits for the store to open). */
  public StoredEndpoints endpoints() {
    return opened().endpoints();
  }

  /**
   * The resolver to serve with: the first endpoints answer without waiting for the store, any other
   * token is looked up in the store once it is open.
   */
  public EndpointResolver resolver() {
    return (urlToken, authorization) -> {
      if (!opened.isDone()) {
        EndpointResolver.Resolution r = first.resolve(urlToken, authorization);
        if (r instanceof EndpointResolver.Found || !Tokens.wellFormed(urlToken)) {
          return r;
        }
      }
      return endpoints().resolve(urlToken, authorization);
    };
  }

  public AdminApi admin() {
    return admin;
  }

  /**
   * How long closing waits for a store that is still opening: a first start may be migrating the
   * schema, and stopping the process then would only make the next start migrate again.
   */
  private static final long CLOSE_WAIT_SECONDS = 15;

  @Override
  public void close() {
    store.abandon();
    try {
      opened.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // not open: nothing of it to close now
    }
    // A store that opens later is closed as soon as it is open.
    opened.thenAccept(o -> o.endpoints().close());
  }
}
