package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Users, user fields and the user-app relation. */
final class UserHandlers {
  static final List<String> DEFAULT_FIELDS =
      List.of(
          "idOrg",
          "firstName",
          "lastName",
          "email",
          "creationTime",
          "idRole",
          "lifecycleStatus",
          "isDeletedInIdentitySources",
          "isExternal",
          "activeAppsCount",
          "role",
          "additionalEmails");
  static final List<String> ALWAYS = List.of("id", "additionalEmails");
  static final List<String> VIEWS =
      List.of(
          "currentEmployees",
          "pastEmployees",
          "allEmployees",
          "currentUsers",
          "pastUsers",
          "allUsers",
          "currentNonHumanUsers",
          "pastNonHumanUsers",
          "allNonHumanUsers",
          "externalUsers");
  static final List<String> USER_APP_DEFAULT_FIELDS =
      List.of("id", "name", "isUserRemovedFromApp", "state");
  static final List<String> USER_APP_FIELDS =
      List.of(
          "id",
          "name",
          "primaryOwner",
          "appOwners",
          "state",
          "category",
          "url",
          "imageUrl",
          "description",
          "tags",
          "score",
          "isCustom",
          "addedBy",
          "creationTime",
          "isHidden",
          "sources",
          "vendor",
          "users",
          "lastUsageTime",
          "isUserRemovedFromApp",
          "annualCost",
          "annualCostConverted",
          "currency");

  private final SandboxState state;
  private final Views views;
  private final Cursors cursors;

  UserHandlers(SandboxState state, Views views, Cursors cursors) {
    this.state = state;
    this.views = views;
    this.cursors = cursors;
  }

  void register(Router router) {
    router.add("GET", "/users", "getUsers", this::list);
    router.add("GET", "/users/fields", "getUsersFields", this::fields);
    router.add("GET", "/users/metadata", "getUsersMetadata", this::metadata);
    router.add("GET", "/users/{idUser}", "getUsersIduser", this::get);
    router.add("PUT", "/users/{idUser}", "putUsersIduser", this::update);
    router.add("GET", "/users/{idUser}/apps", "getUsersIduserApps", this::apps);
    router.add("GET", "/users/{idUser}/apps/{idApp}", "getUsersIduserAppsIdapp", this::app);
    router.add("PUT", "/users/{idUser}/apps/{idApp}", "putUsersIduserAppsIdapp", this::updateApp);
  }

  private List<String> keys() {
    return Metadata.keys(state.userFields);
  }

  private ApiResponse list(ApiRequest request) {
    Predicate<ObjectNode> filter = node -> true;
    String email = request.queryText("email");
    if (email != null) {
      filter = filter.and(node -> node.get("email").asText().equalsIgnoreCase(email));
    }
    String lifecycle = request.queryText("lifecycleStatus");
    if (lifecycle != null) {
      Params.oneOf("lifecycleStatus", lifecycle, Fields.LIFECYCLE_STATUSES);
      filter = filter.and(node -> node.get("lifecycleStatus").asText().equals(lifecycle));
    }
    for (String flag : List.of("isDeletedInIdentitySources", "isExternal")) {
      Boolean value = request.queryBool(flag);
      if (value != null) {
        filter = filter.and(node -> node.get(flag).asBoolean() == value);
      }
    }
    for (String name : List.of("firstName", "lastName")) {
      String value = request.queryText(name);
      if (value != null) {
        filter = filter.and(node -> node.get(name).asText().equalsIgnoreCase(value));
      }
    }
    String idUsers = request.queryText("idUsers");
    if (idUsers != null) {
      List<String> raw = Params.csv(idUsers);
      if (raw.size() > 50) {
        throw ApiException.badRequest("\"idUsers\" accepts at most 50 ids");
      }
      Set<Integer> ids = new HashSet<>();
      raw.forEach(id -> ids.add(Params.parseId("idUsers", id)));
      filter = filter.and(node -> ids.contains(node.get("id").asInt()));
    }
    String view = request.queryText("view");
    if (view != null) {
      Params.oneOf("view", view, VIEWS);
      Set<Integer> inView = new HashSet<>();
      for (User user : state.users.values()) {
        if (inView(user, view)) {
          inView.add(user.id());
        }
      }
      filter = filter.and(node -> inView.contains(node.get("id").asInt()));
    }
    List<ObjectNode> items = new ArrayList<>();
    for (User user : state.users.values()) {
      items.add(views.user(user));
    }
    Listing listing =
        new Listing("getUsers", "users")
            .fields(DEFAULT_FIELDS, keys(), ALWAYS)
            .handles(
                Set.of(
                    "email",
                    "lifecycleStatus",
                    "isDeletedInIdentitySources",
                    "isExternal",
                    "firstName",
                    "lastName",
                    "idUsers",
                    "view"))
            .filterable(keys(), true)
            .size(1000, 1000)
            .search(
                node ->
                    node.get("firstName").asText()
                        + " "
                        + node.get("lastName").asText()
                        + " "
                        + node.get("email").asText());
    return ApiResponse.json(listing.run(request, cursors, items, filter));
  }

