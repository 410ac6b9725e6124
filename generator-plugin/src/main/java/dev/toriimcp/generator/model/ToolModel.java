package dev.toriimcp.generator.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.toriimcp.generator.problem.SourceLocation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One MCP tool, built from one API operation. JSON Schemas are held as trees that nobody mutates
 * after the model is built (they are copied in).
 *
 * @param name MCP tool name
 * @param title short title
 * @param description LLM-facing description
 * @param operationId the operation's id (or a derived one)
 * @param method upper-case HTTP method
 * @param pathTemplate OpenAPI path template
 * @param tags tool tags, sorted
 * @param verb verb class
 * @param annotations MCP annotations
 * @param rateLimitPerMinute documented upstream limit
 * @param pagination cursor pagination, if the operation pages
 * @param arguments tool arguments in schema order
 * @param fixedParameters parameters sent with a pinned value, in declaration order
 * @param additionalBodyFields whether unknown arguments are sent as extra body fields
 * @param inputSchema JSON Schema 2020-12 of the arguments
 * @param outputSchema JSON Schema 2020-12 of the structured result, when it is an object
 * @param location where the operation is declared
 */
public record ToolModel(
    String name,
    String title,
    String description,
    String operationId,
    String method,
    String pathTemplate,
    List<String> tags,
    Verb verb,
    AnnotationsModel annotations,
    OptionalInt rateLimitPerMinute,
    Optional<PaginationModel> pagination,
    List<Argument> arguments,
    List<FixedParameter> fixedParameters,
    boolean additionalBodyFields,
    ObjectNode inputSchema,
    Optional<ObjectNode> outputSchema,
    SourceLocation location) {

  public ToolModel {
    Objects.requireNonNull(name, "name");
    tags = tags.stream().sorted().distinct().toList();
    arguments = List.copyOf(arguments);
    fixedParameters = List.copyOf(fixedParameters);
    inputSchema = inputSchema.deepCopy();
    outputSchema = outputSchema.map(ObjectNode::deepCopy);
  }

  /** True when the tool changes nothing upstream. */
  public boolean readOnly() {
    return verb == Verb.GET || verb == Verb.LIST;
  }
}
