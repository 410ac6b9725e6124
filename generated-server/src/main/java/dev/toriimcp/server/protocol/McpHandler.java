package dev.toriimcp.server.protocol;

import dev.toriimcp.server.runtime.EndpointContext;

/**
 * The seam between transports and the MCP protocol. Transports parse one JSON-RPC message, hand it
 * over with its transport headers, and send back what they get; they know nothing of MCP methods,
 * eras or sessions. {@link McpServer} is our implementation; another (for example one built on an
 * SDK) only has to implement these two methods.
 */
public interface McpHandler {

  /**
   * Handles one message for one endpoint.
   *
   * @param in the parsed message, its HTTP headers (none over stdio) and session id
   * @param endpoint which tools the caller may see and call, and where calls go
   * @return the HTTP status and the response body, or a null body for notifications and responses
   */
  Outgoing handle(Incoming in, EndpointContext endpoint);

  /**
   * Ends a session of the stateful revisions (HTTP {@code DELETE}).
   *
   * @return false when the endpoint has no such session
   */
  boolean endSession(String sessionId, EndpointContext endpoint);
}
