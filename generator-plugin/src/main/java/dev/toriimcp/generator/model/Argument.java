package dev.toriimcp.generator.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One tool argument and how it reaches the upstream.
 *
 * @param name the argument's name in the tool's input schema
 * @param wireName the upstream name (parameter, body field or part name)
 * @param location where it goes
 * @param style OpenAPI serialization style (parameters only)
 * @param explode OpenAPI explode flag (parameters only)
 * @param required whether the argument must be given
 * @param schema the argument's JSON Schema (a read-only tree)
 * @param mediaType the body or part media type, when it matters
 */
public record Argument(
    String name,
    String wireName,
    ArgumentLocation location,
    ParameterStyle style,
    boolean explode,
    boolean required,
    JsonNode schema,
    String mediaType) {

  public Argument {
    schema = schema.deepCopy();
  }
}
