package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Renders entities as the full JSON Torii would send; handlers then pick the fields asked for. */
final class Views {
  private final SandboxState state;

  Views(SandboxState state) {
    this.state = state;
  }

  ObjectNode user(User user) {
    ObjectNode node = Json.object();
    node.put("id", user.id());
    node.put("idOrg", SandboxState.ID_ORG);
    node.put("firstName", user.firstName());
    node.put("lastName", user.lastName());
    node.put("email", user.email());
    node.put("creationTime", Json.time(user.creationTime()));
    node.put("idRole", user.idRole());
    Role role = state.role(user.idRole());
    node.put("role", role == null ? null : role.name());
    node.put("lifecycleStatus", user.lifecycleStatus());
    node.put("isDeletedInIdentitySources", user.isDeletedInIdentitySources());
    node.put("isExternal", user.isExternal());
    node.put("activeAppsCount", activeAppsCount(user.id()));
    node.set("additionalEmails", Json.toNode(user.additionalEmails()));
    for (FieldDef def : state.userFields) {
      if (def.custom()) {
        node.set(def.systemKey(), Json.toNode(user.fields().get(def.systemKey())));
      }
    }
    return node;
  }

  int activeAppsCount(int idUser) {
    return (int)
        state.userAppsOf(idUser).stream()
            .filter(ua -> ua.status().equals("active") && !ua.isUserRemovedFromApp())
            .count();
  }

  int activeUsersCount(int idApp) {
    return (int)
        state.usersOfApp(idApp).stream()
            .filter(ua -> ua.status().equals("active"))
            .filter(ua -> !state.users.get(ua.idUser()).lifecycleStatus().equals("offboarded"))
            .count();
  }

  /** The PrimaryOwner shape used for {@code primaryOwner} and {@code appOwners}. */
  ObjectNode owner(Integer idUser) {
    if (idUser == null) {
      return null;
    }
    User user = state.users.get(idUser);
    if (user == null) {
      return null;
    }
    ObjectNode node = Json.object();
    node.put("id", user.id());
    node.put("firstName", user.firstName());
    node.put("lastName", user.lastName());
    node.put("fullName", user.fullName());
    node.put("email", user.email().toLowerCase());
    node.put("photoUrl", "https://avatars.sandbox.invalid/" + user.id() + ".png");
    node.put("lifecycleStatus", user.lifecycleStatus());
    node.put("isDeletedInIdentitySources", user.isDeletedInIdentitySources());
    node.put("status", user.lifecycleStatus().equals("offboarded") ? "deleted" : "active");
    return node;
  }

  ObjectNode app(App app) {
    ObjectNode node = Json.object();
    node.put("id", app.id());
    node.put("name", app.name());
    node.set("primaryOwner", nullable(owner(app.primaryOwner())));
    ArrayNode owners = node.putArray("appOwners");
    app.appOwners().forEach(id -> owners.add(owner(id)));
    node.put("state", app.state());
    node.put("category", app.category());
    node.put("url", app.url());
    node.put("imageUrl", app.imageUrl());
    node.put("description", app.description());
    node.put("tags", app.tags());
    node.put("score", app.score());
    node.put("isCustom", app.isCustom());
    node.put("addedBy", app.addedBy());
    node.put("creationTime", Json.time(app.creationTime()));
    node.put("isHidden", app.isHidden());
    node.set("sources", Json.toNode(app.sources()));
    node.put("vendor", app.vendor());
    node.put("activeUsersCount", activeUsersCount(app.id()));
    node.put("lastVisitTime", Json.time(app.lastVisitTime()));
    long activeContracts =
        state.contracts.values().stream()
            .filter(c -> c.idApp() == app.id() && "active".equals(c.status()) && c.amount() != null)
            .mapToLong(c -> c.amount().inOrgCurrency())
            .sum();
    node.set("activeContractsTotalValue", new Money(activeContracts, Money.ORG_CURRENCY).toJson());
    for (FieldDef def : state.appFields) {
      if (def.custom()) {
        node.set(def.systemKey(), Json.toNode(app.fields().get(def.systemKey())));
      }
    }
    return node;
  }

  /** The short AppPayload returned by app writes. */
  ObjectNode appPayload(App app) {
    ObjectNode node = Json.object();
    node.put("id", app.id());
    node.put("isHidden", app.isHidden());
    node.put("name", app.name());
    node.put("state", app.state());
    node.put("url", app.url());
    node.put("category", app.category());
    node.put("description", app.description());
    node.put("tags", app.tags());
    return node;
  }

