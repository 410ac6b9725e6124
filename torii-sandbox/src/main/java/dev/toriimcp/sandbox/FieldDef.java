package dev.toriimcp.sandbox;

import java.util.List;

/**
 * A field of users, apps or contracts: its metadata and how writes to it are validated.
 *
 * @param id field id
 * @param systemKey key used in requests and responses
 * @param name display name
 * @param type Torii's field type, e.g. {@code dropdown}
 * @param kind how the sandbox validates written values
 * @param options dropdown options (empty for other types)
 * @param custom whether this is an org-defined custom field
 * @param writable whether requests may set it
 * @param required whether creating the resource needs it
 */
public record FieldDef(
    int id,
    String systemKey,
    String name,
    String type,
    Kind kind,
    List<Option> options,
    boolean custom,
    boolean writable,
    boolean required) {

  /** How values are validated. */
  public enum Kind {
    TEXT,
    NUMBER,
    MONEY,
    DATE,
    DATETIME,
    DROPDOWN,
    DROPDOWN_MULTI,
    USER,
    USER_MULTI,
    APP,
    BOOL,
    READ_ONLY
  }

  /**
   * A dropdown option.
   *
   * @param value stored value
   * @param label display label
   */
  public record Option(String value, String label) {}

  List<String> optionValues() {
    return options.stream().map(Option::value).toList();
  }

  /** The filter type Torii reports for this field in {@code /metadata}. */
  String filterType() {
    return switch (kind) {
      case TEXT -> type.equals("multiLine") ? "longText" : "text";
      case NUMBER -> "number";
      case MONEY -> "currency";
      case DATE, DATETIME -> "date";
      case DROPDOWN -> "dropdown";
      case DROPDOWN_MULTI -> "dropdownMulti";
      case USER -> "user";
      case USER_MULTI -> "userMulti";
      case APP -> "name";
      case BOOL -> "bool";
      case READ_ONLY -> type.equals("number") ? "number" : "text";
    };
  }
}
