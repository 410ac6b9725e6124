package dev.toriimcp.server.runtime;

import dev.toriimcp.runtime.ToolInfo;
import java.util.function.Predicate;

/**
 * What one MCP endpoint may do: which tools it sees, where calls go, and how tools are exposed.
 *
 * @param name a label for logs (never a token)
 * @param tools which tools are visible and callable
 * @param upstream the Torii connection
 * @param discovery whether tools are exposed through search_tools/get_tool_schema/call_tool
 */
public record EndpointContext(
    String name, Predicate<ToolInfo> tools, Upstream upstream, boolean discovery) {

  /** Every tool, exposed directly. */
  public static EndpointContext all(String name, Upstream upstream) {
    return new EndpointContext(name, t -> true, upstream, false);
  }
}
