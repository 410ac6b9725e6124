package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One admin audit log entry.
 *
 * @param performedBy id of the user who made the change
 * @param performedByFirstName their first name
 * @param performedByLastName their last name
 * @param performedByEmail their email, lower-cased
 * @param creationTime when it happened
 * @param type Torii's event type, e.g. {@code update_contract}
 * @param entity the audited entity family, e.g. {@code contracts}
 * @param requestPath path of the request that made the change
 * @param requestMethod lower-case HTTP method of that request
 * @param remoteAddress caller's address
 * @param properties ids of the involved entities plus {@code oldValues} and {@code newValues}
 */
public record AuditEntry(
    int performedBy,
    String performedByFirstName,
    String performedByLastName,
    String performedByEmail,
    Instant creationTime,
    String type,
    String entity,
    String requestPath,
    String requestMethod,
    String remoteAddress,
    JsonNode properties) {

  public AuditEntry {
    properties = properties.deepCopy();
  }

  @Override
  public JsonNode properties() {
    return properties.deepCopy();
  }

  ObjectNode toJson(int idOrg) {
    ObjectNode node = Json.object();
    node.put("performedBy", performedBy);
    node.put("performedByFirstName", performedByFirstName);
    node.put("performedByLastName", performedByLastName);
    node.put("performedByEmail", performedByEmail);
    node.put("idTargetOrg", idOrg);
    node.put("creationTime", Json.time(creationTime));
    node.put("type", type);
    node.put("entity", entity);
    ObjectNode request = node.putObject("requestDetails");
    request.put("path", requestPath);
    request.put("method", requestMethod);
    request.put("remoteAddress", remoteAddress);
    node.set("properties", properties.deepCopy());
    return node;
  }
}
