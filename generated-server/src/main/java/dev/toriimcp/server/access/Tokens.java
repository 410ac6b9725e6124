package dev.toriimcp.server.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Bearer secrets: 256 random bits, shown once, stored only as a SHA-256 hash, compared in constant
 * time.
 */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private Tokens() {}

  /** A new token: 32 random bytes, base64url without padding (43 characters). */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether a string has the shape of one of our tokens (checked before any lookup). */
  public static boolean wellFormed(String token) {
    return token != null && SHAPE.matcher(token).matches();
  }

  /** The stored form of a token. */
  public static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison of a presented token with a stored hash. */
  public static boolean matches(String storedHash, String presented) {
    if (storedHash == null || presented == null) {
      return false;
    }
    return MessageDigest.isEqual(
        storedHash.getBytes(StandardCharsets.US_ASCII),
        hash(presented).getBytes(StandardCharsets.US_ASCII));
  }
}
