package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/** Contracts and contract fields (the v1.1 list envelope). */
final class ContractHandlers {
  static final List<String> DEFAULT_FIELDS = List.of("id", "name", "idApp", "owner");
  static final String TOP_LEVEL_CURRENCY =
      "\"currency\" cannot be set as a top-level field. Send the currency inside the money field"
          + " instead, e.g. \"amount\": {\"value\": 1200000, \"currency\": \"EUR\"} (value in"
          + " cents); a plain number uses the org currency (USD)";

  private final SandboxState state;
  private final Views views;
  private final Cursors cursors;

  ContractHandlers(SandboxState state, Views views, Cursors cursors) {
    this.state = state;
    this.views = views;
    this.cursors = cursors;
  }

  void register(Router router) {
    router.add("GET", "/contracts", "getContracts", this::list);
    router.add("POST", "/contracts", "postContracts", this::create);
    router.add("GET", "/contracts/fields", "getContractsFields", this::fields);
    router.add("GET", "/contracts/metadata", "getContractsMetadata", this::metadata);
    router.add("GET", "/contracts/{idContract}", "getContractsIdcontract", this::get);
    router.add("PUT", "/contracts/{idContract}", "putContractsIdcontract", this::update);
    router.add("DELETE", "/contracts/{idContract}", "deleteContractsIdcontract", this::delete);
  }

  private List<String> keys() {
    return Metadata.keys(state.contractFields);
  }

  private ApiResponse list(ApiRequest request) {
    Predicate<ObjectNode> filter = node -> true;
    String status = request.queryText("status");
    if (status != null) {
      Params.oneOf("status", status, Fields.CONTRACT_STATUSES);
      filter = filter.and(node -> node.get("status").asText().equals(status));
    }
    String idApp = request.queryText("idApp");
    if (idApp != null) {
      int id = Params.parseId("idApp", idApp);
      filter = filter.and(node -> node.get("idApp").asInt() == id);
    }
    List<ObjectNode> items = new ArrayList<>();
    for (Contract contract : state.contracts.values()) {
      items.add(views.contract(contract));
    }
    Listing listing =
        new Listing("getContracts", "contracts")
            .fields(DEFAULT_FIELDS, keys(), List.of("id"))
            .handles(Set.of("status", "idApp"))
            .filterable(keys(), true)
            .size(1000, 1000)
            .search(node -> node.path("name").asText());
    return ApiResponse.json(listing.run(request, cursors, items, filter));
  }

  private ApiResponse get(ApiRequest request) {
    Contract contract = state.requireContract(request.pathInt("idContract"));
    List<String> fields = FieldSelection.parse(request.fields(), DEFAULT_FIELDS, keys());
    return ApiResponse.wrapped(
        "contract", FieldSelection.project(views.contract(contract), fields, List.of("id")));
  }

