package dev.toriimcp.server.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What to send back.
 *
 * @param status the HTTP status (over stdio only the body matters)
 * @param body the JSON-RPC response, or null when there is none (notifications)
 * @param sessionId a session id to hand to the client, or null
 */
public record Outgoing(int status, ObjectNode body, String sessionId) {
  public static Outgoing accepted() {
    return new Outgoing(202, null, null);
  }

  public static Outgoing ok(ObjectNode body) {
    return new Outgoing(200, body, null);
  }
}
