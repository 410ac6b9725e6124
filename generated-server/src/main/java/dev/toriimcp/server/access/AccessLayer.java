package dev.toriimcp.server.access;

import dev.toriimcp.runtime.ToolInfo;
import java.util.List;
import java.util.function.Supplier;

/** The access store and everything built on it: resolver, service, admin API. */
public final class AccessLayer implements AutoCloseable {
  private final AccessStore store;
  private final AccessService service;
  private final StoredEndpoints endpoints;
  private final AdminApi admin;

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
    this.store = store;
    this.service = new AccessService(store, tools, publicBase, upstreams);
    this.endpoints = new StoredEndpoints(store, first, 30);
    this.admin = new AdminApi(service);
  }

  public AccessStore store() {
    return store;
  }

  public AccessService service() {
    return service;
  }

  public StoredEndpoints endpoints() {
    return endpoints;
  }

  public AdminApi admin() {
    return admin;
  }

  @Override
  public void close() {
    endpoints.close();
  }
}