  /** Validates a create/update body into stored values, keyed by system key. */
  private Map<String, Object> values(ObjectNode body, boolean create) {
    if (body.has("currency")) {
      throw ApiException.badRequest(TOP_LEVEL_CURRENCY);
    }
    Map<String, FieldDef> defs = new LinkedHashMap<>();
    state.contractFields.forEach(d -> defs.put(d.systemKey(), d));
    List<String> writable =
        state.contractFields.stream().filter(FieldDef::writable).map(FieldDef::systemKey).toList();
    for (String key : iterable(body)) {
      if (!defs.containsKey(key)) {
        throw ApiException.badRequest(
            "\""
                + key
                + "\" is not a contract field. See GET /contracts/fields for the writable"
                + " fields: "
                + String.join(", ", writable));
      }
    }
    if (create) {
      for (FieldDef def : state.contractFields) {
        JsonNode value = body.get(def.systemKey());
        if (def.required() && (value == null || value.isNull())) {
          throw ApiException.badRequest("\"" + def.systemKey() + "\" is required");
        }
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (String key : iterable(body)) {
      Object value = FieldValues.parse(defs.get(key), body.get(key), state);
      if (key.equals("name") && value != null && value.toString().isBlank()) {
        throw ApiException.badRequest("\"name\" is not allowed to be empty");
      }
      values.put(key, value);
    }
    Object start = values.get("startDate");
    Object end = values.get("endDate");
    if (start instanceof java.time.LocalDate s
        && end instanceof java.time.LocalDate e
        && e.isBefore(s)) {
      throw ApiException.badRequest("\"endDate\" must not be before \"startDate\"");
    }
    return values;
  }

  private static List<String> iterable(ObjectNode body) {
    List<String> keys = new ArrayList<>();
    body.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private ApiResponse create(ApiRequest request) {
    ObjectNode body = request.jsonBody();
    Map<String, Object> values = values(body, true);
    values.values().removeIf(Objects::isNull);
    Contract contract =
        new Contract(state.nextContractId++, state.now(), state.apiUserId, "api", values);
    state.contracts.put(contract.id(), contract);
    ObjectNode properties = properties(contract);
    ObjectNode newValues = properties.putObject("newValues");
    values.forEach((k, v) -> newValues.set(k, Json.toNode(v)));
    state.recordAudit(request, "create_contract", "contracts", properties);
    return ApiResponse.wrapped("contract", views.contract(contract));
  }

  private ApiResponse update(ApiRequest request) {
    Contract contract = state.requireContract(request.pathInt("idContract"));
    ObjectNode body = request.jsonBody();
    if (body.isEmpty()) {
      throw ApiException.badRequest("The request body must set at least one contract field");
    }
    Map<String, Object> values = values(body, false);
    Object start =
        values.containsKey("startDate") ? values.get("startDate") : contract.value("startDate");
    Object end = values.containsKey("endDate") ? values.get("endDate") : contract.value("endDate");
    if (start instanceof java.time.LocalDate s
        && end instanceof java.time.LocalDate e
        && e.isBefore(s)) {
      throw ApiException.badRequest("\"endDate\" must not be before \"startDate\"");
    }
    ObjectNode oldValues = Json.object();
    ObjectNode newValues = Json.object();
    for (Map.Entry<String, Object> change : values.entrySet()) {
      Object old = contract.value(change.getKey());
      if (!Objects.equals(old, change.getValue())) {
        oldValues.set(change.getKey(), Json.toNode(old));
        newValues.set(change.getKey(), Json.toNode(change.getValue()));
        contract.set(change.getKey(), change.getValue());
      }
    }
    if (!newValues.isEmpty()) {
      ObjectNode properties = properties(contract);
      properties.set("oldValues", oldValues);
      properties.set("newValues", newValues);
      state.recordAudit(request, "update_contract", "contracts", properties);
    }
    return ApiResponse.wrapped("contract", views.contract(contract));
  }

  private ApiResponse delete(ApiRequest request) {
    Contract contract = state.requireContract(request.pathInt("idContract"));
    state.contracts.remove(contract.id());
    ObjectNode properties = properties(contract);
    ObjectNode oldValues = properties.putObject("oldValues");
    contract.values().forEach((k, v) -> oldValues.set(k, Json.toNode(v)));
    state.recordAudit(request, "delete_contract", "contracts", properties);
    return ApiResponse.noContent();
  }

  private ObjectNode properties(Contract contract) {
    ObjectNode properties = Json.object();
    properties.put("idContract", contract.id());
    properties.put("contractName", contract.name());
    properties.put("idApp", contract.idApp());
    App app = state.apps.get(contract.idApp());
    properties.put("appName", app == null ? null : app.name());
    return properties;
  }

  private ApiResponse fields(ApiRequest request) {
    return ApiResponse.json(Metadata.fieldsWithOptions(state.contractFields));
  }

  private ApiResponse metadata(ApiRequest request) {
    return ApiResponse.json(
        Metadata.metadata(state.contractFields, request.queryText("q"), "contracts"));
  }
}
