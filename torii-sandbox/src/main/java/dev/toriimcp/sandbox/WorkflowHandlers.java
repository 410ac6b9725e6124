package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Workflows, their action executions, edit history and manual triggers. */
final class WorkflowHandlers {
  private static final List<String> TRIGGER_FIELDS =
      List.of(
          "triggerUserEmail",
          "triggerAppId",
          "triggerContractId",
          "triggerLicenseName",
          "triggerLicenseAppId");

  private final SandboxState state;
  private final Cursors cursors;

  WorkflowHandlers(SandboxState state, Cursors cursors) {
    this.state = state;
    this.cursors = cursors;
  }

  void register(Router router) {
    router.add("GET", "/workflows", "getWorkflows", this::list);
    router.add(
        "GET", "/workflows/actionExecutions", "getWorkflowsActionexecutions", this::executions);
    router.add("GET", "/workflows/audit", "getWorkflowsAudit", this::audit);
    router.add("GET", "/workflows/{idWorkflow}", "getWorkflowsIdworkflow", this::get);
    router.add(
        "POST", "/workflows/{idWorkflow}/trigger", "postWorkflowsIdworkflowTrigger", this::trigger);
  }

  private ObjectNode workflow(Workflow w) {
    ObjectNode node = Json.object();
    node.put("id", w.id());
    node.put("idOrg", SandboxState.ID_ORG);
    node.put("name", w.name());
    node.put("description", w.description());
    node.put("type", w.type());
    node.put("triggerType", w.triggerType());
    node.put("isActive", w.isActive());
    node.put("version", w.version());
    node.put("creationTime", Json.time(w.creationTime()));
    node.put("createdBy", w.createdBy());
    ArrayNode actions = node.putArray("actions");
    for (Workflow.Action action : w.actions()) {
      ObjectNode a = actions.addObject();
      a.put("idAction", action.idAction());
      a.put("type", action.actionType());
      a.put("idApp", action.idApp());
    }
    return node;
  }

  private ApiResponse list(ApiRequest request) {
    String type = request.queryText("type");
    type = type == null ? "regular" : type;
    ArrayNode workflows = Json.array();
    for (Workflow w : state.workflows.values()) {
      if (w.type().equals(type)) {
        workflows.add(workflow(w));
      }
    }
    ObjectNode out = Json.object();
    out.set("workflows", workflows);
    return ApiResponse.json(out);
  }

  private Workflow requireWorkflow(ApiRequest request) {
    int id = request.pathInt("idWorkflow");
    Workflow workflow = state.workflows.get(id);
    if (workflow == null) {
      throw ApiException.notFound("Workflow " + id + " not found");
    }
    return workflow;
  }

  private ApiResponse get(ApiRequest request) {
    return ApiResponse.wrapped("workflow", workflow(requireWorkflow(request)));
  }

  private ApiResponse executions(ApiRequest request) {
    Integer app = firstId(request, "idActionApp", "idApp");
    Integer user = firstId(request, "idActionUser", "idUser");
    int size = request.queryInt("size", 1, 1000, 50);
    List<ActionExecution> matching = new ArrayList<>();
    for (int i = state.actionExecutions.size() - 1; i >= 0; i--) {
      ActionExecution e = state.actionExecutions.get(i);
      if (app != null && !app.equals(e.idApp())) {
        continue;
      }
      if (user != null && !user.equals(e.idUser())) {
        continue;
      }
      matching.add(e);
    }
    String fingerprint = Cursors.fingerprint("getWorkflowsActionexecutions", request);
    int offset = cursors.decode(request.queryText("cursor"), fingerprint);
    int end = Math.min(matching.size(), offset + size);
    ArrayNode items = Json.array();
    for (int i = Math.min(offset, end); i < end; i++) {
      ActionExecution e = matching.get(i);
      User target = e.idUser() == null ? null : state.users.get(e.idUser());
      App target2 = e.idApp() == null ? null : state.apps.get(e.idApp());
      items.add(
          e.toJson(
              SandboxState.ID_ORG,
              target == null ? null : target.email(),
              target2 == null ? null : target2.name()));
    }
    ObjectNode out = Json.object();
    out.set("actionExecutions", items);
    out.put("count", items.size());
    out.put("total", matching.size());
    if (end < matching.size()) {
      out.put("nextCursor", cursors.encode(end, fingerprint));
    } else {
      out.putNull("nextCursor");
    }
    return ApiResponse.json(out);
  }

  private static Integer firstId(ApiRequest request, String name, String deprecated) {
    String raw = request.queryText(name);
    if (raw != null) {
      return Params.parseId(name, raw);
    }
    raw = request.queryText(deprecated);
    return raw == null ? null : Params.parseId(deprecated, raw);
  }