  /** Torii's user views: current/past by identity-source status, humans vs service accounts. */
  static boolean inView(User user, String view) {
    boolean current = !user.isDeletedInIdentitySources();
    boolean human = !user.isNonHuman();
    boolean employee = human && !user.isExternal();
    return switch (view) {
      case "currentEmployees" -> employee && current;
      case "pastEmployees" -> employee && !current;
      case "allEmployees" -> employee;
      case "currentUsers" -> human && current;
      case "pastUsers" -> human && !current;
      case "allUsers" -> human;
      case "currentNonHumanUsers" -> !human && current;
      case "pastNonHumanUsers" -> !human && !current;
      case "allNonHumanUsers" -> !human;
      case "externalUsers" -> user.isExternal();
      default -> false;
    };
  }

  private ApiResponse get(ApiRequest request) {
    User user = state.requireUser(request.pathInt("idUser"));
    List<String> fields = FieldSelection.parse(request.fields(), DEFAULT_FIELDS, keys());
    return ApiResponse.wrapped("user", FieldSelection.project(views.user(user), fields, ALWAYS));
  }

  private ApiResponse update(ApiRequest request) {
    User user = state.requireUser(request.pathInt("idUser"));
    ObjectNode body = request.jsonBody();
    Params.onlyKeys(body, List.of("lifecycleStatus"));
    String status = Params.requiredText(body, "lifecycleStatus");
    Params.oneOf("lifecycleStatus", status, Fields.LIFECYCLE_STATUSES);
    String old = user.lifecycleStatus();
    if (!old.equals(status)) {
      user.setLifecycleStatus(status);
      ObjectNode properties = Json.object();
      properties.put("idUser", user.id());
      properties.put("email", user.email());
      properties.putObject("oldValues").put("lifecycleStatus", old);
      properties.putObject("newValues").put("lifecycleStatus", status);
      state.recordAudit(request, "update_user_lifecycle_status", "users", properties);
    }
    return ApiResponse.wrapped(
        "user", FieldSelection.project(views.user(user), DEFAULT_FIELDS, ALWAYS));
  }

  private ApiResponse fields(ApiRequest request) {
    String q = request.queryText("q");
    Integer source =
        state.catalog.values().stream()
            .filter(c -> c.name().equals("BambooHR"))
            .map(CatalogApp::id)
            .findFirst()
            .orElse(null);
    ObjectNode out = Json.object();
    ArrayNode fields = out.putArray("fields");
    for (FieldDef def : state.userFields) {
      if (!def.custom() || !Metadata.matches(def, q)) {
        continue;
      }
      ObjectNode node = fields.addObject();
      node.put("id", def.id());
      node.put("idOrg", SandboxState.ID_ORG);
      node.put("sourceIdApp", source);
      node.put("name", def.name());
      node.put("type", def.type());
      node.put("key", def.systemKey());
      node.put("isDeleted", false);
    }
    return ApiResponse.json(out);
  }

