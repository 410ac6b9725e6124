package dev.toriimcp.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A workflow.
 *
 * @param id workflow id
 * @param name display name
 * @param description what it does
 * @param type {@code regular} (the only type the sandbox has)
 * @param triggerType what starts it, e.g. {@code userLeft}
 * @param isActive whether it runs automatically
 * @param version schema version
 * @param creationTime when it was created
 * @param createdBy user id of its author
 * @param actions its steps
 */
public record Workflow(
    int id,
    String name,
    String description,
    String type,
    String triggerType,
    boolean isActive,
    int version,
    Instant creationTime,
    int createdBy,
    List<Action> actions) {

  /**
   * One step of a workflow.
   *
   * @param idAction step id within the workflow
   * @param actionType e.g. {@code removeUserFromApp}
   * @param idApp the app the step acts on, or null
   */
  public record Action(String idAction, String actionType, Integer idApp) {}
}
