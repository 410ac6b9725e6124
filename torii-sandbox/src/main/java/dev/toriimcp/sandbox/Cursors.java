package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * Opaque page cursors: standard base64 of {@code {"o":offset,"f":fingerprint,"s":signature}}.
 *
 * <p>The fingerprint identifies the query (operation, path and every query parameter except {@code
 * cursor} and {@code size}), so a cursor replayed against another query is refused; the signature
 * makes tampered cursors fail too.
 */
final class Cursors {
  private final String secret;

  Cursors(long seed) {
    this.secret = "sandbox-cursor-" + seed;
  }

  /** A stable identity for "the same query", ignoring the page position and the page size. */
  static String fingerprint(String operationId, ApiRequest request) {
    TreeMap<String, List<String>> params = new TreeMap<>();
    for (String name : request.queryNames()) {
      if (name.equals("cursor") || name.equals("size") || name.equals("limit")) {
        continue;
      }
      List<String> values = new ArrayList<>();
      String value = request.query(name);
      values.add(value == null ? "" : value);
      params.put(name, values);
    }
    String basis = operationId + " " + request.path().replaceFirst("^/v1\\.0", "") + " " + params;
    return sha256(basis).substring(0, 16);
  }

  String encode(int offset, String fingerprint) {
    ObjectNode node = Json.object();
    node.put("o", offset);
    node.put("f", fingerprint);
    node.put("s", sign(offset, fingerprint));
    return Base64.getEncoder().encodeToString(Json.bytes(node));
  }

  /** The offset a cursor points at; 400 when it is malformed, tampered or from another query. */
  int decode(String cursor, String fingerprint) {
    if (cursor == null || cursor.isBlank()) {
      return 0;
    }
    JsonNode node;
    try {
      byte[] raw = Base64.getDecoder().decode(cursor.trim());
      node = Json.MAPPER.readTree(new String(raw, StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw ApiException.badRequest("\"cursor\" is not a valid cursor: pass nextCursor unchanged");
    }
    if (node == null
        || !node.path("o").isInt()
        || !node.path("f").isTextual()
        || !node.path("s").isTextual()) {
      throw ApiException.badRequest("\"cursor\" is not a valid cursor: pass nextCursor unchanged");
    }
    int offset = node.get("o").asInt();
    String cursorFingerprint = node.get("f").asText();
    if (offset < 0 || !sign(offset, cursorFingerprint).equals(node.get("s").asText())) {
      throw ApiException.badRequest("\"cursor\" has been modified: pass nextCursor unchanged");
    }
    if (!cursorFingerprint.equals(fingerprint)) {
      throw ApiException.badRequest(
          "\"cursor\" belongs to a different query: repeat the same filters, sort and fields that"
              + " produced it, or start again without a cursor");
    }
    return offset;
  }

  private String sign(int offset, String fingerprint) {
    return sha256(secret + "|" + offset + "|" + fingerprint).substring(0, 16);
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
