package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One executed workflow action.
 *
 * @param id execution id
 * @param idWorkflow workflow
 * @param idWorkflowExecution the workflow run this action belongs to
 * @param idAction step id within the workflow
 * @param actionType e.g. {@code sendEmail}
 * @param idApp the app acted on, or null
 * @param idUser the user acted on, or null
 * @param status {@code completed}, {@code failed}, {@code running} or {@code ignored}
 * @param errorType mapped error type when failed
 * @param errorMessage error text when failed
 * @param creationTime when the action was scheduled
 * @param runTime when it ran
 * @param endTime when it completed, failed or was ignored
 */
public record ActionExecution(
    int id,
    int idWorkflow,
    int idWorkflowExecution,
    String idAction,
    String actionType,
    Integer idApp,
    Integer idUser,
    String status,
    String errorType,
    String errorMessage,
    Instant creationTime,
    Instant runTime,
    Instant endTime) {

  ObjectNode toJson(int idOrg, String userEmail, String appName) {
    ObjectNode node = Json.object();
    node.put("id", id);
    node.put("idOrg", idOrg);
    node.put("idApp", idApp);
    node.put("idWorkflow", idWorkflow);
    node.put("idWorkflowExecution", idWorkflowExecution);
    node.put("idAction", idAction);
    node.put("actionType", actionType);
    ObjectNode runtime = node.putObject("runtimeInfo");
    runtime.put("idUser", idUser);
    runtime.put("userEmail", userEmail);
    runtime.put("appName", appName);
    node.put("isRun", status.equals("running"));
    node.put("runTime", Json.time(runTime));
    node.put("isCompleted", status.equals("completed"));
    node.put("completionTime", status.equals("completed") ? Json.time(endTime) : null);
    node.put("continueOnError", false);
    node.put("isIgnored", status.equals("ignored"));
    node.put("ignoredTime", status.equals("ignored") ? Json.time(endTime) : null);
    ObjectNode details = node.putObject("details");
    details.put("actionType", actionType);
    if (appName != null) {
      details.put("appName", appName);
    }
    node.put("executionErrorType", errorType);
    node.put("errorTime", status.equals("failed") ? Json.time(endTime) : null);
    node.put("status", status);
    node.put("errorMessage", errorMessage);
    node.put("creationTime", Json.time(creationTime));
    node.put("updateTime", Json.time(endTime == null ? runTime : endTime));
    return node;
  }
}
