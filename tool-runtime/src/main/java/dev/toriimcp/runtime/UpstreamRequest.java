package dev.toriimcp.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One upstream HTTP call, described by values rather than bytes.
 *
 * <p>Generated tools fill it from their typed input; the server encodes it (path escaping, query
 * styles, JSON or multipart bodies, authentication). Null values mean "argument not given" and are
 * dropped by the builder, so generated code never branches on optional arguments.
 */
public final class UpstreamRequest {

  /** OpenAPI serialization styles for parameters. */
  public enum Style {
    SIMPLE,
    LABEL,
    MATRIX,
    FORM,
    SPACE_DELIMITED,
    PIPE_DELIMITED,
    DEEP_OBJECT
  }

  /** Where a parameter goes. */
  public enum Location {
    PATH,
    QUERY,
    HEADER,
    COOKIE
  }

  /**
   * One parameter value with its OpenAPI serialization.
   *
   * @param location where it goes
   * @param name the upstream name
   * @param value a string, number, boolean, enum, list, map, record or Jackson node
   * @param style the serialization style
   * @param explode the OpenAPI explode flag
   */
  public record Parameter(
      Location location, String name, Object value, Style style, boolean explode) {
    public Parameter {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(style, "style");
    }
  }

  /**
   * One multipart/form-data part.
   *
   * @param name the form field name
   * @param value bytes for file parts, any other value for plain fields
   * @param filename file name for file parts, else null
   * @param contentType content type for file parts, else null
   */
  public record Part(String name, Object value, String filename, String contentType) {}

  /** The kind of body the request carries. */
  public enum BodyKind {
    NONE,
    JSON,
    FORM_URLENCODED,
    MULTIPART,
    RAW
  }

  private final String method;
  private final String pathTemplate;
  private final List<Parameter> parameters;
  private final Map<String, Object> queryFreeForm;
  private final BodyKind bodyKind;
  private final Map<String, Object> bodyFields;
  private final Object body;
  private final List<Part> parts;
  private final String contentType;

  private UpstreamRequest(Builder b) {
    this.method = b.method;
    this.pathTemplate = b.pathTemplate;
    this.parameters = List.copyOf(b.parameters);
    this.queryFreeForm = Collections.unmodifiableMap(new LinkedHashMap<>(b.queryFreeForm));
    this.bodyKind = b.bodyKind;
    this.bodyFields = Collections.unmodifiableMap(new LinkedHashMap<>(b.bodyFields));
    this.body = b.body;
    this.parts = List.copyOf(b.parts);
    this.contentType = b.contentType;
  }

  /**
   * Starts a request for an HTTP method and an OpenAPI path template such as {@code
   * /users/{idUser}}.
   */
  public static Builder builder(String method, String pathTemplate) {
    return new Builder(method, pathTemplate);
  }

  public String method() {
    return method;
  }

  public String pathTemplate() {
    return pathTemplate;
  }

  /** Path, query, header and cookie parameters in declaration order. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** Parameters at one location, in declaration order. */
  public List<Parameter> parameters(Location location) {
    List<Parameter> out = new ArrayList<>();
    for (Parameter p : parameters) {
      if (p.location() == location) {
        out.add(p);
      }
    }
    return out;
  }

  /** Free-form {@code key=value} query pairs (e.g. custom-field filters), in insertion order. */
  public Map<String, Object> queryFreeForm() {
    return queryFreeForm;
  }

  public BodyKind bodyKind() {
    return bodyKind;
  }

  /** Fields of an object body ({@link BodyKind#JSON} or form), in declaration order. */
  public Map<String, Object> bodyFields() {
    return bodyFields;
  }

  /** A whole non-object body (array, string, bytes), if any. */
  public Optional<Object> body() {
    return Optional.ofNullable(body);
  }

  /** Multipart parts, in declaration order. */
  public List<Part> parts() {
    return parts;
  }

  /** Declared request content type, or null without a body. */
  public String contentType() {
    return contentType;
  }

