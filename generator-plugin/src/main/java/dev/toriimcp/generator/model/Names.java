package dev.toriimcp.generator.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Tool and argument names derived from an API description. */
public final class Names {
  /** What MCP clients accept as a tool name, and what we also require of argument names. */
  public static final Pattern TOOL_NAME = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

  public static final Pattern ARGUMENT_NAME = Pattern.compile("^[A-Za-z0-9_.-]{1,64}$");

  private Names() {}

  /** {@code getUsersIdUser} or {@code Get users/{id}} to {@code get_users_id_user}. */
  public static String snake(String s) {
    String ascii = ascii(s);
    StringBuilder out = new StringBuilder();
    char prev = 0;
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        boolean boundary =
            Character.isUpperCase(c)
                && out.length() > 0
                && (Character.isLowerCase(prev)
                    || Character.isDigit(prev)
                    || (i + 1 < ascii.length()
                        && Character.isLowerCase(ascii.charAt(i + 1))
                        && Character.isUpperCase(prev)));
        if (boundary && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
        out.append('_');
      }
      prev = c;
    }
    while (out.length() > 0 && out.charAt(out.length() - 1) == '_') {
      out.setLength(out.length() - 1);
    }
    return out.toString();
  }

  /** Strips accents and drops other non-ASCII characters. */
  public static String ascii(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (c < 128) {
        out.append(c);
      } else if (Character.isLetterOrDigit(c)) {
        out.append('_');
      }
    }
    return out.toString();
  }

  /**
   * A simple English singular: {@code policies} to {@code policy}, {@code users} to {@code user}.
   */
  public static String singular(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.endsWith("ies") && w.length() > 4) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) {
      return word.substring(0, word.length() - 2);
    }
    if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && w.length() > 3) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  /**
   * A tool name in the style of hosted MCP gateways: {@code list_all_<prefix>_<plural>}, {@code
   * get_single_<prefix>_<singular>_by_id}, {@code create_a_…}, {@code update_a_…_by_id}, {@code
   * delete_a_…_by_id}; other operations use their operationId.
   */
  public static String deriveToolName(
      String method, String path, String operationId, String prefix) {
    List<String> literals = new ArrayList<>();
    for (String seg : path.split("/")) {
      if (!seg.isEmpty() && !seg.startsWith("{")) {
        String s = snake(seg);
        if (!s.isEmpty()) {
          literals.add(s);
        }
      }
    }
    boolean lastIsParam = path.endsWith("}");
    String p = prefix == null || prefix.isBlank() ? "" : snake(prefix) + "_";
    String derived = null;
    if (!literals.isEmpty()) {
      String singular = String.join("_", literals.stream().map(Names::singular).toList());
      List<String> head =
          literals.subList(0, literals.size() - 1).stream().map(Names::singular).toList();
      String plural =
          (head.isEmpty() ? "" : String.join("_", head) + "_") + literals.get(literals.size() - 1);
      derived =
          switch (method) {
            case "GET" ->
                lastIsParam ? "get_single_" + p + singular + "_by_id" : "list_all_" + p + plural;
            case "POST" -> lastIsParam ? null : "create_a_" + p + singular;
            case "PUT", "PATCH" -> lastIsParam ? "update_a_" + p + singular + "_by_id" : null;
            case "DELETE" -> lastIsParam ? "delete_a_" + p + singular + "_by_id" : null;
            default -> null;
          };
    }
    if (derived == null) {
      derived =
          operationId != null && !snake(operationId).isEmpty()
              ? snake(operationId)
              : snake(method.toLowerCase(Locale.ROOT) + "_" + String.join("_", literals));
    }
    return fit(derived, 64);
  }

  /** Cuts a name to {@code max} characters, keeping it unique with a short stable hash. */
  public static String fit(String name, int max) {
    if (name.length() <= max) {
      return name;
    }
    String hash = sha256(name).substring(0, 8);
    return name.substring(0, max - 9) + "_" + hash;
  }

  /** A legal argument name: characters outside {@code [A-Za-z0-9_.-]} become {@code _}. */
  public static String argumentName(String wireName) {
    String s = ascii(wireName).replaceAll("[^A-Za-z0-9_.-]", "_");
    if (s.isEmpty() || s.chars().allMatch(c -> c == '_')) {
      s = "arg_" + sha256(wireName).substring(0, 8);
    }
    return fit(s, 64);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
