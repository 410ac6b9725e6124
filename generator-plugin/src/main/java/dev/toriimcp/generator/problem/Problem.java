package dev.toriimcp.generator.problem;

import java.util.Objects;

/**
 * One located problem in the inputs, with a stable id such as {@code TORII-OVERLAY-002}.
 *
 * @param id stable error id
 * @param severity error or warning
 * @param message what is wrong, in plain words
 * @param location where it is
 */
public record Problem(String id, Severity severity, String message, SourceLocation location) {

  /** Errors fail the generation; warnings are reported and generation goes on. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public Problem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
  }

  /** {@code [ID] message (file:line)}, the form every report uses. */
  public String render() {
    return "[" + id + "] " + message + " (" + location.render() + ")";
  }

  @Override
  public String toString() {
    return render();
  }
}
