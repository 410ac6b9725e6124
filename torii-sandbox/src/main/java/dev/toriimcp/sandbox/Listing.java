package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One paginated list endpoint: fields, filters, search, sort, aggregations and cursor paging over
 * the full JSON of each item.
 */
final class Listing {
  private final String operationId;
  private final String itemsKey;
  private List<String> defaultFields = List.of();
  private Collection<String> allowedFields = List.of();
  private List<String> alwaysFields = List.of("id");
  private Set<String> handledParams = Set.of();
  private Collection<String> filterKeys;
  private boolean keyValueFilters;
  private int defaultSize = 1000;
  private int maxSize = 1000;
  private boolean includeTotal = true;
  private Function<ObjectNode, String> searchText;
  private String idKey = "id";

  Listing(String operationId, String itemsKey) {
    this.operationId = operationId;
    this.itemsKey = itemsKey;
  }

  Listing fields(List<String> defaults, Collection<String> allowed, List<String> always) {
    this.defaultFields = defaults;
    this.allowedFields = allowed;
    this.alwaysFields = always;
    return this;
  }

  /** Query parameters the handler interprets itself (besides the common ones). */
  Listing handles(Set<String> params) {
    this.handledParams = params;
    return this;
  }

  /** Enables {@code filters}, {@code sort} and, if asked, plain {@code key=value} filters. */
  Listing filterable(Collection<String> keys, boolean keyValue) {
    this.filterKeys = keys;
    this.keyValueFilters = keyValue;
    return this;
  }

  Listing size(int defaultSize, int maxSize) {
    this.defaultSize = defaultSize;
    this.maxSize = maxSize;
    return this;
  }

  /** The key that identifies items (the final sort key). */
  Listing idKey(String idKey) {
    this.idKey = idKey;
    return this;
  }

  Listing withoutTotal() {
    this.includeTotal = false;
    return this;
  }

  /** Enables {@code q}: case-insensitive substring search in the given text. */
  Listing search(Function<ObjectNode, String> text) {
    this.searchText = text;
    return this;
  }

  ObjectNode run(
      ApiRequest request, Cursors cursors, List<ObjectNode> items, Predicate<ObjectNode> filter) {
    List<String> fields = FieldSelection.parse(request.fields(), defaultFields, allowedFields);
    int size = request.queryInt("size", 1, maxSize, defaultSize);
    Predicate<ObjectNode> predicate = filter;
    for (String name : request.queryNames()) {
      if (isCommon(name) || handledParams.contains(name)) {
        continue;
      }
      if (!keyValueFilters || !filterKeys.contains(name)) {
        throw ApiException.badRequest("\"" + name + "\" is not allowed as a query parameter");
      }
      String value = request.query(name);
      predicate = predicate.and(Filters.simple(name, value == null ? "" : value));
    }
    if (filterKeys != null) {
      predicate = predicate.and(Filters.parse(request.query("filters"), filterKeys));
    }
    String q = request.queryText("q");
    if (q != null && searchText != null) {
      String needle = q.toLowerCase();
      predicate = predicate.and(node -> searchText.apply(node).toLowerCase().contains(needle));
    }
    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode item : items) {
      if (predicate.test(item)) {
        matching.add(item);
      }
    }
    if (filterKeys != null) {
      matching.sort(Sorting.comparator(request.query("sort"), filterKeys, idKey));
    }
    String fingerprint = Cursors.fingerprint(operationId, request);
    int offset = cursors.decode(request.queryText("cursor"), fingerprint);
    int end = Math.min(matching.size(), offset + size);
    ArrayNode page = Json.array();
    for (int i = Math.min(offset, end); i < end; i++) {
      page.add(FieldSelection.project(matching.get(i), fields, alwaysFields));
    }
    ObjectNode out = Json.object();
    out.set(itemsKey, page);
    out.put("count", page.size());
    if (includeTotal) {
      out.put("total", matching.size());
    }
    if (end < matching.size()) {
      out.put("nextCursor", cursors.encode(end, fingerprint));
    } else {
      out.putNull("nextCursor");
    }
    String aggs = request.queryText("aggs");
    if (aggs != null && filterKeys != null) {
      out.set("aggregations", Aggregations.compute(aggs, matching, filterKeys));
    }
    return out;
  }

  private boolean isCommon(String name) {
    return switch (name) {
      case "fields", "size", "cursor" -> true;
      case "filters", "sort", "aggs" -> filterKeys != null;
      case "q" -> searchText != null;
      default -> false;
    };
  }
}
