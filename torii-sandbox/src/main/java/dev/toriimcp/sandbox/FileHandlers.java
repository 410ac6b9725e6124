package dev.toriimcp.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Promise;

/**
 * Files: pre-signed upload URLs, direct multipart upload, file info and download redirects. The
 * pre-signed URLs point at the sandbox's own {@code /sandbox-storage} paths (no API key needed,
 * like S3 links).
 */
final class FileHandlers {
  static final String STORAGE_PREFIX = "/sandbox-storage";
  static final int MAX_UPLOAD_BYTES = 3 * 1024 * 1024;
  static final List<String> TYPES =
      List.of("attachment", "expenseReport", "customIntegrationData", "plugin");
  static final List<String> EXTENSIONS =
      List.of(
          "csv", "xls", "xlsx", "pdf", "doc", "docx", "png", "jpg", "jpeg", "xml", "json", "zip",
          "txt");

  private final SandboxState state;
  private final String secret;

  FileHandlers(SandboxState state, long seed) {
    this.state = state;
    this.secret = "sandbox-files-" + seed;
  }

  void register(Router router) {
    router.add("GET", "/files/url", "getFilesUrl", this::uploadUrl);
    router.add("POST", "/files", "postFiles", this::register);
    router.add("POST", "/files/upload", "postFilesUpload", this::upload);
    router.add("GET", "/files/{id}", "getFilesId", this::info);
    router.add("GET", "/files/{id}/download", "getFilesIdDownload", this::download);
  }

  void registerStorage(Router storage) {
    storage.add("PUT", STORAGE_PREFIX + "/uploads/{token}", "storagePut", this::storagePut);
    storage.add("GET", STORAGE_PREFIX + "/files/{id}/{signature}", "storageGet", this::storageGet);
  }

  private ApiResponse uploadUrl(ApiRequest request) {
    String name = request.queryText("name");
    String type = request.queryText("type");
    if (name == null) {
      throw ApiException.badRequest("\"name\" is required");
    }
    if (type == null) {
      throw ApiException.badRequest(
          "\"type\" is required (the file's content type, e.g. text/csv)");
    }
    String token = UUID.randomUUID().toString();
    String filePath = "uploads/" + SandboxState.ID_ORG + "/" + token + "/" + name;
    state.pendingUploads.put(token, new SandboxState.PendingUpload(filePath, name, type, null));
    ObjectNode parameters = Json.object();
    parameters.put("url", request.rootUrl() + STORAGE_PREFIX + "/uploads/" + token);
    parameters.put("filePath", filePath);
    return ApiResponse.wrapped("uploadFileParameters", parameters);
  }

  private ApiResponse storagePut(ApiRequest request) {
    String token = request.pathText("token");
    SandboxState.PendingUpload pending = state.pendingUploads.get(token);
    if (pending == null) {
      throw ApiException.notFound("Unknown or expired upload URL");
    }
    state.pendingUploads.put(
        token,
        new SandboxState.PendingUpload(
            pending.filePath(), pending.fileName(), pending.contentType(), request.body()));
    return ApiResponse.bytes("text/plain", new byte[0]);
  }

  private ApiResponse register(ApiRequest request) {
    ObjectNode body = request.jsonBody();
    Params.onlyKeys(body, List.of("path", "type"));
    String path = Params.requiredText(body, "path");
    String type = Params.oneOf("type", Params.requiredText(body, "type"), TYPES);
    String token = null;
    SandboxState.PendingUpload pending = null;
    for (var entry : state.pendingUploads.entrySet()) {
      if (entry.getValue().filePath().equals(path) && entry.getValue().content() != null) {
        token = entry.getKey();
        pending = entry.getValue();
      }
    }
    if (pending == null) {
      throw ApiException.badRequest(
          "Nothing was uploaded to path '"
              + path
              + "': PUT the file to the URL from GET /files/url");
    }
    state.pendingUploads.remove(token);
    return store(request, type, pending.fileName(), pending.contentType(), pending.content());
  }

