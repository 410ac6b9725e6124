package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/** Org apps, the app catalog, app fields and app users. */
final class AppHandlers {
  static final List<String> DEFAULT_FIELDS = List.of("id", "name", "primaryOwner");
  static final List<String> APP_USER_FIELDS =
      List.of(
          "idUser",
          "email",
          "firstName",
          "lastName",
          "fullName",
          "appName",
          "status",
          "externalStatus",
          "role",
          "idExternalUser",
          "sources",
          "score",
          "creationTime",
          "lastVisitTime",
          "creationTimeInApp",
          "identitySourcesDeletionTime",
          "isUserRemovedFromApp",
          "isOwnerNotifiedToRemoveUser",
          "isNewUserInApp",
          "isExternal",
          "isDeletedInIdentitySources",
          "isOffboardingIgnored",
          "isSupportLastVisit",
          "ignoreAccount",
          "numberOfInactiveLicenses",
          "photoUrl",
          "licenses",
          "appAccountName",
          "idAppAccount",
          "lifecycleStatus",
          "annualCost",
          "annualCostConverted");
  private static final List<String> CREATE_FIELDS =
      List.of("name", "state", "url", "category", "description", "tags");

  private final SandboxState state;
  private final Views views;
  private final Cursors cursors;

  AppHandlers(SandboxState state, Views views, Cursors cursors) {
    this.state = state;
    this.views = views;
    this.cursors = cursors;
  }

  void register(Router router) {
    router.add("GET", "/apps", "getApps", this::list);
    router.add("POST", "/apps", "postApps", this::addFromCatalog);
    router.add("GET", "/apps/search", "getAppsSearch", this::search);
    router.add("POST", "/apps/custom", "postAppsCustom", this::createCustom);
    router.add("POST", "/apps/match", "postAppsMatch", this::match);
    router.add("GET", "/apps/fields", "getAppsFields", this::fields);
    router.add("GET", "/apps/metadata", "getAppsMetadata", this::metadata);
    router.add("GET", "/apps/{idApp}", "getAppsIdapp", this::get);
    router.add("PUT", "/apps/{idApp}", "putAppsIdapp", this::update);
    router.add("GET", "/apps/{idApp}/users", "getAppsIdappUsers", this::users);
  }

  private List<String> keys() {
    return Metadata.keys(state.appFields);
  }

  private ApiResponse list(ApiRequest request) {
    Boolean includeLicenses = request.queryBool("includeLicenses");
    List<ObjectNode> items = new ArrayList<>();
    for (App app : state.apps.values()) {
      items.add(views.app(app));
    }
    Listing listing =
        new Listing("getApps", "apps")
            .fields(DEFAULT_FIELDS, keys(), List.of("id"))
            .handles(Set.of("includeLicenses"))
            .filterable(keys(), true)
            .size(1000, 1000)
            .search(
                node ->
                    node.get("name").asText()
                        + " "
                        + node.path("category").asText()
                        + " "
                        + node.path("vendor").asText());
    ObjectNode out = listing.run(request, cursors, items, node -> true);
    if (Boolean.TRUE.equals(includeLicenses)) {
      for (JsonNode app : out.get("apps")) {
        ((ObjectNode) app).set("licenses", views.licenses(state.apps.get(app.get("id").asInt())));
      }
    }
    return ApiResponse.json(out);
  }

  private ApiResponse get(ApiRequest request) {
    App app = state.requireApp(request.pathInt("idApp"));
    List<String> fields = FieldSelection.parse(request.fields(), DEFAULT_FIELDS, keys());
    ObjectNode node = FieldSelection.project(views.app(app), fields, List.of("id"));
    if (Boolean.TRUE.equals(request.queryBool("includeLicenses"))) {
      node.set("licenses", views.licenses(app));
    }
    return ApiResponse.wrapped("app", node);
  }

