package dev.toriimcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What fuzzing the JSON-RPC decoder and dispatcher found, over real HTTP and stdio: one test per
 * finding, each with the input that showed it.
 */
class DecoderFindingsTest {
  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  /**
   * A request whose id was an object (here a whole JSON-RPC message) got that object back as the
   * response's id, which is not a valid JSON-RPC response. Ids that are neither strings nor numbers
   * are invalid requests now, answered with a null id; so are methods that are not strings.
   */
  @Test
  void idsThatAreNeitherStringsNorNumbersAreInvalidRequests() throws Exception {
    McpHttp c = server.client();
    c.initialize();
    McpHttp.Answer object =
        c.post(
            "{\"jsonrpc\":\"1.0\",\"id\":{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\"}}",
            c.session());
    assertEquals(400, object.status());
    assertEquals(
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,"
            + "\"message\":\"Invalid request: id must be a string or a number\"}}",
        object.text());
    McpHttp.Answer array =
        c.post("{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"ping\"}", c.session());
    assertEquals(400, array.status());
    assertEquals(true, array.json().get("id").isNull());
    McpHttp.Answer method = c.post("{\"jsonrpc\":\"2.0\",\"id\":\"m\",\"method\":7}", c.session());
    assertEquals(400, method.status());
    assertEquals(
        "{\"jsonrpc\":\"2.0\",\"id\":\"m\",\"error\":{\"code\":-32600,"
            + "\"message\":\"Invalid request: method must be a string\"}}",
        method.text());
    assertEquals(
        "{}", c.request("ping", null).get("result").toString(), "numbers and strings still work");
  }

  /**
   * A body starting with three zero bytes is read as UTF-32; an invalid UTF-32 character made the
   * JSON reader throw an I/O exception that the decoder did not expect, and Jetty answered with its
   * own error page. It is a JSON-RPC parse error now.
   */
  @Test
  void aBodyThatIsNotValidUtf32IsAParseError() throws Exception {
    byte[] body = {0, 0, 0, '{', 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.url))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(400, r.statusCode());
    assertEquals(List.of("application/json"), r.headers().allValues("Content-Type"));
    assertEquals(
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,"
            + "\"message\":\"Parse error: the body is not JSON\"}}",
        r.body());
  }
}