  private ApiResponse upload(ApiRequest request) {
    String contentType = request.header("content-type");
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw new ApiException(
          415, "Send the file as multipart/form-data with 'file' and 'type' parts");
    }
    String boundary = MultiPart.extractBoundary(contentType);
    if (boundary == null) {
      throw ApiException.badRequest("The multipart Content-Type has no boundary");
    }
    MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
    parser.setMaxMemoryFileSize(SandboxHandler.MAX_BODY_BYTES);
    parser.setMaxLength(SandboxHandler.MAX_BODY_BYTES);
    CompletableFuture<MultiPartFormData.Parts> parsed = new CompletableFuture<>();
    parser.parse(
        Content.Source.from(ByteBuffer.wrap(request.body())), Promise.Invocable.toPromise(parsed));
    try (MultiPartFormData.Parts parts = parsed.get()) {
      MultiPart.Part typePart = parts.getFirst("type");
      MultiPart.Part filePart = parts.getFirst("file");
      if (typePart == null) {
        throw ApiException.badRequest("\"type\" is required");
      }
      String type =
          Params.oneOf("type", typePart.getContentAsString(StandardCharsets.UTF_8).trim(), TYPES);
      if (filePart == null || filePart.getFileName() == null) {
        throw ApiException.badRequest("\"file\" is required: a file part with a filename");
      }
      String fileName = filePart.getFileName();
      int dot = fileName.lastIndexOf('.');
      String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
      if (!EXTENSIONS.contains(extension)) {
        throw ApiException.badRequest(
            "Unsupported file extension '."
                + extension
                + "'. Supported: ."
                + String.join(", .", EXTENSIONS));
      }
      ByteBuffer buffer = Content.Source.asByteBuffer(filePart.getContentSource());
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      if (bytes.length > MAX_UPLOAD_BYTES) {
        throw new ApiException(
            413,
            "File is "
                + bytes.length
                + " bytes; POST /files/upload accepts at most 3 MB (use GET /files/url for larger files)");
      }
      String partType = filePart.getHeaders().get("content-type");
      return store(
          request, type, fileName, partType == null ? guessType(extension) : partType, bytes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.badRequest("Upload interrupted");
    } catch (ExecutionException | java.io.IOException e) {
      throw ApiException.badRequest("Malformed multipart/form-data body");
    }
  }

  private ApiResponse store(
      ApiRequest request, String type, String fileName, String contentType, byte[] bytes) {
    int id = state.nextFileId++;
    StoredFile file =
        new StoredFile(id, type, fileName, contentType, state.now(), state.apiUserId, bytes);
    state.files.put(id, file);
    ObjectNode properties = Json.object();
    properties.put("idUpload", id);
    properties.put("fileName", fileName);
    properties.put("type", type);
    properties.put("size", bytes.length);
    state.recordAudit(request, "upload", "files", properties);
    ObjectNode out = Json.object();
    out.put("id", id);
    return ApiResponse.json(out);
  }

  private StoredFile requireFile(ApiRequest request) {
    int id = request.pathInt("id");
    StoredFile file = state.files.get(id);
    if (file == null) {
      throw ApiException.notFound("File " + id + " not found");
    }
    return file;
  }

  private ApiResponse info(ApiRequest request) {
    String type = request.queryText("type");
    if (type != null) {
      Params.oneOf("type", type, TYPES);
    }
    StoredFile file = requireFile(request);
    ObjectNode node = Json.object();
    node.put("id", file.id());
    node.put("type", file.type());
    node.put("fileName", file.fileName());
    node.put("creationTime", Json.time(file.creationTime()));
    node.put("uploadedBy", file.uploadedBy());
    return ApiResponse.wrapped("file", node);
  }

  private ApiResponse download(ApiRequest request) {
    StoredFile file = requireFile(request);
    return ApiResponse.redirect(
        request.rootUrl() + STORAGE_PREFIX + "/files/" + file.id() + "/" + sign(file.id()));
  }

  private ApiResponse storageGet(ApiRequest request) {
    int id = request.pathInt("id");
    StoredFile file = state.files.get(id);
    if (file == null || !sign(id).equals(request.pathText("signature"))) {
      throw ApiException.notFound("Not Found");
    }
    String encoded = URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    return ApiResponse.bytes(file.contentType(), file.content())
        .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded);
  }

  private String sign(int id) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] hash = digest.digest((secret + "|" + id).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, 24);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String guessType(String extension) {
    return switch (extension) {
      case "csv" -> "text/csv";
      case "txt" -> "text/plain";
      case "json" -> "application/json";
      case "xml" -> "application/xml";
      case "pdf" -> "application/pdf";
      case "png" -> "image/png";
      case "jpg", "jpeg" -> "image/jpeg";
      case "zip" -> "application/zip";
      default -> "application/octet-stream";
    };
  }
}
