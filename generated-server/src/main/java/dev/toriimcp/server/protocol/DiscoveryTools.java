package dev.toriimcp.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toriimcp.runtime.search.ToolSearch;
import dev.toriimcp.server.runtime.EndpointContext;
import dev.toriimcp.server.runtime.ToolCatalog;
import dev.toriimcp.server.runtime.ToolExecutor;
import java.util.List;

/**
 * Discovery exposure: instead of every tool, an endpoint lists {@code search_tools}, {@code
 * get_tool_schema} and {@code call_tool}. All three see exactly the tools the endpoint's filter
 * allows, so a filtered tool can be neither found nor called.
 */
final class DiscoveryTools {
  private DiscoveryTools() {}

  static List<ObjectNode> listings() {
    return List.of(
        tool(
            McpServer.SEARCH_TOOLS,
            "Search tools",
            "Find the tools that fit a task described in plain words (for example \"users still"
                + " active in apps after offboarding\"). Returns names, titles and descriptions;"
                + " then call get_tool_schema for the arguments of the one you pick.",
            schema(
                "{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\",\"minLength\":1,"
                    + "\"description\":\"What you want to do, in plain words.\"},\"limit\":{\"type\":"
                    + "\"integer\",\"minimum\":1,\"maximum\":50,\"default\":8}},\"required\":[\"query\"],"
                    + "\"additionalProperties\":false}"),
            true),
        tool(
            McpServer.GET_TOOL_SCHEMA,
            "Get a tool's schema",
            "The full definition of one tool: description, input schema (its arguments) and output"
                + " schema. Use it before call_tool.",
            schema(
                "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\",\"description\":"
                    + "\"A tool name returned by search_tools.\"}},\"required\":[\"name\"],"
                    + "\"additionalProperties\":false}"),
            true),
        tool(
            McpServer.CALL_TOOL,
            "Call a tool",
            "Run one tool by name with its arguments, exactly as if it were listed directly.",
            schema(
                "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"arguments\":"
                    + "{\"type\":\"object\",\"description\":\"The tool's arguments, as its input schema"
                    + " says.\"}},\"required\":[\"name\"],\"additionalProperties\":false}"),
            false));
  }

  static ObjectNode call(
      ToolExecutor executor, EndpointContext endpoint, String name, JsonNode args)
      throws ToolExecutor.UnknownToolException, InterruptedException {
    JsonNode a = args == null ? JsonRpc.MAPPER.createObjectNode() : args;
    switch (name) {
      case McpServer.SEARCH_TOOLS -> {
        String query = a.path("query").asText("");
        int limit = Math.max(1, Math.min(50, a.path("limit").asInt(8)));
        if (query.isBlank()) {
          return textError("search_tools needs a query: describe the task in plain words.");
        }
        List<ToolCatalog.Entry> visible = executor.visible(endpoint);
        ObjectNode result = JsonRpc.MAPPER.createObjectNode();
        ArrayNode tools = result.putArray("tools");
        for (ToolSearch.Hit hit : McpServer.search(visible).search(query, limit)) {
          ToolCatalog.Entry e = executor.entry(endpoint, hit.name());
          ObjectNode t = tools.addObject();
          t.put("name", e.name());
          t.put("title", e.info().title());
          t.put("description", e.info().description());
          t.put("readOnly", e.info().access().readOnly());
        }
        return structured(result);
      }
      case McpServer.GET_TOOL_SCHEMA -> {
        String tool = a.path("name").asText("");
        try {
          return structured(executor.entry(endpoint, tool).definition(endpoint.portable()));
        } catch (ToolExecutor.UnknownToolException e) {
          return textError("No tool is named " + tool + "; use search_tools to find one.");
        }
      }
      case McpServer.CALL_TOOL -> {
        String tool = a.path("name").asText("");
        try {
          return executor.call(endpoint, tool, a.get("arguments"));
        } catch (ToolExecutor.UnknownToolException e) {
          return textError("No tool is named " + tool + "; use search_tools to find one.");
        }
      }
      default -> throw new ToolExecutor.UnknownToolException(name);
    }
  }

  private static ObjectNode structured(ObjectNode result) {
    ObjectNode r = JsonRpc.MAPPER.createObjectNode();
    r.putArray("content").addObject().put("type", "text").put("text", result.toString());
    r.set("structuredContent", result);
    return r;
  }

  private static ObjectNode textError(String text) {
    ObjectNode r = JsonRpc.MAPPER.createObjectNode();
    r.putArray("content").addObject().put("type", "text").put("text", text);
    r.put("isError", true);
    return r;
  }

  private static ObjectNode tool(
      String name, String title, String description, ObjectNode input, boolean readOnly) {
    ObjectNode t = JsonRpc.MAPPER.createObjectNode();
    t.put("name", name);
    t.put("title", title);
    t.put("description", description);
    t.set("inputSchema", input);
    // Like every listing, only what differs from MCP's defaults (destructive, open world).
    t.putObject("annotations").put("readOnlyHint", readOnly);
    return t;
  }

  private static ObjectNode schema(String json) {
    try {
      return (ObjectNode) JsonRpc.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
