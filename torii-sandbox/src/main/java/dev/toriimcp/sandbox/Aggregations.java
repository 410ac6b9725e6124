package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code aggs} parameter, limited to {@code metric} and {@code groupBy}. */
final class Aggregations {
  private Aggregations() {}

  static JsonNode compute(String raw, List<ObjectNode> items, Collection<String> keys) {
    JsonNode spec;
    try {
      spec = Json.MAPPER.readTree(raw);
    } catch (Exception e) {
      throw ApiException.badRequest("\"aggs\" must be a JSON object (URL-encoded)");
    }
    if (spec == null || !spec.isObject()) {
      throw ApiException.badRequest("\"aggs\" must be a JSON object (URL-encoded)");
    }
    return aggregate(spec, items, keys);
  }

  private static JsonNode aggregate(
      JsonNode spec, List<ObjectNode> items, Collection<String> keys) {
    String field = spec.path("field").asText(null);
    String type = spec.path("aggregationType").asText(null);
    if (field == null || !keys.contains(field.split("\\.")[0])) {
      throw ApiException.badRequest("\"aggs.field\" must be a known field (got '" + field + "')");
    }
    JsonNode options = spec.path("options");
    if ("metric".equals(type)) {
      return number(metric(options.path("metricFunction").asText("total"), field, items));
    }
    if (!"groupBy".equals(type)) {
      throw ApiException.badRequest(
          "\"aggs.aggregationType\" '"
              + type
              + "' is not supported by the sandbox (supported: metric, groupBy)");
    }
    Map<String, List<ObjectNode>> groups = new LinkedHashMap<>();
    Map<String, JsonNode> groupKeys = new LinkedHashMap<>();
    for (ObjectNode item : items) {
      JsonNode value = Filters.resolve(item, field);
      if (value.isObject() && value.has("id")) {
        value = value.get("id");
      }
      List<JsonNode> values = new ArrayList<>();
      if (value.isArray()) {
        value.forEach(values::add);
      } else {
        values.add(value);
      }
      for (JsonNode v : values) {
        String key = v.isMissingNode() || v.isNull() ? "null" : v.asText();
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
        groupKeys.putIfAbsent(key, v.isMissingNode() ? Json.NODES.nullNode() : v);
      }
    }
    int size = Math.min(100, Math.max(1, options.path("size").asInt(10)));
    String sortOrder = options.path("sort").path("order").asText("desc");
    List<String> ordered = new ArrayList<>(groups.keySet());
    Comparator<String> byCount = Comparator.comparingInt(k -> groups.get(k).size());
    ordered.sort("asc".equals(sortOrder) ? byCount : byCount.reversed());
    ArrayNode buckets = Json.array();
    for (String key : ordered.subList(0, Math.min(size, ordered.size()))) {
      ObjectNode bucket = Json.object();
      bucket.set("key", groupKeys.get(key));
      List<ObjectNode> members = groups.get(key);
      String function = options.path("metricFunction").asText("total");
      bucket.set("value", number(metric(function, field, members)));
      bucket.put("groupCount", members.size());
      if (spec.path("aggs").isObject()) {
        bucket.set("aggregations", aggregate(spec.get("aggs"), members, keys));
      }
      buckets.add(bucket);
    }
    return buckets;
  }

  private static JsonNode number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Json.NODES.numberNode((long) value);
    }
    return Json.NODES.numberNode(value);
  }

  private static double metric(String function, String field, List<ObjectNode> items) {
    if (function.equals("total")) {
      return items.size();
    }
    List<Double> numbers = new ArrayList<>();
    for (ObjectNode item : items) {
      JsonNode value = Filters.resolve(item, field);
      if (value.isObject() && value.has("value")) {
        value = value.get("value");
      }
      if (value.isNumber()) {
        numbers.add(value.asDouble());
      }
    }
    return switch (function) {
      case "sum" -> numbers.stream().mapToDouble(Double::doubleValue).sum();
      case "avg" -> numbers.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      case "max" -> numbers.stream().mapToDouble(Double::doubleValue).max().orElse(0);
      case "min" -> numbers.stream().mapToDouble(Double::doubleValue).min().orElse(0);
      default ->
          throw ApiException.badRequest(
              "\"aggs.options.metricFunction\" must be one of total, sum, avg, max, min");
    };
  }
}
