package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The organization profile and Torii roles. */
final class OrgHandlers {
  private final SandboxState state;

  OrgHandlers(SandboxState state) {
    this.state = state;
  }

  void register(Router router) {
    router.add("GET", "/orgs/my", "getOrgsMy", this::org);
    router.add("GET", "/roles", "getRoles", this::roles);
  }

  private ApiResponse org(ApiRequest request) {
    ObjectNode org = Json.object();
    org.put("id", SandboxState.ID_ORG);
    org.put("companyName", SandboxState.COMPANY_NAME);
    org.put("domain", SandboxState.DOMAIN);
    org.put("creationTime", Json.time(SandboxState.ORG_CREATION_TIME));
    return ApiResponse.wrapped("org", org);
  }

  private ApiResponse roles(ApiRequest request) {
    ArrayNode roles = Json.array();
    for (Role role : state.roles) {
      ObjectNode node = roles.addObject();
      node.put("id", role.id());
      node.put("systemKey", role.systemKey());
      node.put("name", role.name());
      node.put("description", role.description());
      node.put("isAdmin", role.isAdmin());
      node.put(
          "usersCount",
          state.users.values().stream()
              .filter(u -> u.idRole() != null && u.idRole() == role.id())
              .filter(u -> !u.lifecycleStatus().equals("offboarded"))
              .count());
    }
    ObjectNode out = Json.object();
    out.set("roles", roles);
    return ApiResponse.json(out);
  }
}