  /** License summary for {@code includeLicenses=true}. */
  ObjectNode licenses(App app) {
    ObjectNode node = Json.object();
    App.LicensePlan plan = app.license();
    ObjectNode summary = node.putObject("summary");
    ArrayNode types = node.putArray("types");
    if (plan == null) {
      summary.put("totalAmount", 0);
      summary.put("activeAmount", 0);
      summary.put("inactiveAmount", 0);
      summary.put("unassignedAmount", 0);
      return node;
    }
    List<UserApp> licensed =
        state.usersOfApp(app.id()).stream().filter(ua -> ua.annualCost() != null).toList();
    long cutoff = state.asOf().minusSeconds(90L * 24 * 3600).toEpochMilli();
    int active =
        (int)
            licensed.stream()
                .filter(
                    ua -> ua.lastVisitTime() != null && ua.lastVisitTime().toEpochMilli() > cutoff)
                .count();
    int assigned = licensed.size();
    int inactive = assigned - active;
    int unassigned = Math.max(0, plan.totalAmount() - assigned);
    Money price = plan.pricePerLicense();
    Money annual = new Money(price.value() * plan.totalAmount(), price.currency());
    Money savings = new Money(price.value() * (inactive + unassigned), price.currency());
    ObjectNode type = Json.object();
    type.put("name", plan.name());
    for (ObjectNode target : List.of(summary, type)) {
      target.put("totalAmount", plan.totalAmount());
      target.put("activeAmount", active);
      target.put("inactiveAmount", inactive);
      target.put("unassignedAmount", unassigned);
      target.set("pricePerLicense", price.toJson());
      target.set("annualCost", annual.toJson());
      target.set("potentialSavings", savings.toJson());
    }
    type.set(
        "pricePerLicenseInOrgCurrency",
        new Money(price.inOrgCurrency(), Money.ORG_CURRENCY).toJson());
    type.set(
        "annualCostInOrgCurrency", new Money(annual.inOrgCurrency(), Money.ORG_CURRENCY).toJson());
    type.set(
        "potentialSavingsInOrgCurrency",
        new Money(savings.inOrgCurrency(), Money.ORG_CURRENCY).toJson());
    types.add(type);
    return node;
  }

  /** An app as seen from one user ({@code GET /users/{idUser}/apps}). */
  ObjectNode userApp(UserApp userApp) {
    App app = state.apps.get(userApp.idApp());
    ObjectNode node = app(app);
    node.put("isUserRemovedFromApp", userApp.isUserRemovedFromApp());
    node.put("users", activeUsersCount(app.id()));
    node.put("lastUsageTime", Json.time(userApp.lastVisitTime()));
    Money cost = userApp.annualCost();
    node.put("annualCost", cost == null ? 0 : cost.value());
    node.put("annualCostConverted", cost == null ? 0 : cost.inOrgCurrency());
    node.put("currency", cost == null ? Money.ORG_CURRENCY : cost.currency());
    return node;
  }

  /** A user as seen from one app ({@code GET /apps/{idApp}/users}). */
  ObjectNode appUser(UserApp userApp) {
    User user = state.users.get(userApp.idUser());
    App app = state.apps.get(userApp.idApp());
    ObjectNode node = Json.object();
    node.put("idUser", user.id());
    node.put("email", user.email());
    node.put("firstName", user.firstName());
    node.put("lastName", user.lastName());
    node.put("fullName", user.fullName());
    node.put("appName", app.name());
    node.put("status", userApp.status());
    node.put("externalStatus", userApp.externalStatus());
    node.put("role", userApp.role());
    node.put("idExternalUser", "ext-" + user.id() + "-" + app.id());
    node.set("sources", Json.toNode(userApp.sources()));
    node.put("score", app.score());
    node.put("creationTime", Json.time(userApp.creationTime()));
    node.put("lastVisitTime", Json.time(userApp.lastVisitTime()));
    node.put("creationTimeInApp", Json.time(userApp.creationTime()));
    node.put(
        "identitySourcesDeletionTime",
        user.isDeletedInIdentitySources()
            ? Json.time(state.asOf().minusSeconds(86_400L * 9))
            : null);
    node.put("isUserRemovedFromApp", userApp.isUserRemovedFromApp());
    node.put("isOwnerNotifiedToRemoveUser", userApp.isUserRemovedFromApp());
    node.put(
        "isNewUserInApp", userApp.creationTime().isAfter(state.asOf().minusSeconds(86_400L * 30)));
    node.put("isExternal", user.isExternal());
    node.put("isDeletedInIdentitySources", user.isDeletedInIdentitySources());
    node.put("isOffboardingIgnored", false);
    node.put("isSupportLastVisit", userApp.lastVisitTime() != null);
    node.put("ignoreAccount", false);
    node.put("numberOfInactiveLicenses", 0);
    node.put("photoUrl", "https://avatars.sandbox.invalid/" + user.id() + ".png");
    ArrayNode licenses = node.putArray("licenses");
    if (userApp.licenseName() != null) {
      ObjectNode license = licenses.addObject();
      license.put("name", userApp.licenseName());
      license.put("status", userApp.status().equals("active") ? "active" : "deleted");
    }
    node.put("appAccountName", app.name() + " (company.com)");
    node.put("idAppAccount", 400_000 + app.id());
    node.put("lifecycleStatus", user.lifecycleStatus());
    Money cost = userApp.annualCost();
    node.put("annualCost", cost == null ? 0 : cost.value());
    node.put("annualCostConverted", cost == null ? 0 : cost.inOrgCurrency());
    return node;
  }

  ObjectNode contract(Contract contract) {
    ObjectNode node = Json.object();
    node.put("id", contract.id());
    for (FieldDef def : state.contractFields) {
      String key = def.systemKey();
      switch (key) {
        case "id" -> {}
        case "createdBy" -> node.put(key, contract.createdBy());
        case "creationTime" -> node.put(key, Json.time(contract.creationTime()));
        case "source" -> node.put(key, contract.source());
        case "amount" -> {
          Money amount = contract.amount();
          node.set(key, amount == null ? Json.NODES.nullNode() : Json.toNode(amount.value()));
        }
        case "currency" -> {
          Money amount = contract.amount();
          node.put(key, amount == null ? Money.ORG_CURRENCY : amount.currency());
        }
        default -> node.set(key, Json.toNode(contract.value(key)));
      }
    }
    return node;
  }

  private static com.fasterxml.jackson.databind.JsonNode nullable(ObjectNode node) {
    return node == null ? Json.NODES.nullNode() : node;
  }
}
