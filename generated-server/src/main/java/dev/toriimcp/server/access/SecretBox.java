package dev.toriimcp.server.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for API keys at rest. The master key comes from {@code TORII_MCP_MASTER_KEY} (base64
 * of 32 bytes) or from {@code master.key} in the data directory, created on first use with
 * owner-only permissions.
 */
public final class SecretBox {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKeySpec key;

  private SecretBox(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException(
          "the master key must be 32 bytes (base64 of 32 random bytes)");
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  /** The key from the environment value if given, else from (or into) the key file. */
  public static SecretBox open(String environmentValue, Path dataDir) throws IOException {
    if (environmentValue != null && !environmentValue.isBlank()) {
      try {
        return new SecretBox(Base64.getDecoder().decode(environmentValue.strip()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("TORII_MCP_MASTER_KEY must be base64 of 32 bytes");
      }
    }
    Path file = dataDir.resolve("master.key");
    if (!Files.exists(file)) {
      Files.createDirectories(dataDir);
      byte[] fresh = new byte[32];
      RANDOM.nextBytes(fresh);
      Path tmp = Files.createTempFile(dataDir, "master", ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the directory's own protection applies
      }
      Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
      try {
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        Files.deleteIfExists(tmp);
        if (!Files.exists(file)) {
          throw e;
        }
      }
    }
    return new SecretBox(
        Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip()));
  }

  /** Owner-only permissions of the key file, for checks. */
  public static Set<java.nio.file.attribute.PosixFilePermission> keyFilePermissions(Path dataDir)
      throws IOException {
    return Files.getPosixFilePermissions(dataDir.resolve("master.key"));
  }

  public String encrypt(String plain) {
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  public String decrypt(String sealed) {
    try {
      byte[] in = Base64.getDecoder().decode(sealed);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
      return new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "a stored API key cannot be decrypted: is this the master key it was stored with?");
    }
  }
}