  private ApiResponse update(ApiRequest request) {
    App app = state.requireApp(request.pathInt("idApp"));
    ObjectNode body = request.jsonBody();
    if (body.isEmpty()) {
      throw ApiException.badRequest("The request body must set at least one app field");
    }
    Map<String, FieldDef> writable = new LinkedHashMap<>();
    state.appFields.stream()
        .filter(FieldDef::writable)
        .forEach(d -> writable.put(d.systemKey(), d));
    List<String> allowed = new ArrayList<>(writable.keySet());
    allowed.add("owner");
    Params.onlyKeys(body, allowed);
    if (body.has("owner") && body.has("primaryOwner")) {
      throw ApiException.badRequest("Send either \"primaryOwner\" or the deprecated \"owner\"");
    }
    Map<String, Object> changes = new LinkedHashMap<>();
    body.properties()
        .forEach(
            e -> {
              String key = e.getKey().equals("owner") ? "primaryOwner" : e.getKey();
              Object value = FieldValues.parse(writable.get(key), e.getValue(), state);
              if (key.equals("name") && (value == null || value.toString().isBlank())) {
                throw ApiException.badRequest("\"name\" is not allowed to be empty");
              }
              changes.put(key, value);
            });
    ObjectNode oldValues = Json.object();
    ObjectNode newValues = Json.object();
    ObjectNode before = views.app(app);
    for (Map.Entry<String, Object> change : changes.entrySet()) {
      apply(app, change.getKey(), change.getValue());
    }
    ObjectNode after = views.app(app);
    for (String key : changes.keySet()) {
      if (!Objects.equals(before.get(key), after.get(key))) {
        oldValues.set(key, simplify(before.get(key)));
        newValues.set(key, simplify(after.get(key)));
      }
    }
    if (!newValues.isEmpty()) {
      ObjectNode properties = Json.object();
      properties.put("idApp", app.id());
      properties.put("appName", app.name());
      properties.set("oldValues", oldValues);
      properties.set("newValues", newValues);
      state.recordAudit(request, "update_app_details", "apps", properties);
    }
    ObjectNode payload = views.appPayload(app);
    state.appFields.stream()
        .filter(FieldDef::custom)
        .forEach(d -> payload.set(d.systemKey(), after.get(d.systemKey())));
    return ApiResponse.wrapped("app", payload);
  }

  /** Owners are audited by id, not by their whole profile. */
  private static JsonNode simplify(JsonNode value) {
    if (value != null && value.isObject() && value.has("id") && value.has("email")) {
      return value.get("id");
    }
    if (value != null && value.isArray()) {
      ArrayNode ids = Json.array();
      value.forEach(v -> ids.add(simplify(v)));
      return ids;
    }
    return value == null ? Json.NODES.nullNode() : value;
  }

  @SuppressWarnings("unchecked")
  private static void apply(App app, String key, Object value) {
    switch (key) {
      case "name" -> app.setName((String) value);
      case "state" -> app.setState((String) value);
      case "category" -> app.setCategory((String) value);
      case "url" -> app.setUrl((String) value);
      case "description" -> app.setDescription((String) value);
      case "tags" -> app.setTags((String) value);
      case "isHidden" -> app.setHidden(Boolean.TRUE.equals(value));
      case "primaryOwner" -> app.setPrimaryOwner((Integer) value);
      case "appOwners" -> app.setAppOwners(value == null ? List.of() : (List<Integer>) value);
      default -> app.setField(key, value);
    }
  }

  private ApiResponse addFromCatalog(ApiRequest request) {
    ObjectNode body = request.jsonBody();
    Params.onlyKeys(body, List.of("idApp"));
    if (!body.has("idApp") || body.get("idApp").isNull()) {
      throw ApiException.badRequest("\"idApp\" is required");
    }
    int idApp = FieldValues.id("idApp", body.get("idApp"));
    App existing = state.apps.get(idApp);
    if (existing != null) {
      return ApiResponse.wrapped("app", views.appPayload(existing));
    }
    CatalogApp catalogApp = state.catalog.get(idApp);
    if (catalogApp == null) {
      throw ApiException.notFound("App " + idApp + " not found in the app catalog");
    }
    App app =
        new App(
            catalogApp.id(),
            catalogApp.name(),
            "discovered",
            catalogApp.category(),
            catalogApp.url(),
            catalogApp.imageUrl(),
            catalogApp.description(),
            catalogApp.category(),
            false,
            null,
            List.of(),
            50,
            false,
            state.apiUserId,
            state.now(),
            List.of("manual"),
            catalogApp.vendor(),
            null,
            Map.of(),
            null);
    state.apps.put(app.id(), app);
    ObjectNode properties = Json.object();
    properties.put("idApp", app.id());
    properties.put("appName", app.name());
    properties.putObject("newValues").put("state", app.state());
    state.recordAudit(request, "add_app_from_catalog", "apps", properties);
    return ApiResponse.wrapped("app", views.appPayload(app));
  }

  private ApiResponse createCustom(ApiRequest request) {
    ObjectNode body = request.jsonBody();
    Params.onlyKeys(body, CREATE_FIELDS);
    String name = Params.requiredText(body, "name").trim();
    for (App app : state.apps.values()) {
      if (app.name().equalsIgnoreCase(name)) {
        throw new ApiException(
            409, "An app named '" + app.name() + "' already exists (id " + app.id() + ")");
      }
    }
    String appState = Params.optionalText(body, "state");
    appState = appState == null ? "discovered" : Params.oneOf("state", appState, Fields.APP_STATES);
    String category = Params.optionalText(body, "category");
    App app =
        new App(
            state.nextCustomAppId++,
            name,
            appState,
            category == null ? "Other" : category,
            Params.optionalText(body, "url"),
            "https://logos.sandbox.invalid/custom.png",
            Params.optionalText(body, "description"),
            Params.optionalText(body, "tags"),
            false,
            null,
            List.of(),
            0,
            true,
            state.apiUserId,
            state.now(),
            List.of("manual"),
            null,
            null,
            Map.of(),
            null);
    state.apps.put(app.id(), app);
    ObjectNode properties = Json.object();
    properties.put("idApp", app.id());
    properties.put("appName", app.name());
    properties.set("newValues", views.appPayload(app));
    state.recordAudit(request, "add_custom_app", "apps", properties);
    return ApiResponse.wrapped("app", views.appPayload(app));
  }

