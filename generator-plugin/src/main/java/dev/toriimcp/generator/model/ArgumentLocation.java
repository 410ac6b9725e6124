package dev.toriimcp.generator.model;

import java.util.Locale;

/** Where an argument is sent. */
public enum ArgumentLocation {
  PATH,
  QUERY,
  HEADER,
  COOKIE,
  /** One field of a JSON object body. */
  BODY_FIELD,
  /** One field of an application/x-www-form-urlencoded body. */
  FORM_FIELD,
  /** One multipart/form-data part holding a plain value. */
  PART,
  /** One multipart/form-data part holding a file (base64 in the arguments). */
  FILE_PART,
  /** The file name sent with the file part of the same wire name. */
  FILE_NAME,
  /** The whole request body. */
  BODY;

  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
