package dev.toriimcp.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the server needs to list and describe a tool, without reading any OpenAPI.
 *
 * @param name MCP tool name, {@code ^[a-z0-9_]+$}, unique in a registry
 * @param title short human title
 * @param description LLM-facing description
 * @param operationId the operation the tool was generated from
 * @param tags tool tags used for filtering, sorted
 * @param access read/write and verb class
 * @param annotations MCP tool annotations
 * @param rateLimit upstream per-minute limit, if known
 * @param pagination how the operation pages, if it does
 * @param inputSchemaResource classpath resource of the input JSON Schema
 * @param outputSchemaResource classpath resource of the output JSON Schema, or null
 */
public record ToolInfo(
    String name,
    String title,
    String description,
    String operationId,
    List<String> tags,
    Access access,
    Annotations annotations,
    Optional<RateLimit> rateLimit,
    Optional<Pagination> pagination,
    String inputSchemaResource,
    Optional<String> outputSchemaResource) {

  public ToolInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    tags = List.copyOf(tags);
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(rateLimit, "rateLimit");
    Objects.requireNonNull(pagination, "pagination");
    Objects.requireNonNull(inputSchemaResource, "inputSchemaResource");
    Objects.requireNonNull(outputSchemaResource, "outputSchemaResource");
  }
}