  private ApiResponse search(ApiRequest request) {
    String q = request.queryText("q");
    if (q == null) {
      throw ApiException.badRequest("\"q\" is required");
    }
    int limit = request.queryInt("limit", 1, 50, 5);
    String needle = q.toLowerCase();
    List<CatalogApp> hits =
        state.catalog.values().stream()
            .filter(c -> c.name().toLowerCase().contains(needle))
            .sorted(
                Comparator.comparing((CatalogApp c) -> !c.name().toLowerCase().startsWith(needle))
                    .thenComparing(c -> c.name().toLowerCase()))
            .limit(limit)
            .toList();
    ArrayNode apps = Json.array();
    for (CatalogApp c : hits) {
      ObjectNode node = apps.addObject();
      node.put("id", c.id());
      node.put("name", c.name());
      node.put("category", c.category());
      node.put("imageUrl", c.imageUrl());
      node.put("url", c.url());
      App inOrg = state.apps.get(c.id());
      node.put("isHidden", inOrg != null && inOrg.isHidden());
    }
    ObjectNode out = Json.object();
    out.set("apps", apps);
    return ApiResponse.json(out);
  }

  private ApiResponse match(ApiRequest request) {
    ObjectNode body = request.jsonBody();
    Params.onlyKeys(body, List.of("apps"));
    JsonNode apps = body.get("apps");
    if (apps == null || !apps.isArray()) {
      throw ApiException.badRequest("\"apps\" is required: an array of {name}");
    }
    if (apps.size() > 100) {
      throw ApiException.badRequest("\"apps\" accepts at most 100 names per request");
    }
    ArrayNode results = Json.array();
    for (JsonNode item : apps) {
      if (!item.isObject()) {
        throw ApiException.badRequest("Each entry of \"apps\" must be an object {name}");
      }
      ObjectNode entry = (ObjectNode) item;
      Params.onlyKeys(entry, List.of("name"));
      String name = Params.requiredText(entry, "name").trim();
      CatalogApp best = bestMatch(name);
      ObjectNode result = results.addObject();
      if (best != null) {
        result.put("idApp", best.id());
        result.put("name", best.name());
        result.put("url", best.url());
      }
      result.put("searchedBy", name);
    }
    ObjectNode out = Json.object();
    out.set("apps", results);
    return ApiResponse.json(out);
  }

  private CatalogApp bestMatch(String name) {
    String needle = name.toLowerCase();
    CatalogApp prefix = null;
    for (CatalogApp c : state.catalog.values()) {
      String candidate = c.name().toLowerCase();
      if (candidate.equals(needle)) {
        return c;
      }
      if (prefix == null && (candidate.startsWith(needle) || needle.startsWith(candidate))) {
        prefix = c;
      }
    }
    return prefix;
  }

  private ApiResponse fields(ApiRequest request) {
    request.queryBool("includeDeletedOptions");
    return ApiResponse.json(Metadata.fieldsWithOptions(state.appFields));
  }

  private ApiResponse metadata(ApiRequest request) {
    return ApiResponse.json(Metadata.metadata(state.appFields, request.queryText("q"), "apps"));
  }

  private ApiResponse users(ApiRequest request) {
    App app = state.requireApp(request.pathInt("idApp"));
    Predicate<ObjectNode> filter = node -> true;
    String status = request.queryText("status");
    if (status != null) {
      Params.oneOf("status", status, List.of("deleted", "active", "managed"));
      filter = filter.and(node -> node.get("status").asText().equals(status));
    }
    String q = request.queryText("q");
    if (q != null) {
      List<String> searchIn = Params.csv(request.queryText("qFields"));
      List<String> fields = searchIn.isEmpty() ? List.of("fullName", "email") : searchIn;
      for (String field : fields) {
        if (!APP_USER_FIELDS.contains(field)) {
          throw ApiException.badRequest("Unknown field '" + field + "' in \"qFields\"");
        }
      }
      String needle = q.toLowerCase();
      filter =
          filter.and(
              node ->
                  fields.stream()
                      .anyMatch(f -> node.path(f).asText().toLowerCase().contains(needle)));
    }
    List<ObjectNode> items = new ArrayList<>();
    for (UserApp userApp : state.usersOfApp(app.id())) {
      items.add(views.appUser(userApp));
    }
    Listing listing =
        new Listing("getAppsIdappUsers", "users")
            .fields(APP_USER_FIELDS, APP_USER_FIELDS, List.of())
            .handles(Set.of("status", "q", "qFields"))
            .filterable(APP_USER_FIELDS, false)
            .idKey("idUser")
            .size(1000, 1000);
    return ApiResponse.json(listing.run(request, cursors, items, filter));
  }
}
