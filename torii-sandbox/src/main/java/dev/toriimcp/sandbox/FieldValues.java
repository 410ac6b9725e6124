package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** Converts written JSON values into stored values, following each field's {@link FieldDef}. */
final class FieldValues {
  private FieldValues() {}

  /** The stored value for {@code value}, or null to clear the field. */
  static Object parse(FieldDef def, JsonNode value, SandboxState state) {
    String key = def.systemKey();
    if (!def.writable()) {
      throw ApiException.badRequest("\"" + key + "\" is read-only and cannot be set");
    }
    if (value == null || value.isNull()) {
      if (def.required()) {
        throw ApiException.badRequest("\"" + key + "\" is required and cannot be null");
      }
      return null;
    }
    return switch (def.kind()) {
      case TEXT -> text(key, value);
      case NUMBER -> number(key, value);
      case MONEY -> money(key, value);
      case DATE -> date(key, value);
      case DROPDOWN -> option(def, value);
      case DROPDOWN_MULTI -> {
        List<String> values = new ArrayList<>();
        for (JsonNode item : array(key, value)) {
          values.add(option(def, item));
        }
        yield values;
      }
      case USER -> user(key, value, state);
      case USER_MULTI -> {
        List<Integer> ids = new ArrayList<>();
        for (JsonNode item : array(key, value)) {
          ids.add(user(key, item, state));
        }
        yield ids;
      }
      case APP -> {
        int id = id(key, value);
        if (!state.apps.containsKey(id)) {
          throw ApiException.badRequest(
              "\"" + key + "\" refers to app " + id + ", which is not in the organization");
        }
        yield id;
      }
      case BOOL -> bool(key, value);
      case DATETIME, READ_ONLY ->
          throw ApiException.badRequest("\"" + key + "\" is read-only and cannot be set");
    };
  }

  static String text(String key, JsonNode value) {
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isNumber()) {
      return value.asText();
    }
    throw ApiException.badRequest("\"" + key + "\" must be a string");
  }

  static Object number(String key, JsonNode value) {
    BigDecimal number = decimal(key, value);
    if (number.stripTrailingZeros().scale() <= 0) {
      return number.longValueExact();
    }
    return number.doubleValue();
  }

  /**
   * A currency value: a number (minor units, org currency), a numeric string, or {@code {value,
   * currency}}.
   */
  static Money money(String key, JsonNode value) {
    if (value.isObject()) {
      Iterator<String> names = value.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!name.equals("value") && !name.equals("currency")) {
          throw ApiException.badRequest(
              "\"" + key + "." + name + "\" is not allowed; a currency value is {value, currency}");
        }
      }
      if (!value.has("value") || value.get("value").isNull()) {
        throw ApiException.badRequest("\"" + key + ".value\" is required");
      }
      long amount = minorUnits(key + ".value", value.get("value"));
      JsonNode currency = value.get("currency");
      if (currency == null || currency.isNull() || !currency.isTextual()) {
        throw ApiException.badRequest(
            "\"" + key + ".currency\" is required: an ISO 4217 code such as USD or EUR");
      }
      String code = currency.asText().trim().toUpperCase(Locale.ROOT);
      if (!Money.ACCEPTED_CURRENCIES.contains(code)) {
        throw ApiException.badRequest(
            "\"" + key + ".currency\" '" + currency.asText() + "' is not a supported currency");
      }
      return new Money(amount, code);
    }
    return new Money(minorUnits(key, value), Money.ORG_CURRENCY);
  }

  private static long minorUnits(String key, JsonNode value) {
    BigDecimal number = decimal(key, value);
    if (number.signum() < 0) {
      throw ApiException.badRequest("\"" + key + "\" must not be negative");
    }
    return number.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
  }

  private static BigDecimal decimal(String key, JsonNode value) {
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isTextual()) {
      try {
        return new BigDecimal(value.asText().trim());
      } catch (NumberFormatException e) {
        throw ApiException.badRequest(
            "\"" + key + "\" must be a number (got '" + value.asText() + "')");
      }
    }
    throw ApiException.badRequest("\"" + key + "\" must be a number");
  }

  /** An ISO 8601 date ({@code 2026-03-31}) or date-time; anything else is refused. */
  static LocalDate date(String key, JsonNode value) {
    if (!value.isTextual()) {
      throw ApiException.badRequest(
          "\"" + key + "\" must be an ISO 8601 date string such as 2026-03-31");
    }
    String text = value.asText().trim();
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text);
      }
      return OffsetDateTime.parse(text).toLocalDate();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "\""
              + key
              + "\" must be an ISO 8601 date (YYYY-MM-DD, e.g. 2026-03-31); got '"
              + text
              + "'");
    }
  }

  static String option(FieldDef def, JsonNode value) {
    if (!value.isTextual()) {
      throw ApiException.badRequest("\"" + def.systemKey() + "\" must be a string");
    }
    String text = value.asText();
    for (FieldDef.Option option : def.options()) {
      if (option.value().equals(text)) {
        return option.value();
      }
    }
    for (FieldDef.Option option : def.options()) {
      if (option.value().equalsIgnoreCase(text) || option.label().equalsIgnoreCase(text)) {
        return option.value();
      }
    }
    return Params.oneOf(def.systemKey(), text, def.optionValues());
  }

  static boolean bool(String key, JsonNode value) {
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isTextual()
        && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(value.asText());
    }
    throw ApiException.badRequest("\"" + key + "\" must be a boolean");
  }

  static int id(String key, JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToInt() && value.asInt() > 0) {
      return value.asInt();
    }
    if (value.isTextual()) {
      return Params.parseId(key, value.asText());
    }
    throw ApiException.badRequest("\"" + key + "\" must be a positive integer id");
  }

  private static int user(String key, JsonNode value, SandboxState state) {
    int id = id(key, value);
    if (!state.users.containsKey(id)) {
      throw ApiException.badRequest(
          "\"" + key + "\" refers to user " + id + ", who does not exist");
    }
    return id;
  }

  private static JsonNode array(String key, JsonNode value) {
    if (!value.isArray()) {
      throw ApiException.badRequest("\"" + key + "\" must be an array");
    }
    return value;
  }
}
