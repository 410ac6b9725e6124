package dev.toriimcp.sandbox;

import java.time.Instant;

/**
 * One entry of the workflow edit history ({@code GET /workflows/audit}).
 *
 * @param performedBy user id
 * @param firstName their first name
 * @param lastName their last name
 * @param email their email
 * @param creationTime when
 * @param type e.g. {@code update_workflow}
 * @param properties JSON text, as Torii sends it
 * @param message human-readable summary
 */
public record WorkflowAuditEntry(
    int performedBy,
    String firstName,
    String lastName,
    String email,
    Instant creationTime,
    String type,
    String properties,
    String message) {}
