package dev.toriimcp.runtime.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Ranks tools for a plain-language query, for discovery exposure where an agent searches a large
 * tool surface instead of receiving every tool. BM25 over weighted fields (name, title, tags,
 * argument names, description), with light stemming and the verbs agents use for each kind of
 * operation ("find" and "show" mean list or get, "remove" means delete…).
 */
public final class ToolSearch {

  /**
   * What is searched of one tool.
   *
   * @param name tool name
   * @param operationId the API operation's id
   * @param title short title
   * @param description description
   * @param tags tags
   * @param arguments argument names
   * @param verb verb class word (get, list, create, update, delete, other)
   */
  public record Document(
      String name,
      String operationId,
      String title,
      String description,
      List<String> tags,
      List<String> arguments,
      String verb) {}

  /**
   * One ranked tool.
   *
   * @param name tool name
   * @param score relevance, higher is better
   */
  public record Hit(String name, double score) {}

  private static final double K1 = 1.2;
  private static final double B = 0.75;
  private static final Map<String, Double> FIELD_WEIGHTS =
      Map.of("name", 3.0, "title", 2.0, "tags", 1.5, "arguments", 2.0, "description", 0.6);

  private static final Set<String> STOP =
      Set.of(
          "a", "an", "the", "of", "to", "for", "in", "on", "by", "with", "and", "or", "is", "are",
          "be", "that", "this", "which", "what", "who", "how", "do", "does", "i", "me", "my", "we",
          "our", "it", "its", "all", "any", "from", "at", "as", "into", "torii", "please", "can",
          "still", "there", "their", "them", "they", "has", "have", "s");

  private static final Map<String, String> VERBS =
      Map.ofEntries(
          Map.entry("list", "list"),
          Map.entry("find", "list"),
          Map.entry("search", "list"),
          Map.entry("show", "list"),
          Map.entry("all", "list"),
          Map.entry("get", "get"),
          Map.entry("fetch", "get"),
          Map.entry("read", "get"),
          Map.entry("detail", "get"),
          Map.entry("create", "create"),
          Map.entry("add", "create"),
          Map.entry("new", "create"),
          Map.entry("register", "create"),
          Map.entry("update", "update"),
          Map.entry("change", "update"),
          Map.entry("set", "update"),
          Map.entry("modify", "update"),
          Map.entry("edit", "update"),
          Map.entry("mark", "update"),
          Map.entry("delete", "delete"),
          Map.entry("remove", "delete"),
          Map.entry("drop", "delete"));

  private final List<Document> documents;
  private final List<Map<String, Map<String, Integer>>> termFreqs = new ArrayList<>();
  private final Map<String, Double> avgLength = new HashMap<>();
  private final Map<String, Integer> docFreq = new HashMap<>();

  public ToolSearch(List<Document> documents) {
    this.documents = List.copyOf(documents);
    Map<String, Double> totalLength = new HashMap<>();
    for (Document d : this.documents) {
      Map<String, Map<String, Integer>> fields = new HashMap<>();
      // Names and titles count a word once: "requested reviewers of a pull request" is not more
      // about requests than "pull requests".
      fields.put("name", once(tokens(d.name() + " " + d.operationId())));
      fields.put("title", once(tokens(d.title())));
      fields.put("tags", counts(tokens(String.join(" ", d.tags()))));
      fields.put("arguments", counts(tokens(String.join(" ", d.arguments()))));
      fields.put("description", counts(tokens(d.description())));
      termFreqs.add(fields);
      java.util.Set<String> seen = new java.util.HashSet<>();
      fields.forEach(
          (field, tf) -> {
            totalLength.merge(
                field, (double) tf.values().stream().mapToInt(i -> i).sum(), Double::sum);
            seen.addAll(tf.keySet());
          });
      seen.forEach(t -> docFreq.merge(t, 1, Integer::sum));
    }
    int n = Math.max(1, this.documents.size());
    totalLength.forEach((f, total) -> avgLength.put(f, Math.max(1.0, total / n)));
  }

  /** The best {@code limit} tools for a query, best first; ties broken by name. */
  public List<Hit> search(String query, int limit) {
    List<String> terms = tokens(query);
    java.util.Set<String> verbs = new java.util.HashSet<>();
    for (String raw : query.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      String v = VERBS.get(raw);
      if (v != null) {
        verbs.add(v);
      }
    }
    int n = documents.size();
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Map<String, Integer>> fields = termFreqs.get(i);
      double score = 0;
      for (String term : terms) {
        Integer df = docFreq.get(term);
        if (df == null) {
          continue;
        }
        double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        double weighted = 0;
        for (Map.Entry<String, Map<String, Integer>> f : fields.entrySet()) {
          Integer tf = f.getValue().get(term);
          if (tf == null) {
            continue;
          }
          int length = f.getValue().values().stream().mapToInt(x -> x).sum();
          double norm = 1 - B + B * length / avgLength.get(f.getKey());
          weighted += FIELD_WEIGHTS.get(f.getKey()) * tf / norm;
        }
        score += idf * weighted * (K1 + 1) / (weighted + K1);
      }
      if (score > 0) {
        // Prefer tools whose name says nothing the query does not: "list pull requests" is
        // list_all_repo_pulls rather than list_all_repo_pull_request_stacks.
        Map<String, Integer> nameTerms = fields.get("name");
        long specific = nameTerms.keySet().stream().filter(t -> docFreq.get(t) * 4 < n).count();
        long covered =
            nameTerms.keySet().stream()
                .filter(t -> docFreq.get(t) * 4 < n && terms.contains(t))
                .count();
        score *= 1 + (specific == 0 ? 0 : 0.5 * covered / specific);
      }
      if (score > 0 && !verbs.isEmpty()) {
        // The query says what kind of operation it wants: favour it, disfavour the others.
        score *= verbs.contains(documents.get(i).verb()) ? 1.5 : 0.8;
      }
      if (score > 0) {
        hits.add(new Hit(documents.get(i).name(), score));
      }
    }
    hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::name));
    return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits);
  }

  private static Map<String, Integer> once(List<String> tokens) {
    Map<String, Integer> out = new HashMap<>();
    tokens.forEach(t -> out.put(t, 1));
    return out;
  }

  private static Map<String, Integer> counts(List<String> tokens) {
    Map<String, Integer> out = new HashMap<>();
    tokens.forEach(t -> out.merge(t, 1, Integer::sum));
    return out;
  }

  /** Lower-case word stems, split on non-letters and camelCase, without stop words. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    String spaced = text.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
    for (String raw : spaced.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (raw.isEmpty() || STOP.contains(raw)) {
        continue;
      }
      out.add(stem(raw));
    }
    return out;
  }

  /** Words agents use for what APIs abbreviate. */
  private static final Map<String, String> SAME =
      Map.of(
          "repository", "repo",
          "repositories", "repo",
          "organization", "org",
          "organizations", "org",
          "organisation", "org",
          "application", "app",
          "applications", "app",
          "pr", "pull");

  /** A small suffix stemmer: enough to match "users" with "user", "offboarding" with "offboard". */
  static String stem(String word) {
    String w = SAME.getOrDefault(word, word);
    if (w.length() > 5 && w.endsWith("ing")) {
      return w.substring(0, w.length() - 3);
    }
    if (w.length() > 4 && w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.length() > 4 && w.endsWith("ed") && !w.endsWith("eed")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}
