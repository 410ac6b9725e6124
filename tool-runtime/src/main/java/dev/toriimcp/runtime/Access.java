package dev.toriimcp.runtime;

/**
 * What a tool does to the upstream: the verb class, and from it whether it only reads.
 *
 * @param verb the verb class of the operation
 * @param httpMethod the upstream HTTP method, upper case
 */
public record Access(Verb verb, String httpMethod) {

  /** Verb classes used by scoped servers' {@code methods} filter. */
  public enum Verb {
    GET,
    LIST,
    CREATE,
    UPDATE,
    DELETE,
    OTHER;

    /** The lower-case word used in configuration and catalogs. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** True for {@code get} and {@code list}: the tool changes nothing upstream. */
  public boolean readOnly() {
    return verb == Verb.GET || verb == Verb.LIST;
  }
}
