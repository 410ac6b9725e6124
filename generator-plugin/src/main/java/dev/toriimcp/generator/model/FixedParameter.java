package dev.toriimcp.generator.model;

/**
 * A parameter the server always sends with one value ({@code x-mcp-value}); it is not a tool
 * argument.
 *
 * @param wireName the upstream parameter name
 * @param location path, query, header or cookie
 * @param style OpenAPI serialization style
 * @param explode OpenAPI explode flag
 * @param value the value, as it goes on the wire before encoding
 */
public record FixedParameter(
    String wireName,
    ArgumentLocation location,
    ParameterStyle style,
    boolean explode,
    String value) {}
