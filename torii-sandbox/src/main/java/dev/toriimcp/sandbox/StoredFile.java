package dev.toriimcp.sandbox;

import java.time.Instant;

/**
 * An uploaded file.
 *
 * @param id file id
 * @param type {@code attachment}, {@code expenseReport}, {@code customIntegrationData} or {@code
 *     plugin}
 * @param fileName original name
 * @param contentType MIME type served on download
 * @param creationTime upload time
 * @param uploadedBy user id of the uploader
 * @param content the bytes
 */
public record StoredFile(
    int id,
    String type,
    String fileName,
    String contentType,
    Instant creationTime,
    int uploadedBy,
    byte[] content) {

  public StoredFile {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredFile f
        && f.id == id
        && f.type.equals(type)
        && f.fileName.equals(fileName)
        && java.util.Arrays.equals(f.content, content);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(id, type, fileName, java.util.Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return "StoredFile[id=" + id + ", type=" + type + ", fileName=" + fileName + "]";
  }
}
