package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The sandbox's in-memory org: users, apps, contracts, audit log, workflows and files.
 *
 * <p>Requests run under this state's lock (reads shared, writes exclusive). The public methods are
 * for tests: they take the lock themselves and return snapshots, never live objects.
 */
public final class SandboxState {
  static final int ID_ORG = 2716;
  static final String COMPANY_NAME = "Company Demo Inc.";
  static final String DOMAIN = "company.com";
  static final Instant ORG_CREATION_TIME = Instant.parse("2021-04-12T08:30:00Z");

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Clock clock;
  private final LocalDate dataDate;

  final List<Role> roles = new ArrayList<>();
  final Map<Integer, User> users = new LinkedHashMap<>();
  final Map<Integer, CatalogApp> catalog = new LinkedHashMap<>();
  final Map<Integer, App> apps = new LinkedHashMap<>();
  final Map<Integer, Map<Integer, UserApp>> userAppsByUser = new LinkedHashMap<>();
  final Map<Integer, Map<Integer, UserApp>> userAppsByApp = new LinkedHashMap<>();
  final Map<Integer, Contract> contracts = new LinkedHashMap<>();
  final List<FieldDef> userFields = new ArrayList<>();
  final List<FieldDef> appFields = new ArrayList<>();
  final List<FieldDef> contractFields = new ArrayList<>();
  final List<AuditEntry> audit = new ArrayList<>();
  final Map<Integer, Workflow> workflows = new LinkedHashMap<>();
  final List<ActionExecution> actionExecutions = new ArrayList<>();
  final List<WorkflowAuditEntry> workflowAudit = new ArrayList<>();
  final Map<Integer, StoredFile> files = new LinkedHashMap<>();
  final Map<String, PendingUpload> pendingUploads = new java.util.concurrent.ConcurrentHashMap<>();

  int apiUserId;
  int nextCustomAppId = 8001;
  int nextContractId;
  int nextFileId = 90001;
  int nextActionExecutionId;
  int nextWorkflowExecutionId;

  SandboxState(Clock clock, LocalDate dataDate) {
    this.clock = clock;
    this.dataDate = dataDate;
  }

  /** The date the demo data describes: seeded dates are relative to it. */
  public LocalDate dataDate() {
    return dataDate;
  }

  /** 09:00 UTC on the data date: "now" for the seeded records. */
  public Instant asOf() {
    return dataDate.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC);
  }

  Instant now() {
    return clock.instant();
  }

  <T> T read(Supplier<T> action) {
    lock.readLock().lock();
    try {
      return action.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  <T> T write(Supplier<T> action) {
    lock.writeLock().lock();
    try {
      return action.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  // ---- package-private helpers used by handlers (caller holds the lock) ----

  void addUserApp(UserApp userApp) {
    userAppsByUser
        .computeIfAbsent(userApp.idUser(), k -> new LinkedHashMap<>())
        .put(userApp.idApp(), userApp);
    userAppsByApp
        .computeIfAbsent(userApp.idApp(), k -> new LinkedHashMap<>())
        .put(userApp.idUser(), userApp);
  }

  Collection<UserApp> userAppsOf(int idUser) {
    return userAppsByUser.getOrDefault(idUser, Map.of()).values();
  }

  Collection<UserApp> usersOfApp(int idApp) {
    return userAppsByApp.getOrDefault(idApp, Map.of()).values();
  }

  User requireUser(int idUser) {
    User user = users.get(idUser);
    if (user == null) {
      throw ApiException.notFound("User " + idUser + " not found");
    }
    return user;
  }

  App requireApp(int idApp) {
    App app = apps.get(idApp);
    if (app == null) {
      throw ApiException.notFound("App " + idApp + " not found in the organization");
    }
    return app;
  }

  Contract requireContract(int idContract) {
    Contract contract = contracts.get(idContract);
    if (contract == null) {
      throw ApiException.notFound("Contract " + idContract + " not found");
    }
    return contract;
  }

  Role role(Integer idRole) {
    if (idRole == null) {
      return null;
    }
    return roles.stream().filter(r -> r.id() == idRole).findFirst().orElse(null);
  }

  /** Appends an audit entry performed by the API key's admin user. */
  void recordAudit(ApiRequest request, String type, String entity, JsonNode properties) {
    User admin = users.get(apiUserId);
    audit.add(
        new AuditEntry(
            admin.id(),
            admin.firstName(),
            admin.lastName(),
            admin.email().toLowerCase(),
            now(),
            type,
            entity,
            "/api/orgs/" + ID_ORG + request.path().replaceFirst("^/v1\\.0", ""),
            request.method().toLowerCase(),
            request.remoteAddress(),
            properties));
  }

  /**
   * A pre-signed upload: created by {@code GET /files/url}, filled by the PUT to its URL, turned
   * into a file by {@code POST /files}.
   *
   * @param filePath the path to pass to {@code POST /files}
   * @param fileName the name given to {@code GET /files/url}
   * @param contentType the type given to {@code GET /files/url}
   * @param content the uploaded bytes (null until the PUT arrives)
   */
  record PendingUpload(String filePath, String fileName, String contentType, byte[] content) {}

  // ---- public read-only API for tests ----

  /** The user the sandbox API key belongs to (performs every write). */
  public User apiUser() {
    return read(() -> users.get(apiUserId).copy());
  }

  public List<User> users() {
    return read(() -> users.values().stream().map(User::copy).toList());
  }

  public Optional<User> user(int idUser) {
    return read(() -> Optional.ofNullable(users.get(idUser)).map(User::copy));
  }

  public Optional<User> userByEmail(String email) {
    return read(
        () ->
            users.values().stream()
                .filter(u -> u.email().equalsIgnoreCase(email))
                .findFirst()
                .map(User::copy));
  }

  public List<Role> roles() {
    return read(() -> List.copyOf(roles));
  }

  public List<CatalogApp> catalog() {
    return read(() -> List.copyOf(catalog.values()));
  }

  public List<App> apps() {
    return read(() -> apps.values().stream().map(App::copy).toList());
  }

  public Optional<App> app(int idApp) {
    return read(() -> Optional.ofNullable(apps.get(idApp)).map(App::copy));
  }

  public Optional<App> appByName(String name) {
    return read(
        () ->
            apps.values().stream()
                .filter(a -> a.name().equalsIgnoreCase(name))
                .findFirst()
                .map(App::copy));
  }

  /** The user's app accounts. */
  public List<UserApp> userApps(int idUser) {
    return read(() -> userAppsOf(idUser).stream().map(UserApp::copy).toList());
  }

  public List<Contract> contracts() {
    return read(() -> contracts.values().stream().map(Contract::copy).toList());
  }

  public Optional<Contract> contract(int idContract) {
    return read(() -> Optional.ofNullable(contracts.get(idContract)).map(Contract::copy));
  }

  public List<Contract> contractsOfApp(int idApp) {
    return read(
        () ->
            contracts.values().stream()
                .filter(c -> c.idApp() == idApp)
                .map(Contract::copy)
                .toList());
  }

  /** The admin audit log, oldest first. */
  public List<AuditEntry> audit() {
    return read(() -> List.copyOf(audit));
  }

  public int auditCount() {
    return read(audit::size);
  }

  public List<Workflow> workflows() {
    return read(() -> List.copyOf(workflows.values()));
  }

  /** Workflow action executions, oldest first. */
  public List<ActionExecution> actionExecutions() {
    return read(() -> List.copyOf(actionExecutions));
  }

  public Optional<StoredFile> file(int id) {
    return read(() -> Optional.ofNullable(files.get(id)));
  }
}
