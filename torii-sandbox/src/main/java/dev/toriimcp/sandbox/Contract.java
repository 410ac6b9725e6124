package dev.toriimcp.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A contract. Apart from its id and provenance, every value is a contract field keyed by system key
 * ({@code name}, {@code idApp}, {@code status}, {@code amount}, {@code endDate}, custom keys),
 * validated against {@link FieldDef}s on write.
 */
public final class Contract {
  private final int id;
  private final Instant creationTime;
  private final int createdBy;
  private final String source;
  private final Map<String, Object> values;

  Contract(int id, Instant creationTime, int createdBy, String source, Map<String, Object> values) {
    this.id = id;
    this.creationTime = creationTime;
    this.createdBy = createdBy;
    this.source = source;
    this.values = new LinkedHashMap<>(values);
  }

  Contract copy() {
    return new Contract(id, creationTime, createdBy, source, values);
  }

  public int id() {
    return id;
  }

  public Instant creationTime() {
    return creationTime;
  }

  public int createdBy() {
    return createdBy;
  }

  /** {@code ui} or {@code api}. */
  public String source() {
    return source;
  }

  public String name() {
    return (String) values.get("name");
  }

  public int idApp() {
    return (Integer) values.get("idApp");
  }

  public String status() {
    return (String) values.get("status");
  }

  /** The owner's user id, or null. */
  public Integer owner() {
    return (Integer) values.get("owner");
  }

  /** The contract value in its original currency, or null. */
  public Money amount() {
    return (Money) values.get("amount");
  }

  public LocalDate endDate() {
    return (LocalDate) values.get("endDate");
  }

  /** Every field value by system key (Money, LocalDate, String, Integer, List). */
  public Map<String, Object> values() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  Object value(String key) {
    return values.get(key);
  }

  void set(String key, Object value) {
    if (value == null) {
      values.remove(key);
    } else {
      values.put(key, value);
    }
  }
}
