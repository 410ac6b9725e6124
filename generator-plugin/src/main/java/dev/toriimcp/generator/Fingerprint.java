package dev.toriimcp.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A hash of everything that affects generated output: the description after overlays are applied,
 * the overlay files, the template, the generator's own code and the request's settings. Equal
 * fingerprints mean the previous output can be kept as it is.
 */
final class Fingerprint {
  private static final String FORMAT = "torii-mcp-fingerprint-1";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static volatile String generatorHash;

  private Fingerprint() {}

  static String of(GenerationRequest request, JsonNode resolved, String template)
      throws IOException {
    MessageDigest digest = sha256();
    line(digest, FORMAT);
    line(digest, generatorCode());
    line(digest, request.packageName());
    line(digest, request.registryClassName());
    line(digest, request.toolPrefix());
    line(digest, String.valueOf(request.autoPagination()));
    line(digest, String.valueOf(request.maxSchemaBytes()));
    line(digest, request.filters().toString());
    line(digest, Generator.display(request.baseDirectory(), request.spec()));
    line(digest, template);
    json(digest, resolved);
    for (Path overlay : request.overlays()) {
      line(digest, Generator.display(request.baseDirectory(), overlay));
      digest.update(Files.readAllBytes(overlay));
      line(digest, "");
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The tree's compact JSON, written straight into the digest: no copy of the whole text. */
  private static void json(MessageDigest digest, JsonNode tree) throws IOException {
    try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
      MAPPER.writeValue(out, tree);
    }
    digest.update((byte) '\n');
  }

  private static void line(MessageDigest digest, String s) {
    digest.update(s.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
  }

  /**
   * A hash of the generator's jar, so that a rebuilt plugin regenerates even with the same version;
   * when running from a class directory (tests), the classes are hashed.
   */
  private static String generatorCode() throws IOException {
    String known = generatorHash;
    if (known != null) {
      return known;
    }
    MessageDigest digest = sha256();
    CodeSource source = Generator.class.getProtectionDomain().getCodeSource();
    Path location = null;
    try {
      location = source == null ? null : Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      location = null;
    }
    if (location != null && Files.isRegularFile(location)) {
      try (InputStream in = Files.newInputStream(location)) {
        digest.update(in.readAllBytes());
      }
    } else if (location != null && Files.isDirectory(location)) {
      try (var files = Files.walk(location)) {
        for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
          line(digest, location.relativize(p).toString());
          digest.update(Files.readAllBytes(p));
        }
      }
    }
    known = HexFormat.of().formatHex(digest.digest());
    generatorHash = known;
    return known;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
