package dev.toriimcp.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A user of the org (an employee, contractor or service account found by Torii). */
public final class User {
  private final int id;
  private final String firstName;
  private final String lastName;
  private final String email;
  private final Instant creationTime;
  private final Integer idRole;
  private String lifecycleStatus;
  private final boolean deletedInIdentitySources;
  private final boolean external;
  private final boolean nonHuman;
  private final List<String> additionalEmails;
  private final Map<String, Object> fields;

  User(
      int id,
      String firstName,
      String lastName,
      String email,
      Instant creationTime,
      Integer idRole,
      String lifecycleStatus,
      boolean deletedInIdentitySources,
      boolean external,
      boolean nonHuman,
      List<String> additionalEmails,
      Map<String, Object> fields) {
    this.id = id;
    this.firstName = firstName;
    this.lastName = lastName;
    this.email = email;
    this.creationTime = creationTime;
    this.idRole = idRole;
    this.lifecycleStatus = lifecycleStatus;
    this.deletedInIdentitySources = deletedInIdentitySources;
    this.external = external;
    this.nonHuman = nonHuman;
    this.additionalEmails = List.copyOf(additionalEmails);
    this.fields = new LinkedHashMap<>(fields);
  }

  User copy() {
    return new User(
        id,
        firstName,
        lastName,
        email,
        creationTime,
        idRole,
        lifecycleStatus,
        deletedInIdentitySources,
        external,
        nonHuman,
        additionalEmails,
        fields);
  }

  public int id() {
    return id;
  }

  public String firstName() {
    return firstName;
  }

  public String lastName() {
    return lastName;
  }

  public String fullName() {
    return firstName + " " + lastName;
  }

  public String email() {
    return email;
  }

  public Instant creationTime() {
    return creationTime;
  }

  /** The user's Torii role id, or null for users who do not sign in to Torii. */
  public Integer idRole() {
    return idRole;
  }

  /** {@code active}, {@code offboarding} or {@code offboarded}. */
  public String lifecycleStatus() {
    return lifecycleStatus;
  }

  public boolean isDeletedInIdentitySources() {
    return deletedInIdentitySources;
  }

  public boolean isExternal() {
    return external;
  }

  /** Service accounts and shared mailboxes (drives the non-human {@code view}s). */
  public boolean isNonHuman() {
    return nonHuman;
  }

  public List<String> additionalEmails() {
    return additionalEmails;
  }

  /** Values of the user fields listed by {@code GET /users/fields}, by key. */
  public Map<String, Object> fields() {
    return Map.copyOf(fields);
  }

  void setLifecycleStatus(String lifecycleStatus) {
    this.lifecycleStatus = lifecycleStatus;
  }
}
