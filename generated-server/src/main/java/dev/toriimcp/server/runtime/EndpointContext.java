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
 * @param portable whether schemas are sent in the portable profile ({@link SchemaProfiles})
 */
public record EndpointContext(
    String name,
    Predicate<ToolInfo> tools,
    Upstream upstream,
    boolean discovery,
    boolean portable) {

  public EndpointContext(
      String name, Predicate<ToolInfo> tools, Upstream upstream, boolean discovery) {
    this(name, tools, upstream, discovery, false);
  }

  /** Every tool, exposed directly. */
  public static EndpointContext all(String name, Upstream upstream) {
    return new EndpointContext(name, t -> true, upstream, false, false);
  }

  /** The same endpoint with another schema profile. */
  public EndpointContext withPortableSchemas(boolean value) {
    return new EndpointContext(name, tools, upstream, discovery, value);
  }
}