  private ApiResponse audit(ApiRequest request) {
    Instant start = AuditHandlers.time("startTime", request.queryText("startTime"), false);
    Instant end = AuditHandlers.time("endTime", request.queryText("endTime"), true);
    int offset = request.queryInt("offset", 0, Integer.MAX_VALUE, 0);
    int limit = request.queryInt("limit", 1, 1000, 50);
    List<WorkflowAuditEntry> matching = new ArrayList<>();
    for (int i = state.workflowAudit.size() - 1; i >= 0; i--) {
      WorkflowAuditEntry e = state.workflowAudit.get(i);
      if (start != null && !e.creationTime().isAfter(start)) {
        continue;
      }
      if (end != null && e.creationTime().isAfter(end)) {
        continue;
      }
      matching.add(e);
    }
    ArrayNode audit = Json.array();
    for (int i = offset; i < Math.min(matching.size(), offset + limit); i++) {
      WorkflowAuditEntry e = matching.get(i);
      ObjectNode node = audit.addObject();
      node.put("performedBy", e.performedBy());
      node.put("performedByFirstName", e.firstName());
      node.put("performedByLastName", e.lastName());
      node.put("performedByEmail", e.email().toLowerCase());
      node.put("idTargetOrg", SandboxState.ID_ORG);
      node.put("properties", e.properties());
      node.put("creationTime", Json.time(e.creationTime()));
      node.put("type", e.type());
      node.put("message", e.message());
    }
    ObjectNode out = Json.object();
    out.set("audit", audit);
    return ApiResponse.json(out);
  }

  private ApiResponse trigger(ApiRequest request) {
    Workflow workflow = requireWorkflow(request);
    ObjectNode body = request.jsonBody();
    Params.onlyKeys(body, TRIGGER_FIELDS);
    String email = Params.optionalText(body, "triggerUserEmail");
    Integer idApp = numberId(body, "triggerAppId");
    Integer idContract = numberId(body, "triggerContractId");
    String licenseName = Params.optionalText(body, "triggerLicenseName");
    Integer licenseApp = numberId(body, "triggerLicenseAppId");
    User user = null;
    if (email != null) {
      user =
          state.users.values().stream()
              .filter(u -> u.email().equalsIgnoreCase(email.trim()))
              .findFirst()
              .orElseThrow(
                  () -> ApiException.badRequest("No user with email '" + email + "' exists"));
    }
    if (idApp != null) {
      state.requireApp(idApp);
    }
    if (idContract != null) {
      state.requireContract(idContract);
    }
    if (licenseApp != null) {
      state.requireApp(licenseApp);
    }
    switch (workflow.triggerType()) {
      case "userLeft", "userJoins", "userMeetsCriteria" ->
          require(email, "triggerUserEmail", workflow);
      case "newAppDiscovered", "appMeetsCriteria" -> require(idApp, "triggerAppId", workflow);
      case "contractMeetsCriteria" -> require(idContract, "triggerContractId", workflow);
      case "licenseNotInUse" -> {
        require(licenseName, "triggerLicenseName", workflow);
        require(licenseApp, "triggerLicenseAppId", workflow);
      }
      default -> {}
    }
    Instant now = state.now();
    int execution = state.nextWorkflowExecutionId++;
    for (Workflow.Action action : workflow.actions()) {
      state.actionExecutions.add(
          new ActionExecution(
              state.nextActionExecutionId++,
              workflow.id(),
              execution,
              action.idAction(),
              action.actionType(),
              action.idApp() != null ? action.idApp() : idApp,
              user == null ? null : user.id(),
              "completed",
              null,
              null,
              now,
              now,
              now));
    }
    User admin = state.users.get(state.apiUserId);
    ObjectNode properties = Json.object();
    properties.put("idWorkflow", workflow.id());
    properties.put("workflowName", workflow.name());
    properties.put("idWorkflowExecution", execution);
    body.properties().forEach(e -> properties.set(e.getKey(), e.getValue()));
    state.workflowAudit.add(
        new WorkflowAuditEntry(
            admin.id(),
            admin.firstName(),
            admin.lastName(),
            admin.email(),
            now,
            "workflow_triggered_manually",
            properties.toString(),
            "User "
                + admin.fullName()
                + " ("
                + admin.email()
                + "), triggered workflow "
                + workflow.id()
                + " manually, at "
                + Json.time(now)));
    state.recordAudit(request, "workflow_triggered_manually", "workflows", properties);
    ObjectNode out = Json.object();
    out.put("success", true);
    return ApiResponse.json(out);
  }

  private static Integer numberId(ObjectNode body, String name) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw ApiException.badRequest("\"" + name + "\" must be a number");
    }
    return FieldValues.id(name, value);
  }

  private static void require(Object value, String name, Workflow workflow) {
    if (value == null) {
      throw ApiException.badRequest(
          "\""
              + name
              + "\" is required to trigger workflow "
              + workflow.id()
              + " (trigger type "
              + workflow.triggerType()
              + ")");
    }
  }
}
