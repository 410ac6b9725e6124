package dev.toriimcp.sandbox;

import java.time.Instant;
import java.util.List;

/** A user's account in an app (the user-app relation). */
public final class UserApp {
  private final int idUser;
  private final int idApp;
  private final String status;
  private boolean removedFromApp;
  private final String externalStatus;
  private final String role;
  private final List<String> sources;
  private final Instant creationTime;
  private final Instant lastVisitTime;
  private final Money annualCost;
  private final String licenseName;

  UserApp(
      int idUser,
      int idApp,
      String status,
      boolean removedFromApp,
      String externalStatus,
      String role,
      List<String> sources,
      Instant creationTime,
      Instant lastVisitTime,
      Money annualCost,
      String licenseName) {
    this.idUser = idUser;
    this.idApp = idApp;
    this.status = status;
    this.removedFromApp = removedFromApp;
    this.externalStatus = externalStatus;
    this.role = role;
    this.sources = List.copyOf(sources);
    this.creationTime = creationTime;
    this.lastVisitTime = lastVisitTime;
    this.annualCost = annualCost;
    this.licenseName = licenseName;
  }

  UserApp copy() {
    return new UserApp(
        idUser,
        idApp,
        status,
        removedFromApp,
        externalStatus,
        role,
        sources,
        creationTime,
        lastVisitTime,
        annualCost,
        licenseName);
  }

  public int idUser() {
    return idUser;
  }

  public int idApp() {
    return idApp;
  }

  /** {@code active} or {@code deleted} (the account's status in the app). */
  public String status() {
    return status;
  }

  public boolean isUserRemovedFromApp() {
    return removedFromApp;
  }

  public String externalStatus() {
    return externalStatus;
  }

  public String role() {
    return role;
  }

  public List<String> sources() {
    return sources;
  }

  public Instant creationTime() {
    return creationTime;
  }

  public Instant lastVisitTime() {
    return lastVisitTime;
  }

  /** Yearly cost of this user's license, in the license currency; null when unlicensed. */
  public Money annualCost() {
    return annualCost;
  }

  public String licenseName() {
    return licenseName;
  }

  void setRemovedFromApp(boolean removedFromApp) {
    this.removedFromApp = removedFromApp;
  }
}
