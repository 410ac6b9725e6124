package dev.toriimcp.generator.model;

/** OpenAPI parameter serialization styles. */
public enum ParameterStyle {
  SIMPLE,
  LABEL,
  MATRIX,
  FORM,
  SPACE_DELIMITED,
  PIPE_DELIMITED,
  DEEP_OBJECT;

  /** Parses an OpenAPI style name; null for unknown names. */
  public static ParameterStyle parse(String name) {
    return switch (name) {
      case "simple" -> SIMPLE;
      case "label" -> LABEL;
      case "matrix" -> MATRIX;
      case "form" -> FORM;
      case "spaceDelimited" -> SPACE_DELIMITED;
      case "pipeDelimited" -> PIPE_DELIMITED;
      case "deepObject" -> DEEP_OBJECT;
      default -> null;
    };
  }
}