  /**
   * Decodes a base64 argument (file content) to bytes; null stays null. Accepts the standard and
   * the URL-safe alphabet, with or without padding.
   *
   * @throws IllegalArgumentException when the text is not base64
   */
  public static byte[] base64(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    return t.indexOf('-') >= 0 || t.indexOf('_') >= 0
        ? java.util.Base64.getUrlDecoder().decode(t)
        : java.util.Base64.getMimeDecoder().decode(t);
  }

  /** Collects the values of one call; nulls are ignored. */
  public static final class Builder {
    private final String method;
    private final String pathTemplate;
    private final List<Parameter> parameters = new ArrayList<>();
    private final Map<String, Object> queryFreeForm = new LinkedHashMap<>();
    private final Map<String, Object> bodyFields = new LinkedHashMap<>();
    private final List<Part> parts = new ArrayList<>();
    private BodyKind bodyKind = BodyKind.NONE;
    private Object body;
    private String contentType;

    private Builder(String method, String pathTemplate) {
      this.method = Objects.requireNonNull(method, "method");
      this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate");
    }

    /** A path parameter with the default {@code simple} style. */
    public Builder path(String name, Object value) {
      return parameter(Location.PATH, name, value, Style.SIMPLE, false);
    }

    /** A query parameter. */
    public Builder query(String name, Object value, Style style, boolean explode) {
      return parameter(Location.QUERY, name, value, style, explode);
    }

    /** A header parameter with the {@code simple} style. */
    public Builder header(String name, Object value) {
      return parameter(Location.HEADER, name, value, Style.SIMPLE, false);
    }

    /** A cookie parameter with the {@code form} style. */
    public Builder cookie(String name, Object value) {
      return parameter(Location.COOKIE, name, value, Style.FORM, true);
    }

    /** Any parameter. */
    public Builder parameter(
        Location location, String name, Object value, Style style, boolean explode) {
      if (value != null) {
        parameters.add(new Parameter(location, name, value, style, explode));
      }
      return this;
    }

    /** Free-form query pairs; a null map adds nothing. */
    public Builder queryFreeForm(Map<String, ?> values) {
      if (values != null) {
        values.forEach(
            (k, v) -> {
              if (v != null) {
                queryFreeForm.put(k, v);
              }
            });
      }
      return this;
    }

    /** One field of a JSON object body. */
    public Builder jsonField(String name, Object value) {
      useBody(BodyKind.JSON, "application/json");
      if (value != null) {
        bodyFields.put(name, value);
      }
      return this;
    }

    /** Additional fields of a JSON object body (e.g. custom fields); a null map adds nothing. */
    public Builder jsonFields(Map<String, ?> values) {
      useBody(BodyKind.JSON, "application/json");
      if (values != null) {
        values.forEach(
            (k, v) -> {
              if (v != null) {
                bodyFields.put(k, v);
              }
            });
      }
      return this;
    }

    /** One field of an {@code application/x-www-form-urlencoded} body. */
    public Builder formField(String name, Object value) {
      useBody(BodyKind.FORM_URLENCODED, "application/x-www-form-urlencoded");
      if (value != null) {
        bodyFields.put(name, value);
      }
      return this;
    }

    /** One multipart/form-data part; a null value adds nothing. */
    public Builder part(String name, Object value, String filename, String partContentType) {
      useBody(BodyKind.MULTIPART, "multipart/form-data");
      if (value != null) {
        parts.add(new Part(name, value, filename, partContentType));
      }
      return this;
    }

    /** A whole body that is not an object, or is sent as given. */
    public Builder body(Object value, String mediaType) {
      useBody(mediaType.contains("json") ? BodyKind.JSON : BodyKind.RAW, mediaType);
      body = value;
      return this;
    }

    private void useBody(BodyKind kind, String type) {
      if (bodyKind != BodyKind.NONE && bodyKind != kind) {
        throw new IllegalStateException(
            "a request has one body kind, not " + bodyKind + " and " + kind);
      }
      bodyKind = kind;
      contentType = type;
    }

    public UpstreamRequest build() {
      return new UpstreamRequest(this);
    }
  }
}
