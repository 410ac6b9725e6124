package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The admin audit log ({@code GET /audit}). */
final class AuditHandlers {
  static final List<String> ENTITIES =
      List.of(
          "workflows",
          "tasks",
          "contracts",
          "users",
          "apps",
          "transactions",
          "orgs",
          "roles",
          "authentication",
          "access",
          "integrations",
          "licenses",
          "files",
          "features",
          "testConnection",
          "appCatalog",
          "anonymizeUser",
          "renewalForecast",
          "dashboards",
          "accessPolicies");

  private final SandboxState state;
  private final Cursors cursors;

  AuditHandlers(SandboxState state, Cursors cursors) {
    this.state = state;
    this.cursors = cursors;
  }

  void register(Router router) {
    router.add("GET", "/audit", "getAudit", this::list);
  }

  private ApiResponse list(ApiRequest request) {
    for (String name : request.queryNames()) {
      if (!List.of("entity", "startTime", "endTime", "size", "cursor", "sort").contains(name)) {
        throw ApiException.badRequest("\"" + name + "\" is not allowed as a query parameter");
      }
    }
    String entity = request.queryText("entity");
    if (entity != null) {
      Params.oneOf("entity", entity, ENTITIES);
    }
    Instant start = time("startTime", request.queryText("startTime"), false);
    Instant end = time("endTime", request.queryText("endTime"), true);
    int size = request.queryInt("size", 1, 1000, 50);
    String sort = request.queryText("sort");
    if (sort != null) {
      Params.oneOf("sort", sort, List.of("asc", "desc"));
    }
    List<AuditEntry> entries = new ArrayList<>();
    for (AuditEntry entry : state.audit) {
      if (entity != null && !entity.equals(entry.entity())) {
        continue;
      }
      if (start != null && !entry.creationTime().isAfter(start)) {
        continue;
      }
      if (end != null && entry.creationTime().isAfter(end)) {
        continue;
      }
      entries.add(entry);
    }
    if (!"asc".equals(sort)) {
      Collections.reverse(entries);
    }
    String fingerprint = Cursors.fingerprint("getAudit", request);
    int offset = cursors.decode(request.queryText("cursor"), fingerprint);
    int endIndex = Math.min(entries.size(), offset + size);
    ArrayNode audit = Json.array();
    for (int i = Math.min(offset, endIndex); i < endIndex; i++) {
      audit.add(entries.get(i).toJson(SandboxState.ID_ORG));
    }
    ObjectNode out = Json.object();
    out.set("audit", audit);
    out.put("count", audit.size());
    if (endIndex < entries.size()) {
      out.put("nextCursor", cursors.encode(endIndex, fingerprint));
    } else {
      out.putNull("nextCursor");
    }
    return ApiResponse.json(out);
  }

  /** A date ({@code 2026-03-01}) or ISO date-time; a date-only end bound covers the whole day. */
  static Instant time(String name, String raw, boolean endOfDay) {
    if (raw == null) {
      return null;
    }
    try {
      if (raw.length() == 10) {
        LocalDate date = LocalDate.parse(raw);
        return endOfDay
            ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
            : date.atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(raw).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "\"" + name + "\" must be an ISO 8601 date or date-time (got '" + raw + "')");
    }
  }
}