  private ApiResponse metadata(ApiRequest request) {
    return ApiResponse.json(Metadata.metadata(state.userFields, request.queryText("q"), "users"));
  }

  private List<String> userAppKeys() {
    List<String> keys = new ArrayList<>(USER_APP_FIELDS);
    state.appFields.stream().filter(FieldDef::custom).forEach(d -> keys.add(d.systemKey()));
    return keys;
  }

  private ApiResponse apps(ApiRequest request) {
    User user = state.requireUser(request.pathInt("idUser"));
    List<String> keys = userAppKeys();
    List<String> fields = FieldSelection.parse(request.fields(), USER_APP_DEFAULT_FIELDS, keys);
    Predicate<ObjectNode> filter = node -> true;
    Boolean removed = request.queryBool("isUserRemovedFromApp");
    if (removed != null) {
      filter = filter.and(node -> node.get("isUserRemovedFromApp").asBoolean() == removed);
    }
    for (String name : request.queryNames()) {
      if (name.equals("fields") || name.equals("isUserRemovedFromApp")) {
        continue;
      }
      if (!keys.contains(name)) {
        throw ApiException.badRequest("\"" + name + "\" is not allowed as a query parameter");
      }
      filter = filter.and(Filters.simple(name, request.query(name)));
    }
    ArrayNode apps = Json.array();
    for (UserApp userApp : state.userAppsOf(user.id())) {
      ObjectNode full = views.userApp(userApp);
      if (filter.test(full)) {
        apps.add(FieldSelection.project(full, fields, List.of("id")));
      }
    }
    ObjectNode out = Json.object();
    out.set("apps", apps);
    return ApiResponse.json(out);
  }

  private UserApp requireUserApp(ApiRequest request) {
    User user = state.requireUser(request.pathInt("idUser"));
    App app = state.requireApp(request.pathInt("idApp"));
    UserApp userApp =
        state.userAppsByUser.getOrDefault(user.id(), java.util.Map.of()).get(app.id());
    if (userApp == null) {
      throw ApiException.notFound(
          "User " + user.id() + " has no account in app " + app.id() + " (" + app.name() + ")");
    }
    return userApp;
  }

  private ApiResponse app(ApiRequest request) {
    UserApp userApp = requireUserApp(request);
    List<String> fields =
        FieldSelection.parse(request.fields(), USER_APP_DEFAULT_FIELDS, userAppKeys());
    return ApiResponse.wrapped(
        "app", FieldSelection.project(views.userApp(userApp), fields, List.of("id")));
  }

  private ApiResponse updateApp(ApiRequest request) {
    UserApp userApp = requireUserApp(request);
    ObjectNode body = request.jsonBody();
    Params.onlyKeys(body, List.of("isUserRemovedFromApp"));
    JsonNode value = body.get("isUserRemovedFromApp");
    if (value == null || value.isNull()) {
      throw ApiException.badRequest("\"isUserRemovedFromApp\" is required");
    }
    if (!value.isBoolean()) {
      throw ApiException.badRequest("\"isUserRemovedFromApp\" must be a boolean");
    }
    boolean old = userApp.isUserRemovedFromApp();
    if (old != value.asBoolean()) {
      userApp.setRemovedFromApp(value.asBoolean());
      User user = state.users.get(userApp.idUser());
      App app = state.apps.get(userApp.idApp());
      ObjectNode properties = Json.object();
      properties.put("idUser", user.id());
      properties.put("email", user.email());
      properties.put("idApp", app.id());
      properties.put("appName", app.name());
      properties.putObject("oldValues").put("isUserRemovedFromApp", old);
      properties.putObject("newValues").put("isUserRemovedFromApp", value.asBoolean());
      state.recordAudit(request, "update_user", "users", properties);
    }
    return ApiResponse.wrapped(
        "app",
        FieldSelection.project(views.userApp(userApp), USER_APP_DEFAULT_FIELDS, List.of("id")));
  }
}
